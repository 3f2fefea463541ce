"""factcheck rules: inspect the rule files."""
from __future__ import annotations

import sys

import click

from ..errors import EXIT_USAGE


@click.group("rules")
def rules_group():
    """Inspect the rule files."""


@rules_group.command("check")
@click.argument("directory", required=False, type=click.Path())
def rules_check(directory):
    """Validate rule files; every problem is listed as file:line:col."""
    from ..rules import check_rules, default_directory

    problems = check_rules(directory)
    for p in problems:
        click.echo(str(p), err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"rules OK: {directory or default_directory()}")


@rules_group.command("list")
@click.option("--markdown", is_flag=True, help="A Markdown table (the README's rule table).")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder whose settings to show.")
def rules_list(markdown, rules_dir):
    """List the conflict rules with their codes, severities and parameters."""
    from ..compare.registry import RULES, markdown_table
    from ..errors import FactcheckError
    from ..rules import load_rules
    from .output import fail

    if markdown:
        click.echo(markdown_table())
        return
    try:
        rules = load_rules(rules_dir)
    except FactcheckError as error:
        fail(error)
    for spec in RULES.values():
        setting = rules.conflict(spec.name)
        params = ", ".join(f"{k}={v:g}" for k, v in rules.params(spec.name).items())
        state = "" if setting.enabled else " (disabled)"
        click.echo(f"{spec.code}  {spec.name:<15} {spec.kind:<14} {setting.severity:<6}{state}  {spec.title}"
                   + (f"  [{params}]" if params else ""))

