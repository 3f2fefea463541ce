"""From a whole-corpus Result to what a build is about: the changed articles, the
conflicts that involve them, and which of those fail the build under a policy."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..model import SEVERITIES, Article, Conflict, Problem, Result
from .locate import real_path, resolved_file

OPEN = ("open", "confirmed")  # confirmed: an editor agrees it is wrong and it is still in the article


@dataclass(frozen=True)
class Policy:
    fail_on: str = "medium"
    no_fail: bool = False

    def fails(self, conflict: Conflict) -> bool:
        """At or above the failing severity and not settled by an editor (dismissed, fixed)."""
        return conflict.status in OPEN and SEVERITIES.index(conflict.severity) <= SEVERITIES.index(self.fail_on)


@dataclass(frozen=True)
class Outcome:
    result: Result  # restricted to the changed articles and the conflicts that involve them
    changed: tuple[Article, ...]
    conflicts: tuple[Conflict, ...]  # every conflict involving a changed article, any status
    failing: tuple[Conflict, ...]
    input_errors: tuple[Problem, ...]  # problems of changed files: the build cannot judge them
    corpus_size: int
    root: Path
    policy: Policy
    base: str | None = None  # what was compared with, for the messages

    @property
    def exit_code(self) -> int:
        if self.input_errors:
            return 2
        return 1 if self.failing and not self.policy.no_fail else 0

    def is_changed(self, article_id: str) -> bool:
        return any(a.id == article_id for a in self.changed)


def build(result: Result, changed_files: set[Path], root: Path, policy: Policy, base: str | None = None) -> Outcome:
    changed = tuple(a for a in result.articles if resolved_file(a) in changed_files)
    changed_ids = {a.id for a in changed}
    fact_article = {f.id: f.article for f in result.facts}
    relevant = tuple(c for c in result.conflicts if any(fact_article[f] in changed_ids for f in c.facts))
    wanted_facts = {f for c in relevant for f in c.facts}
    wanted_articles = changed_ids | {fact_article[f] for f in wanted_facts}
    restricted = replace(
        result,
        articles=tuple(a for a in result.articles if a.id in wanted_articles),
        facts=tuple(f for f in result.facts if f.article in changed_ids or f.id in wanted_facts),
        conflicts=relevant,
    )
    errors = tuple(p for p in result.problems
                   if p.severity == "error" and real_path(p.path) in changed_files)
    return Outcome(restricted, changed, relevant, tuple(c for c in relevant if policy.fails(c)), errors,
                   len(result.articles), root, policy, base)
