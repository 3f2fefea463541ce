"""Error classes shared by the stages. The CLI formats them once and maps them to exit codes."""
from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_CONFLICTS = 1
EXIT_USAGE = 2


class FactcheckError(Exception):
    """Base class: every error the tool reports on purpose."""

    code = "E000"
    exit_code = EXIT_USAGE


class UsageError(FactcheckError):
    code = "E001"


class InputError(FactcheckError):
    """An input file cannot be used (missing, unreadable, binary, wrong encoding)."""

    code = "E100"

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class RuleProblem:
    """One problem in one rule file, with its position and a hint."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class RuleError(FactcheckError):
    """One or more rule files are malformed; all problems are collected first."""

    code = "E200"

    def __init__(self, problems: list[RuleProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
