"""Publication time: parsing date strings and finding the date line of an article.

Korean news pages print several stamps near the top (입력, 수정, a site-wide
최종편집 ...). The first-publication stamp is what relative dates in the body
("1일", "지난달") refer to, so it is preferred over modification stamps.
All results are timezone-aware datetimes in Korean time (KST, UTC+9): a stamp
without a zone is read as KST, one with a zone is converted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import PublishedSource
from .textlines import iter_lines
from .wordlists import alternation

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet
    from .vocabulary import PageVocabulary

KST = timezone(timedelta(hours=9))
SCAN_LINES = 40  # date lines sit in the page header; later dates are body text
MAX_LINE = 120  # a longer line is a paragraph, not a date line
MAX_OTHER_TEXT = 30  # a date line carries little else (label, author, section, "(종합)")

_YMD = (
    r"(?P<y>(?:19|20)\d{2})\s*[.\-/]\s*(?P<m>\d{1,2})\s*[.\-/]\s*(?P<d>\d{1,2})(?!\d)\.?"
)
_KOR = r"(?P<ky>(?:19|20)\d{2})\s*년\s*(?P<km>\d{1,2})\s*월\s*(?P<kd>\d{1,2})\s*일"
_WEEKDAY = r"(?:\s*\(\s*[월화수목금토일](?:요일)?\s*\))?"
_TIME = (
    r"(?:(?:\s+|T|\s*(?=오[전후]))(?P<ap>오전|오후|AM|PM|am|pm)?\s*"
    r"(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"|(?P<kh>\d{1,2})\s*시(?:\s*(?P<kmi>\d{1,2})\s*분)?)"
    r"(?P<ap2>\s*(?:AM|PM|am|pm)\b)?)?"
)
DATE_RE = re.compile(r"(?<!\d)(?:" + _YMD + "|" + _KOR + ")" + _WEEKDAY + _TIME)

_LABEL_TAIL = r"\s*(?:시간|일시|일자|시각)?\s*[:：]?\s*$"


@dataclass(frozen=True, eq=False)
class DateLabels:
    """The labels that tell a first-publication stamp from a modification stamp
    (word lists published_label and modified_label), before or after the date."""

    published_before: re.Pattern
    modified_before: re.Pattern
    published_after: re.Pattern
    modified_after: re.Pattern

    @classmethod
    def from_rules(cls, rules: "RuleSet") -> "DateLabels":
        published, modified = alternation(rules, "published_label"), alternation(rules, "modified_label")
        return cls(
            published_before=re.compile(r"(?:^|[^가-힣A-Za-z])" + published + _LABEL_TAIL),
            modified_before=re.compile(r"(?:^|[^가-힣A-Za-z])" + modified + _LABEL_TAIL),
            # "(2025.10.30 16:40 수정)": a label after the date, closing the line or bracket
            published_after=re.compile(r"^\s*" + published + r"\s*(?:[)\]]|$)"),
            modified_after=re.compile(r"^\s*" + modified + r"\s*(?:[)\]]|$)"),
        )


@dataclass(frozen=True)
class DateLine:
    """One date stamp found near the top of an article."""

    line_start: int
    line_end: int
    value: datetime
    kind: str  # published | modified | bare
    has_time: bool


def _from_match(m: re.Match) -> tuple[datetime, bool] | None:
    y = m.group("y") or m.group("ky")
    mo = m.group("m") or m.group("km")
    d = m.group("d") or m.group("kd")
    hour_s = m.group("h") or m.group("kh")
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if hour_s is None:
        return datetime(day.year, day.month, day.day, tzinfo=KST), False
    hour = int(hour_s)
    minute = int(m.group("mi") or m.group("kmi") or 0)
    second = int(m.group("s") or 0)
    ampm = (m.group("ap") or m.group("ap2") or "").strip().lower()
    if ampm in ("오후", "pm") and hour < 12:
        hour += 12
    elif ampm in ("오전", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return datetime(day.year, day.month, day.day, tzinfo=KST), False
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=KST), True


def _to_kst(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=KST)
    return value.astimezone(KST)


def parse_datetime_ex(value: object) -> tuple[datetime, bool] | None:
    """Parse a metadata value; returns (datetime, has_time) or None."""
    if isinstance(value, datetime):
        return _to_kst(value), True
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=KST), False
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    try:
        parsed = datetime.fromisoformat(s.replace("Z", "+00:00"))
        return _to_kst(parsed), len(s) > 10
    except ValueError:
        pass
    m = DATE_RE.search(s)
    # the date must be the whole value, apart from a weekday or a zone word
    if m is None or len(re.sub(r"[\s()]|KST|[월화수목금토일]요일", "", s[: m.start()] + s[m.end():])) > 0:
        return None
    return _from_match(m)


def parse_datetime(value: object) -> datetime | None:
    """A datetime from an ISO string, a Korean date string, a date or a datetime."""
    parsed = parse_datetime_ex(value)
    return parsed[0] if parsed else None


def _kind(line: str, m: re.Match, labels: DateLabels) -> str:
    before, after = line[: m.start()], line[m.end():]
    if labels.published_before.search(before):
        return "published"
    if labels.modified_before.search(before):
        return "modified"
    if labels.published_after.search(after):
        return "published"
    if labels.modified_after.search(after):
        return "modified"
    return "bare"


def find_datelines(text: str, vocabulary: "PageVocabulary", start: int = 0,
                   max_lines: int = SCAN_LINES) -> list[DateLine]:
    """Date stamps in the first ``max_lines`` lines from ``start``, in text order."""
    return list(_datelines(text, start, max_lines, vocabulary.dates))


@lru_cache(maxsize=8)  # ingest asks twice per article: for the publication time and for furniture
def _datelines(text: str, start: int, max_lines: int, labels: DateLabels) -> tuple[DateLine, ...]:
    found: list[DateLine] = []
    for index, (ls, le) in enumerate(iter_lines(text, start)):
        if index >= max_lines:
            break
        line = text[ls:le]
        if len(line.strip()) > MAX_LINE:
            continue
        matches = [m for m in DATE_RE.finditer(line)]
        if not matches:
            continue
        other = line
        for m in reversed(matches):
            other = other[: m.start()] + other[m.end():]
        other_len = len(re.sub(r"\s", "", other))
        if other_len > MAX_OTHER_TEXT:
            continue  # a sentence that mentions a date, e.g. a correction notice
        for m in matches:
            parsed = _from_match(m)
            if parsed is None:
                continue
            kind = _kind(line, m, labels)
            if kind == "bare":
                # a dated headline ("2025년 10월 29일 한미 정상회담") is not a date line:
                # a bare stamp needs a time of day or a line of its own
                if not parsed[1] and other_len > 3:
                    continue
            found.append(DateLine(ls, le, parsed[0], kind, parsed[1]))
    return tuple(found)


def choose(datelines: list[DateLine]) -> DateLine | None:
    """First-publication stamp, else a bare stamp, else a modification stamp."""
    for kind in ("published", "bare", "modified"):
        for dl in datelines:
            if dl.kind == kind:
                return dl
    return None


def resolve(meta_value: object, meta_source: PublishedSource, text: str, vocabulary: "PageVocabulary",
            start: int = 0) -> tuple[datetime | None, PublishedSource]:
    """Publication time and its source (meta | front-matter | dateline | none).

    Metadata wins; when it gives only a day and the article's own stamp is on that
    day, the stamp supplies the time of day.
    """
    stamp = choose(find_datelines(text, vocabulary, start))
    meta = parse_datetime_ex(meta_value) if meta_value not in (None, "") else None
    if meta is not None:
        value, has_time = meta
        if not has_time and stamp is not None and stamp.has_time and stamp.value.date() == value.date():
            value = stamp.value
        return value, meta_source
    if stamp is not None:
        return stamp.value, "dateline"
    return None, "none"
