"""Bytes to text without changing a character.

Offsets in the report index the decoded file, and the scorer decodes with plain
"utf-8": so a UTF-8 BOM stays in the text as "\\ufeff", and line ends are never
translated.
"""
from __future__ import annotations

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.10
# charset-normalizer's guess is trusted only for text that reads as a language:
# on arbitrary high bytes it still names some single-byte code page
MAX_CHAOS = 0.1
MIN_COHERENCE = 0.1
_TEXT_CONTROLS = {9, 10, 11, 12, 13, 27}  # tab, newlines, form feed, ESC (ISO-2022)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text file."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted in C, not per byte
    return bool(sample) and controls / len(sample) > MAX_CONTROL_SHARE


def is_blank(text: str) -> bool:
    return not text.replace("\ufeff", "").strip()


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) trying UTF-8, then CP949 (a superset of EUC-KR), then a confident guess."""
    for encoding in ("utf-8", "cp949"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional at run time: without it only UTF-8/CP949 load
        return None
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None
