"""How a conflict's sides are named, the same in the reports and the review commands."""
from __future__ import annotations


def side_label(i: int) -> str:
    """A, B, … Z, then S27, S28, …"""
    return chr(ord("A") + i) if i < 26 else f"S{i + 1}"
