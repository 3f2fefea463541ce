"""Facts as a frame, as CSV and as a terminal table."""
from __future__ import annotations

import io

import pandas as pd

from factcheck.model import Result
from factcheck.report import facts_frame, format_facts_text, write_facts_csv
from factcheck.report.tables import COLUMNS, display_width

EXPECTED_COLUMNS = ["article", "path", "fact", "kind", "text", "start", "end",
                    "subject", "attribute", "value", "scope", "stance"]


def test_frame_has_one_row_per_fact(sample_result):
    df = facts_frame(sample_result)
    assert list(df.columns) == EXPECTED_COLUMNS == COLUMNS
    assert list(df["fact"]) == [f.id for f in sample_result.facts]
    row = df.set_index("fact").loc["f6"]
    assert row["article"] == "a2" and row["path"] == "seeds/003_memory.txt"
    assert row["value"] == "월 90만 장 -> 900,000 wafer"
    assert row["scope"] == "per_month" and row["kind"] == "quantity"
    texts = {a.id: a.text for a in sample_result.articles}
    for r in df.itertuples():
        assert texts[r.article][r.start:r.end] == r.text


def test_empty_frame_keeps_columns_and_int_offsets():
    df = facts_frame(Result(articles=(), facts=(), conflicts=()))
    assert list(df.columns) == EXPECTED_COLUMNS and len(df) == 0
    assert str(df["start"].dtype) == "int64"


def test_csv_to_path_round_trips(sample_result, tmp_path):
    p = tmp_path / "facts.csv"
    write_facts_csv(sample_result, p)
    raw = p.read_bytes()
    assert b"\r\n" not in raw
    assert raw.decode("utf-8").splitlines()[0] == ",".join(EXPECTED_COLUMNS)
    back = pd.read_csv(p, keep_default_na=False)
    assert list(back["text"]) == [f.text for f in sample_result.facts]
    assert list(back["start"]) == [f.start for f in sample_result.facts]
    assert back.loc[back["fact"] == "f7", "value"].item().startswith("5000억 달러 -> 500,000,000,000 USD")


def test_csv_to_stream(sample_result):
    buf = io.StringIO()
    assert write_facts_csv(sample_result, buf) is None
    lines = buf.getvalue().splitlines()
    assert len(lines) == 1 + len(sample_result.facts)
    assert lines[1].startswith("a1,seeds/001_openai.txt,f1,date,1일 오후 6시,")


def test_text_table_groups_by_article_and_aligns_wide_characters(sample_result):
    out = format_facts_text(sample_result)
    lines = out.splitlines()
    assert lines[0].split() == ["fact", "kind", "text", "subject", "attribute", "value", "scope", "stance"]
    assert "[a1] seeds/001_openai.txt  (4 facts)" in lines
    assert "[a2] seeds/003_memory.txt  (3 facts)" in lines
    # The scope column starts at the same terminal cell in every fact row,
    # although the rows mix Hangul (2 cells) and Latin (1 cell).
    header_col = display_width(lines[0][:lines[0].index("scope")])
    rows = [ln for ln in lines[2:] if ln[:1] == "f"]
    assert len(rows) == 7
    for ln, f in zip(rows, sample_result.facts):
        scope = f"{f.scope} ({f.scope_detail})" if f.scope_detail else f.scope
        assert display_width(ln[:ln.index(scope, len(ln) - 40)]) == header_col, ln
    assert "by_date (2029)" in out
    assert all(display_width(ln) <= 200 for ln in lines)


def test_text_table_clips_long_cells_and_flattens_newlines(fact_builder):
    make_article, make_fact = fact_builder
    a = make_article("a", "a.txt", "첫 줄\n둘째 줄 아주 긴 인용문이 계속 이어지며 끝나지 않는 문장입니다.")
    f = make_fact(a, "f1", "quote", a.text, "인용")
    out = format_facts_text(Result(articles=(a,), facts=(f,), conflicts=()))
    row = out.splitlines()[-1]
    assert "\n" not in row and "…" in row


def test_text_table_empty():
    assert format_facts_text(Result(articles=(), facts=(), conflicts=())) == "no facts\n"
