"""The command line end to end: help texts, the reports it writes, exit codes on bad input,
and ``factcheck eval`` agreeing with the shared scorer to the last digit.

Exit codes (factcheck.cli): 0 ok, 2 usage or input error.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPORA = ROOT / "tests" / "data" / "corpora"
RULES = ROOT / "rules"
GOOD = SEEDS / "003_6ac7e01af26be90b.txt"  # an article with numbers, quotes and dates
# EVAL.md: `python ../shared/tools/score.py REPORT.json CORPUS_DIR` from the project root.
SCORER = next((p for p in (ROOT.parent / "shared" / "tools" / "score.py",
                           Path("/work/shared/tools/score.py")) if p.is_file()), None)
needs_scorer = pytest.mark.skipif(SCORER is None, reason="shared/tools/score.py is not at hand")

HEAVY = ("kiwipiepy", "spacy", "thinc", "pandas")

# Every command, the words its --help must show.
HELP = {
    (): ["check", "facts", "eval", "rules", "--version", "--help"],
    ("check",): ["PATHS", "--out", "--json", "--no-html", "--rules", "--quiet", "reports/report.html"],
    ("facts",): ["PATHS", "--csv", "--rules", "--quiet"],
    ("eval",): ["CORPUS", "--gold", "--report", "--rules", "--quiet", "gold.yaml"],
    ("rules",): ["check"],
    ("rules", "check"): ["DIRECTORY", "file:line:col"],
    ("review",): ["list", "show", "set", "history", ".factcheck/decisions.jsonl"],
    ("review", "list"): ["--status", "--corpus", "--rules", "--quiet"],
    ("review", "show"): ["ID", "--corpus", "--rules", "--quiet"],
    ("review", "set"): ["ID", "--status", "--right", "--note", "--by", "--force", "--corpus"],
    ("review", "history"): ["ID", "--corpus"],
    ("serve",): ["PATHS", "--port", "--by", "--rules", "127.0.0.1"],
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()  # click >= 8.2 keeps result.stdout and result.stderr apart


@pytest.fixture
def in_root(monkeypatch) -> Path:
    """Run from the project root, so that ``seeds`` is the repo's seeds/ and paths stay relative."""
    monkeypatch.chdir(ROOT)
    return ROOT


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(main, [str(a) for a in args], prog_name="factcheck", catch_exceptions=False)


def run_check_json(runner: CliRunner, tmp_path: Path, *inputs, name: str = "report.json"):
    """``factcheck check INPUTS --no-html --json FILE -q``: (click result, parsed report or None)."""
    out = tmp_path / name
    result = invoke(runner, "check", *inputs, "--no-html", "--json", out, "-q")
    return result, (json.loads(out.read_text(encoding="utf-8")) if out.exists() else None)


def facts_of(report: dict, article_path_end: str) -> list[tuple]:
    """(kind, text, start, end) of every fact of the article whose path ends so."""
    ids = [a["id"] for a in report["articles"] if a["path"].endswith(article_path_end)]
    assert len(ids) == 1, (article_path_end, [a["path"] for a in report["articles"]])
    return [(f["kind"], f["text"], f["start"], f["end"]) for f in report["facts"] if f["article"] == ids[0]]


# -- help ---------------------------------------------------------------------------------

