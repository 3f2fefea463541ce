"""Line iteration with exact offsets.

str.splitlines() also splits on \\x0b, \\x1c, \\u2028 ... and drops the line ends,
which would shift offsets; here a line ends only at \\n, and a \\r before it is
left out of the line's span but stays in the text.
"""
from __future__ import annotations

from typing import Iterator


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each line from ``start``; end excludes "\\r\\n" / "\\n"."""
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        yield pos, end
        if nl < 0:
            break
        pos = nl + 1
