"""`factcheck review` end to end on a copy of the seeds, and `check` showing decisions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="factcheck", catch_exceptions=False)


@pytest.fixture
def corpus(seed_copy) -> Path:
    return seed_copy


@pytest.fixture
def report_of(tmp_path):
    def run(*paths) -> dict:
        out = tmp_path / "report.json"
        result = invoke("check", *paths, "--no-html", "--json", out, "-q")
        assert result.exit_code == 0, result.output
        return json.loads(out.read_text(encoding="utf-8"))
    return run


def by_kind(report: dict, kind: str) -> dict:
    return next(c for c in report["conflicts"] if c["kind"] == kind)


def test_set_then_check_and_list_show_the_decision(corpus, report_of, monkeypatch):
    monkeypatch.chdir(corpus)
    before = report_of(".")
    assert {c["status"] for c in before["conflicts"]} == {"open"}
    entity = by_kind(before, "entity")

    result = invoke("review", "set", entity["id"][:7], "--status", "dismissed",
                    "--note", "청와대는 옛 표현, 같은 회동", "--by", "desk", "-q")
    assert result.exit_code == 0, result.output
    assert f"{entity['id']}: dismissed by desk" in result.stdout
    assert (corpus / ".factcheck" / "decisions.jsonl").is_file()  # made in the current folder

    after = report_of(".")
    decided = next(c for c in after["conflicts"] if c["id"] == entity["id"])
    assert (decided["status"], decided["note"], decided["decided_by"]) == (
        "dismissed", "청와대는 옛 표현, 같은 회동", "desk")
    assert after["summary"]["conflicts_by_status"]["dismissed"] == 1

    listing = invoke("review", "list", "-q")
    assert listing.exit_code == 0, listing.output
    row = next(line for line in listing.stdout.splitlines() if line.startswith(entity["id"]))
    assert row.split()[1:4] == [entity["severity"], "entity", "dismissed"]
    assert "note: 청와대는 옛 표현, 같은 회동 — desk" in listing.stdout
    assert f"1 of {len(after['conflicts'])} reviewed" in listing.stdout
    only_open = invoke("review", "list", "--status", "open", "-q").stdout
    assert entity["id"] not in only_open


def test_confirm_with_the_right_side_then_show_and_history(corpus, report_of):
    report = report_of(corpus)
    scope = by_kind(report, "numeric_scope")
    facts = {f["id"]: f for f in report["facts"]}
    paths = {a["id"]: a["path"] for a in report["articles"]}
    side_b = facts[scope["sides"][1][0]]
    b_file = Path(paths[side_b["article"]]).name

    first = invoke("review", "set", scope["id"], "--status", "confirmed", "--right", b_file,
                   "--note", "월 단위가 맞다", "--by", "kim", "--corpus", corpus, "-q")
    assert first.exit_code == 0, first.output
    stored = json.loads((corpus / ".factcheck" / "decisions.jsonl").read_text(encoding="utf-8"))
    assert stored["right"] == f"{b_file}: {side_b['text']}"  # the side, by source and text
    again = invoke("review", "set", scope["id"], "--status", "fixed", "--note", "정정 기사 나감",
                   "--by", "lee", "--corpus", corpus, "-q")
    assert again.exit_code == 0, again.output

    shown = invoke("review", "show", scope["id"][:6], "--corpus", corpus, "-q")
    assert shown.exit_code == 0, shown.output
    out = shown.stdout
    assert out.startswith(f"{scope['id']}  numeric_scope")
    assert "status: fixed by lee" in out and "note: 정정 기사 나감" in out
    assert f"[{side_b['text']}]" in out  # the span, marked in its sentence
    assert "history (2):" in out

    history = invoke("review", "history", scope["id"][:6], "--corpus", corpus)
    assert history.exit_code == 0, history.output
    rows = history.stdout.splitlines()[1:]
    assert [r.split()[1] for r in rows] == ["confirmed", "fixed"]
    assert f"kim (right: {b_file}: {side_b['text']}): 월 단위가 맞다" in rows[0]


def test_right_by_side_label(corpus, report_of):
    scope = by_kind(report_of(corpus), "numeric_scope")
    result = invoke("review", "set", scope["id"], "--status", "confirmed", "--right", "a",
                    "--corpus", corpus, "--by", "kim", "-q")
    assert result.exit_code == 0, result.output
    assert "right: " in result.stdout


@pytest.mark.parametrize("args, message", [
    (["set", "zzz", "--status", "fixed"], "unknown conflict id 'zzz'"),
    (["set", "ID", "--status", "fixed", "--right", "A"], "--right goes with --status confirmed"),
    (["set", "ID", "--status", "confirmed", "--right", "no-such-source"], "names no side"),
    (["show", "zzz"], "unknown conflict id 'zzz'"),
    (["history", "zzz"], "unknown conflict id 'zzz'"),
])
def test_clear_errors_exit_2(corpus, report_of, args, message):
    cid = by_kind(report_of(corpus), "numeric_scope")["id"]
    result = invoke("review", *[cid if a == "ID" else a for a in args], "--corpus", corpus)
    assert result.exit_code == 2
    assert "factcheck: error: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.output
    assert not (corpus / ".factcheck" / "decisions.jsonl").exists()


def test_unknown_status_and_ambiguous_prefix_exit_2(corpus, report_of):
    ids = [c["id"] for c in report_of(corpus)["conflicts"]]
    bad = invoke("review", "set", ids[0], "--status", "maybe", "--corpus", corpus)
    assert bad.exit_code == 2 and "'maybe' is not one of" in bad.stderr
    prefix = next(p for p in ("num-", "ent-", "att-", "dat-")
                  if sum(i.startswith(p) for i in ids) > 1)
    ambiguous = invoke("review", "set", prefix, "--status", "fixed", "--corpus", corpus, "-q")
    assert ambiguous.exit_code == 2 and "is ambiguous" in ambiguous.stderr


def test_force_records_an_unknown_id_and_check_reports_it_stale(corpus, report_of, tmp_path):
    forced = invoke("review", "set", "gone-123456", "--status", "dismissed", "--note", "지난주 충돌",
                    "--by", "kim", "--force", "--corpus", corpus)
    assert forced.exit_code == 0, forced.output
    out = tmp_path / "r.json"
    result = invoke("check", corpus, "--no-html", "--json", out)
    assert result.exit_code == 0
    assert "stale decision: gone-123456 (dismissed by kim" in result.stderr
    assert "Decisions: " in result.stdout and "(0 of " in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [(d["conflict"], d["note"]) for d in report["stale_decisions"]] == [("gone-123456", "지난주 충돌")]
    assert report["summary"]["stale_decisions"] == 1
    listing = invoke("review", "list", "--corpus", corpus, "-q").stdout
    assert "stale: gone-123456" in listing


def test_check_without_a_store_makes_none(corpus, report_of):
    report_of(corpus)
    assert not (corpus / ".factcheck").exists()


def test_a_garbled_store_line_is_a_warning_with_its_line(corpus, report_of):
    cid = by_kind(report_of(corpus), "entity")["id"]
    invoke("review", "set", cid, "--status", "fixed", "--by", "kim", "--corpus", corpus, "-q")
    path = corpus / ".factcheck" / "decisions.jsonl"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('{"conflict": "x", "status"\n')
    result = invoke("check", corpus, "--no-html", "-q")
    assert result.exit_code == 0  # a warning, not an input error
    assert f"{path}:2: unreadable decision skipped" in result.stderr
    assert invoke("review", "list", "--corpus", corpus, "-q").stdout.count("fixed") == 1
