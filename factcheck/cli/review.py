"""factcheck review (list, show, set, history): editors' decisions from the terminal.

Only click and the decision records are imported here; the pipeline and the store
load inside the commands so that ``factcheck --help`` stays fast.
"""
from __future__ import annotations

from pathlib import Path

import click

from ..review.records import STATUSES
from .output import Progress, fail, report_problems

_corpus_option = click.option(
    "--corpus", type=click.Path(exists=True),
    help="Articles to check for the current conflicts (default: the folder holding .factcheck/).")
_rules_option = click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder.")
_quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress.")


def _store_for(corpus: str | None):
    """(store, corpus folder): the nearest .factcheck/ at or above --corpus or the
    current directory; when there is none, one that the first decision makes there."""
    from ..review import DecisionStore, find_store

    start = Path(corpus) if corpus else Path.cwd()
    folder = start if start.is_dir() else start.parent
    store = find_store([start]) or DecisionStore.planned(folder)
    return store, (Path(corpus) if corpus else store.root)


def _current(corpus: str | None, rules_dir: str | None, quiet: bool):
    """(store, Result with decisions applied) for the corpus."""
    from ..errors import FactcheckError
    from ..pipeline import check

    store, folder = _store_for(corpus)
    try:
        result = check([str(folder)], rules_dir=rules_dir, progress=Progress(quiet), store=store)
    except FactcheckError as error:
        fail(str(error))
    report_problems(result.problems)
    return store, result


def _resolve(given: str, ids, what: str = "current conflict", hint: str = "") -> str:
    from ..review import ReviewError, resolve_id

    try:
        return resolve_id(given, ids, what)
    except ReviewError as error:
        fail(f"{error} ({hint})" if hint else str(error))


@click.group("review")
def review_group():
    """Record and read editors' decisions on conflicts.

    Decisions live in .factcheck/decisions.jsonl next to the articles (found like
    git finds .git, from --corpus or the current directory). IDs may be given by
    a unique prefix.
    """


@review_group.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only conflicts with this status.")
@_corpus_option
@_rules_option
@_quiet_option
def review_list(status, corpus, rules_dir, quiet):
    """List the current conflicts with their status and note."""
    from dataclasses import replace

    from ..review.text import format_list

    store, result = _current(corpus, rules_dir, quiet)
    if status:
        result = replace(result, conflicts=tuple(c for c in result.conflicts if c.status == status))
    click.echo(format_list(result, str(store.path)), nl=False)


@review_group.command("show")
@click.argument("conflict_id", metavar="ID")
@_corpus_option
@_rules_option
@_quiet_option
def review_show(conflict_id, corpus, rules_dir, quiet):
    """Show one conflict: its sides, status, note and history."""
    from ..review.text import format_show

    store, result = _current(corpus, rules_dir, quiet)
    cid = _resolve(conflict_id, [c.id for c in result.conflicts])
    conflict = next(c for c in result.conflicts if c.id == cid)
    click.echo(format_show(conflict, result, store.history(cid)), nl=False)


@review_group.command("set")
@click.argument("conflict_id", metavar="ID")
@click.option("--status", required=True, type=click.Choice(STATUSES), help="The decision.")
@click.option("--right", "right", metavar="SOURCE",
              help="For confirmed: the side that is right (A, B, an article id, file or outlet).")
@click.option("--note", default="", help="Why: kept with the decision.")
@click.option("--by", "by", metavar="NAME", help="Who decides (default: $USER or git user.name).")
@click.option("--force", is_flag=True,
              help="Record ID as given, without checking that it is a current conflict.")
@_corpus_option
@_rules_option
@_quiet_option
def review_set(conflict_id, status, right, note, by, force, corpus, rules_dir, quiet):
    """Record a decision on a conflict (open, confirmed, dismissed or fixed)."""
    from ..review import Decision, ReviewError, resolve_right

    if right and status != "confirmed":
        fail("--right goes with --status confirmed")
    if force:
        store, _ = _store_for(corpus)
        cid, key = conflict_id, right
    else:
        store, result = _current(corpus, rules_dir, quiet)
        cid = _resolve(conflict_id, [c.id for c in result.conflicts],
                       hint="see `factcheck review list`; --force records it anyway")
        conflict = next(c for c in result.conflicts if c.id == cid)
        try:
            key = resolve_right(right, conflict, result) if right else None
        except ReviewError as error:
            fail(str(error))
    try:
        d = store.record(Decision(cid, status, note=note, by=by or "", right=key))
    except (ReviewError, OSError) as error:
        fail(f"{store.path}: {error}")
    right_text = f", right: {d.right}" if d.right else ""
    click.echo(f"{d.conflict}: {d.status} by {d.by}{right_text} -> {store.path}")


@review_group.command("history")
@click.argument("conflict_id", metavar="ID")
@_corpus_option
def review_history(conflict_id, corpus):
    """Every decision recorded on a conflict, oldest first (no check is run)."""
    from ..review.text import format_history

    store, _ = _store_for(corpus)
    log = store.load()
    report_problems(log.problems)
    cid = _resolve(conflict_id, log.ids(), what=f"decision in {store.path}")
    click.echo(format_history(cid, log.history(cid)), nl=False)
