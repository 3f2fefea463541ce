"""factcheck ci: check added or changed articles against the corpus, for CI and pre-commit."""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager

import click

from .output import Progress, fail, say

FORMATS = ("text", "json", "sarif", "github", "junit")


@contextmanager
def _collector_paused():
    """The cyclic garbage collector off for the block, as it was before afterwards.

    A CI run builds tens of thousands of fact objects at once: the collector would
    rescan them over and over (about 7 % of a cached run) and finds nothing to free
    (peak memory is the same without it).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@click.command("ci")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", metavar="REF",
              help="Compare with where this branch left REF (default: the default branch: "
                   "origin/HEAD, else main, else master).")
@click.option("--changed", "changed_mode", is_flag=True,
              help="PATHS are the changed articles (what pre-commit passes); git is not asked. "
                   "The corpus is then --corpus, else the current directory.")
@click.option("--corpus", "corpus_opt", multiple=True, type=click.Path(), metavar="DIR",
              help="With --changed: the corpus to check against (repeatable).")
@click.option("--fail-on", type=click.Choice(["high", "medium", "low"]), default="medium", show_default=True,
              help="Lowest severity of an open conflict that fails the build.")
@click.option("--no-fail", is_flag=True, help="Report, but exit 0 whatever is found.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text, json (the report schema), sarif (2.1.0), github (annotations + job summary), junit.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the format here instead of stdout.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write the HTML report here.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse facts of unchanged articles from .factcheck/cache.sqlite (created if missing).")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder (default: the project's rules/).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no verdict on stderr.")
def ci_command(paths, base, changed_mode, corpus_opt, fail_on, no_fail, fmt, output, html_path, cache,
               rules_dir, quiet):
    """Check the articles added or changed in the corpus PATHS (default: the current
    folder) against the whole corpus; report the conflicts that involve them.

    \b
    Changed articles come from git (the files changed since the merge base with
    --base, committed or not, plus untracked ones) or, with --changed, from PATHS.
    A conflict an editor dismissed (or marked fixed) never fails the build; a
    confirmed one does while it is in the article.

    \b
    Exit codes: 0 nothing open at or above --fail-on, 1 conflicts to resolve,
    2 usage or input error (a changed article that cannot be read is named).
    """
    from ..ci import Policy, Request, verdict

    if changed_mode and base:
        raise click.UsageError("--base and --changed exclude each other")
    if corpus_opt and not changed_mode:
        raise click.UsageError("--corpus goes with --changed; otherwise give the corpus as arguments")
    if changed_mode and not paths:
        raise click.UsageError("--changed needs the changed files as arguments")
    request = Request(
        corpus=tuple(corpus_opt or (".",)) if changed_mode else tuple(paths or (".",)),
        changed=tuple(paths) if changed_mode else None,
        base=base, policy=Policy(fail_on, no_fail), use_cache=cache, rules_dir=rules_dir)
    with _collector_paused():
        outcome = _run_and_write(request, fmt, output, html_path, quiet)
    for p in outcome.input_errors:
        say(f"error: {p}")
    if not quiet and (fmt != "text" or output):
        say(verdict(outcome))
    sys.exit(outcome.exit_code)


def _run_and_write(request, fmt: str, output: str | None, html_path: str | None, quiet: bool):
    """The outcome, written in ``fmt`` (and as HTML when asked); errors end the command."""
    from ..atomic import atomic_write_text
    from ..ci import render, run, write_summary
    from ..errors import FactcheckError

    try:
        outcome = run(request, progress=Progress(quiet), warn=say)
        text = render(outcome, fmt)
        if output:
            atomic_write_text(output, text)
        else:
            click.echo(text, nl=False)
        if fmt == "github":
            write_summary(outcome)
        if html_path:
            from ..report import write_html

            write_html(outcome.result, html_path, title="factcheck: changed articles")
    except FactcheckError as error:
        fail(error)
    except OSError as error:  # an unwritable --output/--html or summary
        fail(f"{error.filename or ''}: cannot write: {error.strerror or error}")
    return outcome
