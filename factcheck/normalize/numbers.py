"""Korean and English numerals to numbers.

Handles digits with commas and decimals, magnitude words mixed with digits
(90만, 5천억, 3천500억, 1조 2천억, 28조 5000억), Hangul numerals (삼천오백억) and
English scale words (350 billion). Every function is pure and table-tested.
"""
from __future__ import annotations

import re

SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
HANGUL_DIGITS = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5,
                 "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
ENGLISH_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                  "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "t": 1e12}
ENGLISH_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                 "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                 "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                 "ninety": 90, "hundred": 100, "half": 0.5}
# Native Korean numerals, said before a counter: "세 명", "두 차례", "열 척".
NATIVE_NUMERALS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
                   "아홉": 9, "열": 10, "스무": 20}

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A Korean numeral: digit groups and magnitude words, e.g. "1조 2천억", "3천500억".
KOREAN_NUMERAL = rf"(?:{DIGITS})\s?[십백천]?\s?[만억조경]?" \
                 rf"(?:\s?(?:(?:{DIGITS})\s?[십백천]?\s?[만억조경]?|[십백천][만억조경]?))*"
HANGUL_NUMERAL = r"[일이삼사오육칠팔구십백천만억조]+"

_token = re.compile(rf"({DIGITS})|([십백천])|([만억조경])|([일이삼사오육륙칠팔구영공])|\s+")


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def parse_korean_number(text: str) -> float | None:
    """'3천500억' -> 3.5e11; '1조 2천억' -> 1.2e12; '삼천오백억' -> 3.5e11; '1,000' -> 1000.

    Returns None when the text is not a numeral as a whole. One Hangul syllable
    alone ("일", "이", "만") is a word, not a numeral: 일 (day, work), 이 (this).
    """
    text = text.strip()
    if not text or (len(text) == 1 and not text.isdigit()):
        return None
    total = 0.0      # sum of finished 만/억/조 groups
    section = 0.0    # value below the next big unit (built from 천/백/십)
    pending = None   # a number waiting for its unit
    pos = 0
    seen = False
    last_big = None
    while pos < len(text):
        m = _token.match(text, pos)
        if not m:
            return None
        pos = m.end()
        digits, small, big, hangul = m.groups()
        if digits is not None or hangul is not None:
            if pending is not None:
                return None  # two numbers in a row: "3 5"
            pending = _to_float(digits) if digits is not None else float(HANGUL_DIGITS[hangul])
            seen = True
        elif small is not None:
            section += (1.0 if pending is None else pending) * SMALL_UNITS[small]
            pending = None
            seen = True
        elif big is not None:
            if last_big is not None and BIG_UNITS[big] >= last_big:
                return None  # "3억 2억" is not one number
            group = section + (pending or 0.0)
            if group == 0:
                group = 1.0
            total += group * BIG_UNITS[big]
            section, pending, last_big = 0.0, None, BIG_UNITS[big]
            seen = True
    if not seen:
        return None
    return total + section + (pending or 0.0)


def parse_english_number(number: str, scale: str | None = None) -> float | None:
    """'350', 'billion' -> 3.5e11; '1.5', 'tn' -> 1.5e12; 'three', 'million' -> 3e6."""
    number = number.strip().lower()
    if re.fullmatch(DIGITS, number):
        value = _to_float(number)
    elif number in ENGLISH_WORDS:
        value = float(ENGLISH_WORDS[number])
    else:
        return None
    if scale:
        factor = ENGLISH_SCALES.get(scale.strip().lower().rstrip("."))
        if factor is None:
            return None
        value *= factor
    return value


def format_number(value: float) -> str:
    """1e11 -> '100,000,000,000'; 0.155 -> '0.155'; keeps traces readable."""
    if value == int(value) and abs(value) < 1e21:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:g}"


def significant_digits(value: float) -> str:
    """The digits of a number without magnitude: 3.5e11 -> '35', 3500 -> '35'.

    Two figures with the same digits but different magnitudes (3500억 vs 3500)
    are candidates for a dropped magnitude word.
    """
    if value <= 0:
        return ""
    text = f"{value:.10e}".split("e")[0].replace(".", "").rstrip("0")
    return text or "0"
