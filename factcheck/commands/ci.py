"""factcheck ci commands."""
from __future__ import annotations


def register(main) -> None:
    """Add this module's commands to the top-level click group."""
