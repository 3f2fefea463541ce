"""The JSON report on the seed articles, compared with tests/golden/seeds.json.

The golden file is written by scripts/regen_golden.py, never by hand. A mismatch
prints a summary and a diff; if the change is intended, run the script and review
the golden file's diff.
"""
from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "regen_golden.py"
MAX_DIFF_LINES = 250


def _load_script():
    spec = importlib.util.spec_from_file_location("regen_golden", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regen = _load_script()


def _fact_key(report: dict, fact: dict) -> str:
    paths = {a["id"]: a["path"] for a in report["articles"]}
    return f"{paths.get(fact['article'], fact['article'])} [{fact['start']}:{fact['end']}] {fact['kind']} {fact['text']!r}"


def _conflict_key(report: dict, conflict: dict) -> str:
    texts = {f["id"]: f["text"] for f in report["facts"]}
    shown = " / ".join(repr(texts.get(fid, fid)) for fid in conflict["facts"])
    return f"{conflict['id']} {conflict['kind']}/{conflict['severity']}: {shown}"


def summarize_change(golden: dict, fresh: dict) -> list[str]:
    """What moved, in words: facts and conflicts that appeared or disappeared."""
    lines = []
    for name, key in (("facts", _fact_key), ("conflicts", _conflict_key)):
        old = {key(golden, r) for r in golden.get(name, [])}
        new = {key(fresh, r) for r in fresh.get(name, [])}
        lines.append(f"{name}: {len(old)} in golden, {len(new)} now")
        lines += [f"  - {k}" for k in sorted(old - new)]
        lines += [f"  + {k}" for k in sorted(new - old)]
    if golden.get("summary") != fresh.get("summary"):
        lines.append("summary changed")
    return lines


def readable_diff(expected: str, actual: str) -> str:
    diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                     "tests/golden/seeds.json", "fresh run", n=4, lineterm=""))
    if len(diff) > MAX_DIFF_LINES:
        diff = diff[:MAX_DIFF_LINES] + [f"... ({len(diff) - MAX_DIFF_LINES} more diff lines)"]
    return "\n".join(diff)


@pytest.fixture(scope="module")
def fresh_text() -> str:
    return regen.render(regen.normalize(regen.fresh_report()))


def test_golden_file_exists_and_is_normalized():
    assert regen.GOLDEN.is_file(), "tests/golden/seeds.json is missing: run scripts/regen_golden.py"
    text = regen.GOLDEN.read_text(encoding="utf-8")
    golden = json.loads(text)
    assert text == regen.render(golden), "the golden file was edited by hand: run scripts/regen_golden.py"
    assert golden["schema"] == "factcheck-report/1"
    assert golden["rules_version"] == regen.RULES_VERSION
    assert [a["path"] for a in golden["articles"]] == sorted(
        f"seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt"))
    assert "timings" not in golden and str(ROOT) not in text


def test_seed_report_matches_golden(fresh_text):
    expected = regen.GOLDEN.read_text(encoding="utf-8")
    if fresh_text == expected:
        return
    summary = "\n".join(summarize_change(json.loads(expected), json.loads(fresh_text)))
    pytest.fail(
        "The JSON report on seeds/ differs from tests/golden/seeds.json.\n"
        f"{summary}\n\n{readable_diff(expected, fresh_text)}\n\n"
        "If the change is intended, run `.venv/bin/python scripts/regen_golden.py` "
        "and review the diff of tests/golden/seeds.json.",
        pytrace=False,
    )


def test_golden_offsets_index_the_seed_files():
    golden = json.loads(regen.GOLDEN.read_text(encoding="utf-8"))
    texts = {a["id"]: (ROOT / a["path"]).read_bytes().decode("utf-8") for a in golden["articles"]}
    for f in golden["facts"]:
        assert texts[f["article"]][f["start"]:f["end"]] == f["text"], f["id"]


def test_normalize_takes_out_what_varies(tmp_path):
    report = {
        "schema": "factcheck-report/1",
        "rules_version": "abc123",
        "timings": {"total": 1.5},
        "articles": [{"id": "a1", "path": str(ROOT / "seeds" / "x.txt")}],
        "facts": [], "conflicts": [],
        "problems": [{"path": str(tmp_path / "elsewhere.txt"), "message": "m"}],
        "summary": {"generated": "2025-01-01T00:00:00", "facts": 0},
    }
    out = regen.normalize(report)
    assert out["rules_version"] == regen.RULES_VERSION
    assert "timings" not in out and out["summary"] == {"facts": 0}
    assert out["articles"][0]["path"] == "seeds/x.txt"
    assert out["problems"][0]["path"] == (tmp_path / "elsewhere.txt").as_posix()
    assert list(out) == [k for k in report if k != "timings"]  # order kept
    assert report["rules_version"] == "abc123"  # the input is not modified


def test_a_change_is_reported_readably():
    golden = json.loads(regen.GOLDEN.read_text(encoding="utf-8"))
    changed = json.loads(json.dumps(golden))
    dropped = changed["conflicts"].pop()
    lines = summarize_change(golden, changed)
    assert any(line.startswith("  - ") and dropped["id"] in line for line in lines)
    diff = readable_diff(regen.render(golden), regen.render(changed))
    assert diff.startswith("--- tests/golden/seeds.json") and f'-   "id": "{dropped["id"]}",' in diff