@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "main")
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_exits_0_and_lists_the_options(runner, command, flag):
    result = invoke(runner, *command, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: factcheck"), result.stdout
    for word in HELP[command]:
        assert word in result.stdout, f"{' '.join(command) or 'factcheck'} --help does not mention {word}"


def _all_commands(group=main, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if hasattr(cmd, "commands"):
            yield from _all_commands(cmd, prefix + (name,))


def test_every_command_and_option_is_documented(runner):
    """The commands above all exist, and every option of every command (new ones
    included) shows in its --help, which exits 0."""
    found = dict(_all_commands())
    assert set(HELP) - {()} <= set(found), "a command was removed or renamed: update HELP"
    for path, cmd in found.items():
        result = invoke(runner, *path, "--help")
        assert result.exit_code == 0, result.output
        text = result.stdout
        for param in cmd.params:
            for opt in getattr(param, "opts", ()):
                if opt.startswith("-"):
                    assert opt in text, f"factcheck {' '.join(path)} --help lacks {opt}"
        assert cmd.help and cmd.help.splitlines()[0].strip() in text


_HELP_PROBE = """
import json, sys
from click.testing import CliRunner
from factcheck.cli import main
codes = [CliRunner().invoke(main, list(args)).exit_code for args in {commands!r}]
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
print(json.dumps({{"codes": codes, "heavy": heavy}}))
"""


def test_help_does_not_import_the_nlp_stack():
    commands = [list(c) + ["--help"] for c in HELP]
    code = _HELP_PROBE.format(commands=commands, heavy=HEAVY)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    probe = json.loads(proc.stdout.strip().splitlines()[-1])
    assert probe["codes"] == [0] * len(commands)
    assert probe["heavy"] == [], f"--help imported {probe['heavy']}"


def test_help_importtime_of_the_real_entry_point():
    """The console entry point itself (sys.exit and all), measured by -X importtime."""
    code = "import sys; sys.argv = ['factcheck', '--help']; from factcheck.cli import main; main()"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Usage: factcheck" in proc.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:")}
    assert "factcheck.cli" in imported  # the probe did measure something
    heavy = sorted(m for m in imported if m.split(".")[0] in HEAVY)
    assert heavy == [], f"factcheck --help imported {heavy}"


# -- check, facts ---------------------------------------------------------------------------

