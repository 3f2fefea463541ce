"""The JSON report: fixed fields (EVAL.md), offsets, value forms, atomic writes."""
from __future__ import annotations

import json
import os
import stat
from dataclasses import replace

import pytest

from factcheck.model import Decision, Quantity, Result
from factcheck.report import atomic_write_text, to_json_dict, write_json
from factcheck.report.json_report import dumps


def _strict_load(text: str):
    def no_constants(name):
        raise AssertionError(f"non-standard JSON constant {name}")
    return json.loads(text, parse_constant=no_constants)


def test_fixed_top_level_fields(sample_result):
    d = to_json_dict(sample_result)
    assert d["schema"] == "factcheck-report/1"
    for key in ("articles", "facts", "conflicts", "problems", "summary"):
        assert key in d


def test_article_records(sample_result):
    arts = to_json_dict(sample_result)["articles"]
    assert [a["id"] for a in arts] == ["a1", "a2"]
    a1 = arts[0]
    assert list(a1)[:3] == ["id", "path", "published"]
    assert a1["path"] == "seeds/001_openai.txt"
    assert a1["published"] == "2025-10-02T10:03:00+09:00"
    assert a1["outlet"] == "AI타임스"
    assert a1["sha256"] == sample_result.articles[0].sha256
    for key in ("title", "url", "encoding"):
        assert key in a1
    assert "text" not in a1  # .txt: offsets index the file itself


def test_every_fact_text_is_the_span_of_its_article(sample_result):
    d = to_json_dict(sample_result)
    texts = {a.id: a.text for a in sample_result.articles}
    assert len(d["facts"]) == len(sample_result.facts)
    for f in d["facts"]:
        assert f["text"] == texts[f["article"]][f["start"]:f["end"]]
        s0, s1 = f["sentence"]
        assert s0 <= f["start"] and f["end"] <= s1


def test_fact_record_fields_and_order(sample_result):
    f = to_json_dict(sample_result)["facts"][0]
    assert list(f)[:6] == ["id", "article", "text", "start", "end", "kind"]
    for key in ("subject", "attribute", "qualifiers", "value", "scope", "scope_detail",
                "period_days", "stance", "speaker", "event", "sentence", "trace"):
        assert key in f


def test_value_forms(sample_result):
    facts = {f["id"]: f for f in to_json_dict(sample_result)["facts"]}
    assert facts["f1"]["value"] == {"iso": "2025-10-01T18:00", "year": 2025, "month": 10, "day": 1,
                                    "hour": 18, "minute": 0, "timezone": None, "trace": ""}
    q = facts["f7"]["value"]
    assert (q["value"], q["low"], q["high"]) == (5e11, 0, 5e11)
    assert (q["unit"], q["dimension"], q["hedge"]) == ("USD", "currency", "최대")
    assert facts["f2"]["value"] == "청와대"
    assert facts["f3"]["scope"] == "by_date" and facts["f3"]["scope_detail"] == "2029"
    assert facts["f4"]["speaker"] == "샘 올트먼"


def test_open_interval_becomes_null_and_json_stays_valid(sample_result, fact_builder):
    make_article, make_fact = fact_builder
    a = make_article("x", "x.txt", "판매량은 100만 대 이상이다.")
    f = make_fact(a, "fx", "quantity", "100만 대 이상",
                  Quantity(1e6, 1e6, float("inf"), "count", "count", hedge="이상"))
    text = dumps(Result(articles=(a,), facts=(f,), conflicts=()))
    value = _strict_load(text)["facts"][0]["value"]
    assert value["low"] == 1e6 and value["high"] is None


def test_conflict_records(sample_result):
    cs = to_json_dict(sample_result)["conflicts"]
    assert [c["id"] for c in cs] == ["3f9c0a1b2d4e5f60", "8a7b6c5d4e3f2a10"]  # Result order
    c = cs[0]
    assert (c["kind"], c["severity"], c["status"]) == ("numeric_scope", "high", "open")
    assert c["facts"] == ["f3", "f6"] and c["sides"] == [["f3"], ["f6"]]
    for key in ("claim", "explanation", "rule", "note", "decided_by"):
        assert key in c
    assert cs[1]["note"] == "대통령실은 용산에 있다" and cs[1]["decided_by"] == "desk@example"


def test_problems_and_summary(sample_result):
    d = to_json_dict(sample_result)
    assert d["problems"] == [{"path": "seeds/broken.txt", "line": None,
                              "message": "not valid UTF-8 (byte 0xff at offset 12)",
                              "severity": "warning"}]
    s = d["summary"]
    assert (s["articles"], s["facts"], s["conflicts"]) == (2, 7, 2)
    assert s["conflicts_by_kind"]["numeric_scope"] == 1 and s["conflicts_by_kind"]["entity"] == 1
    assert s["conflicts_by_kind"]["date"] == 0
    assert list(s["conflicts_by_severity"]) == ["high", "medium", "low"]
    assert s["conflicts_by_severity"] == {"high": 1, "medium": 1, "low": 0}
    assert s["conflicts_by_status"]["open"] == 1 and s["conflicts_by_status"]["confirmed"] == 1
    assert s["facts_by_kind"]["quantity"] == 3
    assert (s["problems"], s["errors"], s["warnings"]) == (1, 0, 1)


def test_extracted_article_carries_its_text(fact_builder):
    make_article, make_fact = fact_builder
    a = make_article("h1", "page.html", "본문: 월 90만 장.", extracted=True)
    f = make_fact(a, "f1", "quantity", "월 90만 장",
                  Quantity(9e5, 9e5, 9e5, "wafer", "count"), scope="per_month")
    d = to_json_dict(Result(articles=(a,), facts=(f,), conflicts=()))
    art, fact = d["articles"][0], d["facts"][0]
    assert art["text"] == a.text
    assert art["text"][fact["start"]:fact["end"]] == "월 90만 장"


def test_write_json_is_deterministic_and_readable(sample_result, tmp_path):
    p = tmp_path / "out" / "report.json"  # missing parent is created
    write_json(sample_result, p)
    first = p.read_bytes()
    write_json(sample_result, p)
    assert p.read_bytes() == first
    text = first.decode("utf-8")
    assert "청와대" in text  # ensure_ascii=False
    assert text.startswith('{\n "schema"')  # indent=1, schema first
    assert _strict_load(text) == to_json_dict(sample_result)
    assert sorted(os.listdir(p.parent)) == ["report.json"]  # no temp file left


# -- atomic writes --------------------------------------------------------------

def test_atomic_write_keeps_bytes_exactly(tmp_path):
    p = tmp_path / "a.txt"
    atomic_write_text(p, "줄1\r\n줄2\n")
    assert p.read_bytes() == "줄1\r\n줄2\n".encode("utf-8")


def test_atomic_write_failure_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("old", encoding="utf-8")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(p, "new")
    assert p.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_atomic_write_modes(tmp_path):
    fresh = tmp_path / "fresh.txt"
    atomic_write_text(fresh, "x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # not mkstemp's 0600

    kept = tmp_path / "kept.txt"
    kept.write_text("x")
    kept.chmod(0o640)
    atomic_write_text(kept, "y")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_stale_decisions(sample_result):
    d = Decision(conflict="old", status="dismissed", note="오탐", by="desk", at="2025-10-03")
    out = to_json_dict(replace(sample_result, stale_decisions=(d,)))
    assert out["stale_decisions"] == [{"conflict": "old", "status": "dismissed", "note": "오탐",
                                       "by": "desk", "at": "2025-10-03", "right": None}]
    assert out["summary"]["stale_decisions"] == 1
