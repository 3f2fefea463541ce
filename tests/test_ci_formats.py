"""The CI output formats on hand-built results (no NLP): locations, escaping, the
annotation cap, the failing policy, XML safety."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import build_sample_result, make_article, make_fact
from factcheck.ci import render
from factcheck.ci.github import render_annotations, escape_data, escape_property, summary
from factcheck.ci.locate import Location, line_col, locate
from factcheck.ci.outcome import Policy, build
from factcheck.model import Conflict


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path.resolve()


def outcome_of(result, root: Path, changed=("seeds/003_memory.txt",), policy=Policy()):
    return build(result, {Path(p).resolve() for p in changed}, root, policy, "main (abc)")


# -- where facts are --------------------------------------------------------------------------------

def test_line_and_column_are_one_based_and_ignore_crlf_and_a_bom():
    text = "\ufeff첫 줄\r\n둘째 줄에 40만 장\r\n"
    assert line_col(text, text.index("첫")) == (1, 1)
    at = text.index("40만")
    assert line_col(text, at) == (2, 7)
    assert line_col(text, at + len("40만 장")) == (2, 12)


def test_columns_count_utf16_code_units_like_editors_and_sarif():
    text = "\U0001F4F0 속보: 40만 장"
    assert line_col(text, text.index("40만")) == (1, 8)  # the emoji is two code units


def test_a_jsonl_article_is_located_at_its_line(here):
    a = make_article("a1", "feeds/wire.jsonl:3", "한빛전자는 월 40만 장을 받는다.", extracted=True)
    f = make_fact(a, "f1", "quantity", "40만 장", "x")
    assert locate(f, a, here) == Location("feeds/wire.jsonl", 3)


def test_a_web_page_fact_is_located_at_the_first_line_holding_its_text(here):
    page = "<html>\n<body>\n<p>머리말</p>\n<p>한빛전자는 월 40만 장을 받는다.</p>\n</body></html>\n"
    (here / "page.html").write_text(page, encoding="utf-8")
    a = make_article("a1", "page.html", "머리말\n한빛전자는 월 40만 장을 받는다.", extracted=True)
    assert locate(make_fact(a, "f1", "quantity", "40만 장", "x"), a, here) == Location("page.html", 4)
    b = make_article("a2", "page.html", "본문에 없는 말", extracted=True)
    assert locate(make_fact(b, "f2", "quantity", "없는 말", "x"), b, here) == Location("page.html", 1)


# -- the policy --------------------------------------------------------------------------------------

@pytest.mark.parametrize("severity, status, fail_on, fails", [
    ("high", "open", "medium", True),
    ("medium", "open", "medium", True),
    ("low", "open", "medium", False),
    ("low", "open", "low", True),
    ("medium", "open", "high", False),
    ("high", "confirmed", "high", True),
    ("high", "dismissed", "low", False),
    ("high", "fixed", "low", False),
])
def test_what_fails_the_build(severity, status, fail_on, fails):
    c = Conflict("x", "numeric_scope", severity, (), (), "", "", "r", status=status)
    assert Policy(fail_on).fails(c) is fails


def test_only_conflicts_with_a_changed_article_are_kept(here):
    result = build_sample_result()
    outcome = outcome_of(result, here)
    assert [c.id for c in outcome.conflicts] == [c.id for c in result.conflicts]
    assert outcome.exit_code == 1
    unrelated = outcome_of(result, here, changed=("seeds/other.txt",))
    assert unrelated.conflicts == () and unrelated.exit_code == 0
    assert outcome_of(result, here, policy=Policy(no_fail=True)).exit_code == 0


# -- GitHub -----------------------------------------------------------------------------------------

def test_workflow_command_escaping():
    assert escape_data("50% 인상\r\n다음 줄: a,b") == "50%25 인상%0D%0A다음 줄: a,b"
    assert escape_property("50% 인상\r\n다음 줄: a,b") == "50%25 인상%0D%0A다음 줄%3A a%2Cb"


def many_conflicts(n: int):
    result = build_sample_result()
    scope = result.conflicts[0]
    return replace(result, conflicts=tuple(replace(scope, id=f"num-{i:012d}") for i in range(n)))


def test_every_conflict_is_annotated_and_the_summary_says_when_github_will_cut(here):
    outcome = outcome_of(many_conflicts(12), here)
    lines = render_annotations(outcome).splitlines()
    assert len(lines) == 12 and all(line.startswith("::error file=seeds/003_memory.txt,line=2,") for line in lines)
    text = summary(outcome)
    assert "12 errors were emitted" in text
    assert sum(1 for line in text.splitlines() if line.startswith("| \u274c")) == 12


def test_the_summary_cannot_be_broken_by_article_text(here):
    result = build_sample_result()
    a2 = result.articles[1]
    hostile = replace(a2, text=a2.text.replace("월 90만 장", "월|90만<b>장"), outlet="<script>|")
    f6 = replace(result.fact("f6"), text="월|90만<b>장")
    result = replace(result, articles=(result.articles[0], hostile),
                     facts=tuple(f6 if f.id == "f6" else f for f in result.facts))
    text = summary(outcome_of(result, here))
    assert "<b>" not in text and "<script>" not in text
    row = next(line for line in text.splitlines() if "90만" in line and line.startswith("|"))
    assert row.count(" | ") == 5 and "월\\|90만&lt;b&gt;장" in row


def test_settled_conflicts_are_not_annotated(here):
    result = build_sample_result()
    settled = tuple(replace(c, status="dismissed") for c in result.conflicts)
    outcome = outcome_of(replace(result, conflicts=settled), here)
    assert render_annotations(outcome) == ""
    assert outcome.exit_code == 0


# -- JUnit, JSON, text ---------------------------------------------------------------------------------

def test_junit_stays_well_formed_with_control_characters(here):
    result = build_sample_result()
    conflicts = (replace(result.conflicts[0], explanation="bell \x07 and form feed \x0c"), *result.conflicts[1:])
    xml = render(outcome_of(replace(result, conflicts=conflicts), here), "junit")
    suites = ET.fromstring(xml)
    assert suites.get("failures") == "2"  # high open + medium confirmed


def test_json_keeps_the_editors_decision_and_the_verdict(here):
    report = json.loads(render(outcome_of(build_sample_result(), here, policy=Policy("high")), "json"))
    statuses = {c["id"]: c["status"] for c in report["conflicts"]}
    assert sorted(statuses.values()) == ["confirmed", "open"]
    assert report["ci"]["failing"] == [report["conflicts"][0]["id"]]  # medium is below --fail-on high


def test_text_names_both_places_of_each_conflict(here):
    text = render(outcome_of(build_sample_result(), here), "text")
    assert "seeds/003_memory.txt:2:" in text and "seeds/001_openai.txt:" in text
    assert "note: 대통령실은 용산에 있다 (desk@example)" in text
