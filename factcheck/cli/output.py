"""What every command writes to the terminal besides its results: errors (and the
exit they end with), problems and warnings, progress.

Only the command line prints: the library reports through return values and
callbacks, and the commands pass these functions as its callbacks.
"""
from __future__ import annotations

import sys
from typing import Iterable, NoReturn

import click

from ..errors import FactcheckError


class Progress:
    """Progress on stderr, only when it is a terminal and not --quiet."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.enabled:
            click.echo(f"\r{stage}: {done}/{total}", err=True, nl=False)
            if done >= total:
                click.echo("", err=True)


def fail(error: FactcheckError | str) -> NoReturn:
    """Print the error and exit with its code (2, usage or input, for a message)."""
    if not isinstance(error, FactcheckError):
        error = FactcheckError(error)
    click.echo(f"factcheck: error: {error}", err=True)
    sys.exit(error.exit_code)


def say(message: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    click.echo(f"factcheck: {message}", err=True)


def warn(message: str) -> None:
    say(f"warning: {message}")


def report_problems(problems: Iterable) -> None:
    """Problems (factcheck.model.Problem) with their severity: input skipped, lines unread."""
    for p in problems:
        say(f"{p.severity}: {p}")
