"""factcheck facts: the facts extracted from articles, as a table or CSV."""
from __future__ import annotations

import sys

import click

from ..errors import EXIT_OK, EXIT_USAGE
from .check import run_check
from .output import report_problems


@click.command("facts")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV instead of a text table.")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder.")
@click.option("-q", "--quiet", is_flag=True, help="No progress.")
def facts_command(paths, as_csv, rules_dir, quiet):
    """Print the facts extracted from articles."""
    from ..report import format_facts_text, write_facts_csv

    result = run_check(paths, rules_dir, quiet)
    report_problems(result.problems)
    if as_csv:
        write_facts_csv(result, sys.stdout)
    else:
        click.echo(format_facts_text(result))
    sys.exit(EXIT_USAGE if result.has_errors else EXIT_OK)
