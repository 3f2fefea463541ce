"""The CI check: find the changed articles, check them against the whole corpus
(facts of unchanged articles from the cache, editors' decisions from the corpus's
.factcheck/), judge."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import UsageError
from ..ingest.discover import kind_of
from ..model import Result
from .git import changed_files, merge_base, repo_root
from .locate import real_path, resolved_file
from .outcome import Outcome, Policy, build


@dataclass(frozen=True)
class Request:
    corpus: tuple[str, ...] = (".",)
    changed: tuple[str, ...] | None = None  # named by the caller (pre-commit); else asked of git
    base: str | None = None
    policy: Policy = Policy()
    use_cache: bool = True
    rules_dir: str | None = None


def _is_article(path: Path, under: Path | None = None) -> bool:
    # The files ingest reads from a folder: article suffixes, no hidden files or folders.
    parts = path.relative_to(under).parts if under else path.parts
    return kind_of(path) is not None and not any(p.startswith(".") and p not in (".", "..") for p in parts)


def _named_article(name: str) -> bool:
    # Hidden parts count from the current folder down, as when ingest walks ".".
    path = Path(name)
    if path.is_absolute():
        path = path.relative_to(Path.cwd()) if _under(path, Path.cwd()) else Path(path.name)
    return _is_article(path)


def _under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def find_changed(request: Request, root: Path | None) -> tuple[set[Path], str | None]:
    """(the changed article files, resolved; what they changed since, for messages)."""
    if request.changed is not None:
        return {real_path(p) for p in request.changed if _named_article(p)}, None
    if root is None:
        raise UsageError(f"{request.corpus[0]}: not in a git repository; name the changed files with --changed")
    label, base = merge_base(root, request.base)
    corpus = [Path(c).resolve() for c in request.corpus]
    found = set()
    for file in changed_files(root, base):
        for folder in corpus:
            if _under(file, folder) and _is_article(file, folder if folder.is_dir() else folder.parent):
                found.add(real_path(file))
    return found, f"{label} ({base[:10]})"


def run(request: Request, progress=None, warn: Callable[[str], None] | None = None) -> Outcome:
    """The outcome of the build. ``warn`` hears what is worth a line on stderr but
    does not change the verdict: a fact cache that cannot be made, the corpus's own
    problems."""
    from ..cache import open_cache
    from ..pipeline import check
    from ..review import find_store

    warn = warn or (lambda message: None)
    missing = [c for c in request.corpus if not Path(c).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or directory")
    root = repo_root(Path(request.corpus[0]).resolve())
    changed, since = find_changed(request, root)
    root = root or Path.cwd().resolve()
    if not changed:
        return build(Result((), (), ()), set(), root, request.policy, since)

    # Named files are checked as named: one outside the corpus is still read, and a
    # missing one is reported (ingest reads each file once, whichever way it is reached).
    named = [p for p in request.changed or () if _named_article(p)]
    paths = [*request.corpus, *named]
    cache = None
    if request.use_cache:
        try:  # the corpus gets a .factcheck/ for the cache if it has none
            cache = open_cache(request.corpus, create=True, warn=warn)
        except OSError as err:  # a read-only checkout is checked all the same, only slower
            warn(f"warning: no fact cache: {err.filename or ''}: {err.strerror or err}")
    # Decisions belong to the corpus, not to the named files, wherever those are.
    store = find_store(request.corpus)
    try:
        result = check(paths, rules_dir=request.rules_dir, progress=progress, cache=cache, store=store,
                       focus=lambda article: resolved_file(article) in changed)
    finally:
        if cache is not None:
            cache.close()
    outcome = build(result, changed, root, request.policy, since)
    errors = set(outcome.input_errors)
    for p in result.problems:
        if p not in errors:  # the corpus's own problems are not this change's fault
            warn(f"{p.severity}: {p}")
    return outcome
