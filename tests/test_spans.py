"""Offsets are the contract with the scorer (shared EVAL.md): for every fact,
``fact.text == article.text[fact.start:fact.end]``, and for a .txt/.md article
``article.text`` is the file's bytes decoded as UTF-8, with nothing stripped or translated.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.model import Result
from factcheck.pipeline import check
from factcheck.report.json_report import dumps
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
CORPORA = sorted(p for p in (ROOT / "tests" / "data" / "corpora").iterdir() if (p / "gold.yaml").is_file())


@pytest.fixture(scope="module")
def rules():
    return load_rules(RULES)


def assert_spans(result: Result, files: dict[str, bytes] | None = None) -> None:
    """The invariant, on the Result and on its JSON report. ``files`` maps article
    paths to their bytes; by default each article's file is read from disk."""
    by_id = {a.id: a for a in result.articles}
    for a in result.articles:
        if a.extracted:
            continue
        data = files[a.path] if files is not None else Path(a.path).read_bytes()
        if a.encoding == "utf-8":
            assert a.text == data.decode("utf-8"), f"{a.path}: text is not the file decoded as UTF-8"
        else:
            assert a.text == data.decode(a.encoding), f"{a.path}: text is not the decoded file"
    for f in result.facts:
        text = by_id[f.article].text
        assert 0 <= f.start < f.end <= len(text), (f.id, f.start, f.end, len(text))
        assert text[f.start:f.end] == f.text, (f.id, f.text, text[f.start:f.end])
        assert 0 <= f.sentence_start <= f.start and f.end <= f.sentence_end <= len(text), f
    report = json.loads(dumps(result))
    texts = {a["id"]: by_id[a["id"]].text for a in report["articles"]}
    assert [f["id"] for f in report["facts"]] == [f.id for f in result.facts]
    for f in report["facts"]:
        assert texts[f["article"]][f["start"]:f["end"]] == f["text"]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_every_fact_of_the_corpora_indexes_its_file(corpus, rules):
    result = check([corpus], rules=rules)
    assert result.problems == ()
    txt = sorted(p.name for p in corpus.glob("*.txt"))
    assert sorted(Path(a.path).name for a in result.articles) == txt
    assert result.facts, "no facts extracted"
    assert_spans(result)
    for a in result.articles:
        assert not a.extracted and a.encoding == "utf-8"
        assert a.text == (corpus / Path(a.path).name).read_bytes().decode("utf-8")


# -- random articles -----------------------------------------------------------------------

HANGUL = st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=5)
WORDS = st.sampled_from([
    "삼성전자", "SK하이닉스", "오픈AI", "이재명 대통령", "샘 올트먼", "정부는", "관세", "투자",
    "규모는", "공급한다", "밝혔다", "발표했다", "합의했다", "대미 투자", "현금", "청와대", "용산 대통령실",
    "미국", "한국", "연간", "매년", "월", "총", "누적", "기존보다", "에서", "로",
])
NUMBERS = st.sampled_from([
    "90만", "3500억", "5천억", "1조2000억", "2조", "200억", "1,500", "25", "15", "0.5", "3.5", "70",
    "4만5000", "12만", "100", "1억5000만", "삼천", "이백만",
])
UNITS = st.sampled_from(["달러", " 달러", "원", "장", " 장", "웨이퍼", "%", "%p", "명", "대", "개", "년", "개월",
                         "배", "톤", "엔", "유로", "건", ""])
HEDGES = st.sampled_from(["약 ", "최대 ", "최소 ", "무려 ", "", "", "연 ", "월 ", "매년 "])
SUFFIXES = st.sampled_from(["", " 이상", " 이하", " 가량", " 안팎", " 수준", "에 달한다", "까지", "씩", "로"])
DATES = st.sampled_from([
    "2025년 10월 1일", "1일 오후 6시", "10월 1일", "지난달 31일", "2029년까지", "오는 2026년 1월",
    "7월 31일(현지시간)", "2025.10.02", "3일", "이날", "지난해", "올해 상반기", "2025-11-26 07:49",
])
QUOTES = st.tuples(st.sampled_from(["“{}”", '"{}"', "'{}'", "‘{}’", "「{}」"]),
                   st.lists(st.one_of(WORDS, HANGUL), min_size=1, max_size=5)).map(
    lambda t: t[0].format(" ".join(t[1])))
