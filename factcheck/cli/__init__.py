"""The command line: a thin click shell over the library, one module per command.

Exit codes: 0 success, 1 conflicts at or above the failing severity (CI), 2 usage
or input errors. Errors, problems and progress are written by ``cli.output``;
the library itself never prints. Heavy modules are imported inside the commands
so that ``factcheck --help`` starts fast.
"""
from __future__ import annotations

import click

from .check import check_command
from .ci import ci_command
from .eval import eval_command
from .facts import facts_command
from .review import review_group
from .rules import rules_group
from .serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main() -> None:
    """Find conflicting facts across Korean news articles."""


for _command in (check_command, facts_command, eval_command, rules_group, review_group, ci_command,
                 serve_command):
    main.add_command(_command)

__all__ = ["main"]