def test_check_seeds_writes_html_and_json(runner, in_root, tmp_path):
    html, js = tmp_path / "out" / "report.html", tmp_path / "report.json"
    result = invoke(runner, "check", "seeds", "--out", html, "--json", js)
    assert result.exit_code == 0, result.output
    report = json.loads(js.read_text(encoding="utf-8"))
    assert report["schema"] == "factcheck-report/1"
    assert [a["path"] for a in report["articles"]] == sorted(
        f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
    assert report["problems"] == []
    n_facts, n_conflicts = len(report["facts"]), len(report["conflicts"])
    assert n_facts > 0 and n_conflicts >= 3
    # the summary line and where the reports went
    assert f"5 articles, {n_facts} facts, {n_conflicts} conflicts (" in result.stdout
    assert f"HTML report: {html}" in result.stdout and f"JSON report: {js}" in result.stdout
    page = html.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert page.count('<article class="conflict') == n_conflicts
    for c in report["conflicts"]:
        assert f'id="{c["id"]}"' in page
        assert c["kind"] in {"numeric_value", "numeric_scope", "entity", "date", "attribution"}
        assert c["severity"] in {"high", "medium", "low"}
        assert len(c["facts"]) >= 2


def test_check_quiet_and_no_html(runner, in_root, tmp_path):
    html = tmp_path / "report.html"
    result = invoke(runner, "check", "seeds", "--out", html, "--no-html", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and not html.exists()


def test_check_without_paths_is_a_usage_error(runner):
    result = invoke(runner, "check")
    assert result.exit_code == 2
    assert "give at least one file or folder" in result.stderr


def test_check_unwritable_report_exits_2_without_traceback(runner, in_root, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    target = blocker / "report.html"  # its parent is a file: cannot be created
    result = runner.invoke(main, ["check", "seeds", "--out", str(target), "-q"])
    assert result.exit_code == 2, result.output
    assert str(target) in result.stderr and "cannot write report" in result.stderr
    assert not isinstance(result.exception, OSError) and "Traceback" not in result.output


def test_facts_prints_a_table(runner, in_root):
    result = invoke(runner, "facts", "seeds", "-q")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = lines[0].split()
    for column in ("fact", "kind", "text", "value", "scope"):
        assert column in header
    assert re.fullmatch(r"[- ]+", lines[1]), "the header is underlined"
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt")), 1):
        assert any(line.startswith(f"[a{i}] seeds/{seed.name}") for line in lines), seed.name
    assert any(re.match(r"f\d+\s+place\s+청와대", line) for line in lines)


def test_facts_csv_has_a_header_and_one_row_per_fact(runner, in_root, tmp_path):
    result = invoke(runner, "facts", "seeds", "--csv", "-q")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    for column in ("article", "path", "fact", "kind", "text", "start", "end"):
        assert column in header
    _, report = run_check_json(runner, tmp_path, "seeds")
    assert [r["fact"] for r in rows] == [f["id"] for f in report["facts"]]
    texts = {}
    for row in rows:  # the CSV's offsets index the files, too
        text = texts.setdefault(row["path"], (ROOT / row["path"]).read_bytes().decode("utf-8"))
        assert text[int(row["start"]):int(row["end"])] == row["text"]


# -- eval vs. the shared scorer -------------------------------------------------------------

def test_eval_seeds_is_perfect(runner, in_root):
    result = invoke(runner, "eval", "tests/data/corpora/seeds")
    assert result.exit_code == 0, result.output
    assert "precision 1.000 recall 1.000 f1 1.000" in result.stdout.splitlines()
    quiet = invoke(runner, "eval", "tests/data/corpora/seeds", "-q")
    assert quiet.stdout.splitlines() == ["precision 1.000 recall 1.000 f1 1.000"]


@needs_scorer
@pytest.mark.parametrize("corpus", ["seeds", "dev-tariff"])
def test_eval_agrees_with_the_shared_scorer_line_for_line(runner, in_root, tmp_path, corpus):
    folder = f"tests/data/corpora/{corpus}"
    result, _ = run_check_json(runner, tmp_path, folder)
    assert result.exit_code == 0, result.output
    report = tmp_path / "report.json"
    proc = subprocess.run([sys.executable, str(SCORER), str(report), folder], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    expected = proc.stdout.splitlines()
    assert any(line.startswith("precision ") for line in expected)

    scored = invoke(runner, "eval", folder, "--report", report)  # the same JSON report
    assert scored.exit_code == 0, scored.output
    assert scored.stdout.splitlines() == expected
    fresh = invoke(runner, "eval", folder)  # checking the corpus itself gives the same figures
    assert fresh.exit_code == 0, fresh.output
    assert fresh.stdout.splitlines() == expected


def test_eval_of_a_non_folder_is_a_usage_error(runner, tmp_path):
    result = invoke(runner, "eval", tmp_path / "nope")
    assert result.exit_code == 2
    assert "nope" in result.stderr


# -- bad inputs: exit 2, the file is named, the run goes on ----------------------------------

@pytest.fixture
def folder_with_good(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(GOOD, folder / "good.txt")
    return folder


@pytest.fixture
def good_facts(runner, tmp_path) -> list[tuple]:
    """The good article's facts when it is checked alone."""
    _, report = run_check_json(runner, tmp_path, GOOD, name="alone.json")
    facts = facts_of(report, GOOD.name)
    assert facts
    return facts


def _assert_skipped(result, report, shown: str, good_facts):
    assert result.exit_code == 2, result.output
    assert shown in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert [p["path"] for p in report["problems"] if p["severity"] == "error"] == [shown]
    assert len(report["articles"]) == 1 and report["articles"][0]["path"].endswith("good.txt")
    assert facts_of(report, "good.txt") == good_facts


@pytest.mark.parametrize("content", [
    pytest.param(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00" * 8, id="elf"),
    pytest.param("삼성전자 90만 장".encode("utf-8") + b"\x00\x00\x01\x02" + b"\x00" * 64, id="nul-in-text"),
])
def test_binary_file_is_skipped_by_name(runner, tmp_path, folder_with_good, good_facts, content):
    (folder_with_good / "binary.txt").write_bytes(content)
    result, report = run_check_json(runner, tmp_path, folder_with_good)
    _assert_skipped(result, report, f"{folder_with_good}/binary.txt", good_facts)
    assert "binary" in result.stderr


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf\r\n \t\n"], ids=["zero-bytes", "bom-and-blanks"])
def test_empty_file_is_skipped_by_name(runner, tmp_path, folder_with_good, good_facts, content):
    (folder_with_good / "empty.txt").write_bytes(content)
    result, report = run_check_json(runner, tmp_path, folder_with_good)
    _assert_skipped(result, report, f"{folder_with_good}/empty.txt", good_facts)
    assert "empty" in result.stderr


def test_missing_path_is_named(runner, tmp_path, folder_with_good, good_facts):
    missing = tmp_path / "no-such-article.txt"
    result, report = run_check_json(runner, tmp_path, folder_with_good / "good.txt", missing)
    _assert_skipped(result, report, str(missing), good_facts)


CP949_ARTICLE = (
    "입력 2025.10.02 09:30\r\n"
    "삼성전자, 오픈AI에 메모리 공급\r\n"
    "\r\n"
    "삼성전자와 SK하이닉스는 오픈AI에 월 90만 장의 D램 웨이퍼를 공급한다. "
    "전체 투자 규모는 최대 5000억 달러에 이른다. "
    "똠방각하 씨는 “공급 규모가 사상 최대”라고 말했다.\r\n"  # 똠: CP949, not in EUC-KR
)


def test_cp949_article_is_read(runner, tmp_path, folder_with_good, good_facts):
    data = CP949_ARTICLE.encode("cp949")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    (folder_with_good / "legacy.txt").write_bytes(data)
    result, report = run_check_json(runner, tmp_path, folder_with_good)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    record = next(a for a in report["articles"] if a["path"].endswith("legacy.txt"))
    assert record["encoding"] == "cp949"
    facts = facts_of(report, "legacy.txt")
    texts = [text for _, text, _, _ in facts]
    assert any("90만 장" in t for t in texts), texts
    assert any("5000억 달러" in t for t in texts), texts
    for _, text, start, end in facts:  # offsets index the decoded text, CRLF and all
        assert CP949_ARTICLE[start:end] == text
    assert facts_of(report, "good.txt") == good_facts


# -- malformed rules ------------------------------------------------------------------------

@pytest.fixture
def broken_rules(tmp_path) -> tuple[Path, int, int]:
    """A copy of rules/ with an unknown key in units.yaml: (folder, line, column) of the key."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    units = folder / "units.yaml"
    lines = units.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("- kind: unit")) + 1
    lines.insert(at, "  colour: red\n")
    units.write_text("".join(lines), encoding="utf-8")
    return folder, at + 1, 3


_POSITION = re.compile(r"(?P<file>\S*units\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)")


def _positions(stderr: str) -> list[tuple[int, int, str]]:
    return [(int(m["line"]), int(m["col"]), m["msg"]) for m in _POSITION.finditer(stderr)]


def test_rules_check_reports_file_line_col(runner, broken_rules):
    folder, line, col = broken_rules
    result = invoke(runner, "rules", "check", folder)
    assert result.exit_code == 2, result.output
    assert f"{folder / 'units.yaml'}:{line}:{col}:" in result.stderr
    [(got_line, got_col, msg)] = _positions(result.stderr)
    assert (got_line, got_col) == (line, col) and "colour" in msg
    assert "1 problem(s)" in result.stderr


def test_check_with_broken_rules_exits_2_and_points_at_the_key(runner, in_root, broken_rules, tmp_path):
    folder, line, col = broken_rules
    out = tmp_path / "report.json"
    result = invoke(runner, "check", "--rules", folder, "seeds", "--no-html", "--json", out)
    assert result.exit_code == 2, result.output
    assert f"{folder / 'units.yaml'}:{line}:{col}:" in result.stderr
    assert "colour" in result.stderr
    assert not out.exists(), "no report is written from broken rules"


def test_rules_check_of_the_shipped_rules_is_clean(runner):
    result = invoke(runner, "rules", "check", RULES)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("rules OK:") and result.stderr == ""


# -- the installed script ------------------------------------------------------------------

def test_installed_script_checks_the_seeds(tmp_path):
    script = Path(sys.executable).with_name("factcheck")
    if not script.exists():
        script = shutil.which("factcheck")
        if script is None:
            pytest.skip("the factcheck script is not installed")
    html, js = tmp_path / "report.html", tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_RULES"}
    proc = subprocess.run([str(script), "check", "seeds", "--out", str(html), "--json", str(js)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(js.read_text(encoding="utf-8"))
    assert re.search(rf"^5 articles, {len(report['facts'])} facts, {len(report['conflicts'])} conflicts",
                     proc.stdout, re.M), proc.stdout
    assert html.stat().st_size > 1000
    # not a terminal: no progress output, and nothing went wrong
    assert "\r" not in proc.stderr and "error" not in proc.stderr and "Traceback" not in proc.stderr