SPEECH = st.sampled_from(["라고 말했다", "고 밝혔다", "라고 했다", "며", ""])
EMOJI = st.sampled_from(["😀", "👍🏽", "👨‍👩‍👧", "🇰🇷", "❤️", "🚀", "𝟗𝟎"])
# str.splitlines() also breaks at \r, \x0c, \x85 and \u2028: offsets must not care.
SEPARATORS = st.sampled_from([" ", " ", " ", "\t", "\n", "\r\n", "\r\n\r\n", ". ", "다.\r\n", ", ", "\u3000",
                              "\u00a0", "  ", "\r", "\x0c", "\x85", "\u2028", "\u200b"])

QUANTITY = st.tuples(HEDGES, NUMBERS, UNITS, SUFFIXES).map("".join)
FRAGMENT = st.one_of(QUANTITY, QUANTITY, DATES, WORDS, WORDS, HANGUL, st.tuples(QUOTES, SPEECH).map("".join),
                     EMOJI)
# A sentence always has some Korean: an article never comes out blank (blank files are skipped).
SENTENCE = st.tuples(WORDS, st.lists(st.tuples(SEPARATORS, FRAGMENT).map("".join), max_size=10),
                     st.sampled_from(["다.", ".", "", "!", "?"])).map(lambda t: t[0] + "".join(t[1]) + t[2])
DATELINE = st.sampled_from(["", "최종편집:2025-11-26 07:49", "입력 2025.10.02 09:30", "기사입력 2025-07-31 14:00",
                            "[서울=뉴시스] 기자 = "])


@st.composite
def articles(draw) -> tuple[str, str]:
    """(text, suffix): a Korean-ish article with BOMs, CRLF, tabs and emoji mixed in."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    head = draw(DATELINE)
    sentences = draw(st.lists(SENTENCE, min_size=1, max_size=6))
    joiners = draw(st.lists(st.sampled_from([" ", newline, newline * 2, "\t", newline + "\t"]),
                            min_size=len(sentences), max_size=len(sentences)))
    body = "".join(s + j for s, j in zip(sentences, joiners))
    text = (head + newline if head else "") + body
    if draw(st.booleans()):
        text = "\ufeff" + text
    if draw(st.booleans()):
        text = text.rstrip()  # no final newline
    return text, draw(st.sampled_from([".txt", ".txt", ".md"]))


_counter = iter(range(10**9))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, rules) -> Path:
    folder = tmp_path_factory.mktemp("spans")
    warm = folder / "warm.txt"  # load the NLP model once, before the timed examples
    warm.write_text("삼성전자는 월 90만 장을 공급한다.", encoding="utf-8")
    check([warm], rules=rules)
    return folder


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_random_articles_keep_their_offsets(article, workdir, rules):
    text, suffix = article
    data = text.encode("utf-8")
    path = workdir / f"a{next(_counter)}{suffix}"
    path.write_bytes(data)
    result = check([path], rules=rules)
    assert [p for p in result.problems if p.severity == "error"] == []
    assert len(result.articles) == 1
    [a] = result.articles
    assert a.path == str(path) and a.encoding == "utf-8"
    assert a.text == data.decode("utf-8")  # BOM kept as U+FEFF, CRLF kept
    assert_spans(result, {a.path: data})


def test_the_strategy_reaches_the_awkward_cases():
    """The generator above does produce what the invariant is about (guards the strategy)."""
    seen = {"bom": False, "crlf": False, "tab": False, "emoji": False, "md": False, "number": False}

    @settings(max_examples=200, deadline=None, database=None, derandomize=True)
    @given(article=articles())
    def probe(article):
        text, suffix = article
        seen["bom"] |= text.startswith("\ufeff")
        seen["crlf"] |= "\r\n" in text
        seen["tab"] |= "\t" in text
        seen["emoji"] |= any(ord(c) > 0xFFFF for c in text)
        seen["md"] |= suffix == ".md"
        seen["number"] |= any(m in text for m in ("만", "억", "조"))

    probe()
    assert all(seen.values()), seen
