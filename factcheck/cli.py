"""The command line: a thin click shell over the library.

Exit codes: 0 success, 1 conflicts at or above the failing severity (CI), 2 usage
or input errors. Errors are formatted once, here. Heavy modules are imported
inside the commands so that ``factcheck --help`` starts fast.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import EXIT_OK, EXIT_USAGE, FactcheckError

DEFAULT_REPORT = "reports/report.html"


class Progress:
    """Progress on stderr, only when it is a terminal and not --quiet."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.enabled:
            end = "\n" if done >= total else ""
            click.echo(f"\r{stage}: {done}/{total}", err=True, nl=False)
            if end:
                click.echo("", err=True)


def _fail(error: FactcheckError) -> None:
    click.echo(f"factcheck: error: {error}", err=True)
    sys.exit(error.exit_code)


def _report_problems(result) -> None:
    for p in result.problems:
        click.echo(f"factcheck: {p.severity}: {p}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main() -> None:
    """Find conflicting facts across Korean news articles."""


def _run_check(paths, rules_dir, quiet, store=None, use_cache=False):
    from .cache import open_cache
    from .pipeline import check

    if not paths:
        raise click.UsageError("give at least one file or folder")
    # The fact cache of the nearest .factcheck/ at or above the first path, if there is one.
    cache = open_cache(paths) if use_cache else None
    try:
        result = check(paths, rules_dir=rules_dir, progress=Progress(quiet), store=store, cache=cache)
    except FactcheckError as error:
        _fail(error)
    finally:
        if cache is not None:
            cache.close()
    return result


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", "out", default=DEFAULT_REPORT, show_default=True, help="HTML report to write.")
@click.option("--json", "json_path", type=click.Path(), help="Also write the JSON report here.")
@click.option("--no-html", is_flag=True, help="Do not write the HTML report.")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder (default: the project's rules/).")
@click.option("--cache/--no-cache", "use_cache", default=True, show_default=True,
              help="Reuse facts of unchanged articles from the nearest .factcheck/cache.sqlite, if any.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def check_command(paths, out, json_path, no_html, rules_dir, use_cache, quiet):
    """Check articles (files or folders) and write the reports.

    Reads .txt, .md, .html/.htm and .jsonl articles; files that cannot be read are
    reported by name and skipped. Exit 0 when every input was read, 2 otherwise
    (and when a report cannot be written).
    """
    from .report import write_html, write_json
    from .review import find_store

    # Editors' decisions: the nearest .factcheck/ at or above the articles, if any.
    store = find_store(paths) if paths else None
    result = _run_check(paths, rules_dir, quiet, store=store, use_cache=use_cache)
    _report_problems(result)
    for d in result.stale_decisions:
        click.echo(f"factcheck: warning: stale decision: {d.conflict} ({d.status} by {d.by or '?'} "
                   f"at {d.at or '?'}) names no current conflict", err=True)
    for wanted, target, write in ((not no_html, out, write_html), (bool(json_path), json_path, write_json)):
        if not wanted:
            continue
        try:
            write(result, target)
        except OSError as error:  # an unwritable report path is an input error, not a crash
            _fail(FactcheckError(f"{target}: cannot write report: {error.strerror or error}"))
    if not quiet:
        kinds = {}
        for c in result.conflicts:
            kinds[c.severity] = kinds.get(c.severity, 0) + 1
        by = ", ".join(f"{n} {s}" for s, n in sorted(kinds.items())) or "none"
        click.echo(f"{len(result.articles)} articles, {len(result.facts)} facts, "
                   f"{len(result.conflicts)} conflicts ({by})")
        if store is not None:
            reviewed = sum(1 for c in result.conflicts if c.status != "open")
            click.echo(f"Decisions: {store.path} ({reviewed} of {len(result.conflicts)} reviewed)")
        if not no_html:
            click.echo(f"HTML report: {out}")
        if json_path:
            click.echo(f"JSON report: {json_path}")
    sys.exit(EXIT_USAGE if result.has_errors else EXIT_OK)


@main.command("facts")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV instead of a text table.")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder.")
@click.option("-q", "--quiet", is_flag=True, help="No progress.")
def facts_command(paths, as_csv, rules_dir, quiet):
    """Print the facts extracted from articles."""
    from .report import format_facts_text, write_facts_csv

    result = _run_check(paths, rules_dir, quiet)
    _report_problems(result)
    if as_csv:
        write_facts_csv(result, sys.stdout)
    else:
        click.echo(format_facts_text(result))
    sys.exit(EXIT_USAGE if result.has_errors else EXIT_OK)


@main.command("eval")
@click.argument("corpus", type=click.Path())
@click.option("--gold", type=click.Path(), help="Gold file (default: CORPUS/gold.yaml).")
@click.option("--report", "report_path", type=click.Path(),
              help="Score this JSON report instead of checking the corpus.")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder.")
@click.option("-q", "--quiet", is_flag=True, help="Only the precision/recall line.")
def eval_command(corpus, gold, report_path, rules_dir, quiet):
    """Score detection against CORPUS/gold.yaml (the rule of shared EVAL.md)."""
    import json

    from .evaluate import format_score, load_gold, score_report
    from .report import to_json_dict

    if not Path(corpus).is_dir():
        raise click.UsageError(f"{corpus}: not a folder")
    try:
        gold_data = load_gold(corpus, gold)
        if report_path:
            report = json.loads(Path(report_path).read_text(encoding="utf-8"))
        else:
            from .pipeline import check

            report = to_json_dict(check([corpus], rules_dir=rules_dir, progress=Progress(True)))
        click.echo(format_score(score_report(report, Path(corpus), gold_data), quiet=quiet))
    except FactcheckError as error:
        _fail(error)
    except (OSError, ValueError) as error:
        _fail(FactcheckError(str(error)))


@main.group("rules")
def rules_group():
    """Inspect the rule files."""


@rules_group.command("check")
@click.argument("directory", required=False, type=click.Path())
def rules_check(directory):
    """Validate rule files; every problem is listed as file:line:col."""
    from .rules import check_rules, default_directory

    problems = check_rules(directory)
    for p in problems:
        click.echo(str(p), err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"rules OK: {directory or default_directory()}")


def _register_command_modules() -> None:
    from .commands import ci, review

    for module in (review, ci):
        module.register(main)


_register_command_modules()

if __name__ == "__main__":  # pragma: no cover
    main()
