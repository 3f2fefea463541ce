"""What git says: the repository root, the base to compare with, the files changed since it."""
from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import UsageError

DEFAULT_BRANCHES = ("origin/HEAD", "main", "master")


class GitError(UsageError):
    pass


def _git(cwd: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed; name the changed files with --changed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done.stdout.decode("utf-8", "surrogateescape")


def repo_root(start: Path) -> Path | None:
    """The work tree holding ``start``, or None outside git."""
    folder = start if start.is_dir() else start.parent
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").strip()).resolve()
    except GitError:
        return None


def _commit(root: Path, ref: str) -> str | None:
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip() or None
    except GitError:
        return None


def merge_base(root: Path, ref: str | None) -> tuple[str, str]:
    """(label, commit): where this branch left ``ref`` (the default branch when None).

    Comparing with the merge base, like a pull request does, keeps changes made on
    the target branch since then out of "changed".
    """
    candidates = [ref] if ref else list(DEFAULT_BRANCHES)
    for candidate in candidates:
        if _commit(root, candidate) is None:
            continue
        base = _git(root, "merge-base", candidate, "HEAD").strip()
        return candidate, base
    if ref:
        raise GitError(f"--base {ref}: no such commit or branch")
    raise GitError("no default branch (origin/HEAD, main or master) to compare with; give --base REF or --changed")


def changed_files(root: Path, base: str) -> list[Path]:
    """Files added, modified, renamed or retyped since ``base``, committed or not,
    plus untracked files that git does not ignore; deleted files are left out."""
    tracked = _git(root, "-c", "core.quotepath=off", "diff", "--name-only", "--no-renames",
                   "--diff-filter=ACMRT", "-z", base, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    names = {n for n in (tracked + untracked).split("\0") if n}
    return sorted(root / n for n in names)
