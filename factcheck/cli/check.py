"""factcheck check: check articles and write the reports."""
from __future__ import annotations

import sys

import click

from ..errors import EXIT_OK, EXIT_USAGE, FactcheckError
from .output import Progress, fail, report_problems, warn

DEFAULT_REPORT = "reports/report.html"


def run_check(paths, rules_dir, quiet, store=None, use_cache=False, min_confidence=0.0):
    """The pipeline's Result for ``paths``; errors end the command."""
    from ..cache import open_cache
    from ..pipeline import check

    if not paths:
        raise click.UsageError("give at least one file or folder")
    cache = None
    if use_cache:
        try:  # the cache of the nearest .factcheck/ at or above the paths, if there is one
            cache = open_cache(paths, warn=warn)
        except OSError as err:  # its folder cannot be completed: checked all the same, only slower
            warn(f"no fact cache: {err.filename or ''}: {err.strerror or err}")
    try:
        return check(paths, rules_dir=rules_dir, progress=Progress(quiet), store=store, cache=cache,
                     min_confidence=min_confidence)
    except FactcheckError as error:
        fail(error)
    finally:
        if cache is not None:
            cache.close()


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", "out", default=DEFAULT_REPORT, show_default=True, help="HTML report to write.")
@click.option("--json", "json_path", type=click.Path(), help="Also write the JSON report here.")
@click.option("--no-html", is_flag=True, help="Do not write the HTML report.")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder (default: the project's rules/).")
@click.option("--cache/--no-cache", "use_cache", default=True, show_default=True,
              help="Reuse facts of unchanged articles from the nearest .factcheck/cache.sqlite, if any.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Leave out conflicts whose sides are less surely about one thing (0 to 1).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def check_command(paths, out, json_path, no_html, rules_dir, use_cache, min_confidence, quiet):
    """Check articles (files or folders) and write the reports.

    Reads .txt, .md, .html/.htm and .jsonl articles; files that cannot be read are
    reported by name and skipped. Exit 0 when every input was read, 2 otherwise
    (and when a report cannot be written).
    """
    from ..report import write_html, write_json
    from ..review import find_store

    # Editors' decisions: the nearest .factcheck/ at or above the articles, if any.
    store = find_store(paths) if paths else None
    result = run_check(paths, rules_dir, quiet, store=store, use_cache=use_cache, min_confidence=min_confidence)
    report_problems(result.problems)
    for d in result.stale_decisions:
        warn(f"stale decision: {d.conflict} ({d.status} by {d.by or '?'} "
             f"at {d.at or '?'}) names no current conflict")
    for wanted, target, write in ((not no_html, out, write_html), (bool(json_path), json_path, write_json)):
        if not wanted:
            continue
        try:
            write(result, target)
        except OSError as error:  # an unwritable report path is an input error, not a crash
            fail(f"{target}: cannot write report: {error.strerror or error}")
    if not quiet:
        _summary(result, store, out if not no_html else None, json_path)
    sys.exit(EXIT_USAGE if result.has_errors else EXIT_OK)


def _summary(result, store, html_path, json_path) -> None:
    kinds: dict[str, int] = {}
    for c in result.conflicts:
        kinds[c.severity] = kinds.get(c.severity, 0) + 1
    by = ", ".join(f"{n} {s}" for s, n in sorted(kinds.items())) or "none"
    click.echo(f"{len(result.articles)} articles, {len(result.facts)} facts, "
               f"{len(result.conflicts)} conflicts ({by})")
    if store is not None:
        reviewed = sum(1 for c in result.conflicts if c.status != "open")
        click.echo(f"Decisions: {store.path} ({reviewed} of {len(result.conflicts)} reviewed)")
    if html_path:
        click.echo(f"HTML report: {html_path}")
    if json_path:
        click.echo(f"JSON report: {json_path}")
