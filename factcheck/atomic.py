"""Atomic file writes: readers see the old file or the new one, never half of it.

Shared by the reports and the decision store (which needs ``fsync_dir`` for a new file).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    # mkstemp creates 0600 files; a report should get the usual 0666 & ~umask.
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)  # no /proc: read the umask the only portable way
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temp file in the same directory
    (same filesystem, so ``os.replace`` is atomic), fsync'd before the rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = target.stat().st_mode & 0o7777  # keep an existing file's mode
    except FileNotFoundError:
        mode = _default_mode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(target.parent)  # make the rename itself durable
    return target


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Atomically write ``text`` exactly as given (no newline translation)."""
    return atomic_write_bytes(path, text.encode(encoding))


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` durable."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # platforms that cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
