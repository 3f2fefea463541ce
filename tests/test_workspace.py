"""The .factcheck/ folder: found like .git, and made with the same git files
whichever command makes it first."""
from __future__ import annotations

import subprocess

from factcheck import workspace
from factcheck.cache import open_cache
from factcheck.model import Decision
from factcheck.review import DecisionStore


def lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_made_with_its_git_files_once(tmp_path):
    made = workspace.create(tmp_path)
    assert made == tmp_path / ".factcheck" and made.is_dir()
    assert lines(made / ".gitattributes") == ["decisions.jsonl merge=union"]
    assert lines(made / ".gitignore") == ["decisions.lock", "cache.sqlite*"]
    workspace.create(tmp_path)
    assert lines(made / ".gitignore") == ["decisions.lock", "cache.sqlite*"]  # not doubled


def test_found_at_or_above_the_first_path_that_has_one(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    article = tmp_path / "a" / "b" / "x.txt"
    article.write_text("기사", encoding="utf-8")
    assert workspace.find([article]) is None
    outer = workspace.create(tmp_path)
    assert workspace.find([article]) == outer
    inner = workspace.create(tmp_path / "a")
    assert workspace.find([article]) == inner  # the nearest
    assert workspace.find([tmp_path / "elsewhere", article]) == outer  # the first path that has one


def test_completed_without_rewriting_what_already_covers_it(tmp_path):
    folder = tmp_path / ".factcheck"
    folder.mkdir()
    (folder / ".gitignore").write_text("# local\ncache*\ndecisions.lock", encoding="utf-8")
    workspace.create(tmp_path)
    assert lines(folder / ".gitignore") == ["# local", "cache*", "decisions.lock"]
    assert lines(folder / ".gitattributes") == ["decisions.jsonl merge=union"]


def test_a_folder_the_first_decision_made_keeps_the_cache_out_of_git(tmp_path):
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    (tmp_path / "a.txt").write_text("입력 2024.03.15 09:00\n\n기사.\n", encoding="utf-8")
    DecisionStore.planned(tmp_path).record(Decision("num-1", "dismissed", by="kim"))
    open_cache([tmp_path]).close()  # `factcheck check` finds the folder and puts its cache there
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert ".factcheck/decisions.jsonl" in status and ".factcheck/.gitignore" in status
    assert "cache.sqlite" not in status and "decisions.lock" not in status

