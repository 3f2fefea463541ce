"""Who is deciding: the name written into a decision when none is given."""
from __future__ import annotations

import os
import subprocess


def default_reviewer() -> str:
    """$USER, else git's user.name, else "unknown"."""
    user = os.environ.get("USER", "").strip()
    if user:
        return user
    try:
        proc = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    name = proc.stdout.strip().splitlines()[0] if proc.returncode == 0 and proc.stdout.strip() else ""
    return name or "unknown"
