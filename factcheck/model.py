"""The plain, frozen records passed between pipeline stages.

ingest -> Article; extract/normalize -> Fact (with a Quantity, a DateValue or a
string value); compare -> Conflict; review -> Decision; everything -> Result.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Union


@dataclass(frozen=True)
class Problem:
    """A non-fatal input problem: the file is skipped or partly used, the run goes on."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"  # "error" makes the run exit 2; "warning" does not

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One article. ``text`` is what offsets index: the file's full decoded text for
    .txt/.md, the extracted text for .html/.jsonl (then ``extracted`` is True)."""

    id: str
    path: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    published_source: str = "none"  # meta | front-matter | dateline | none
    extracted: bool = False
    # Spans of page furniture (comment widgets, related-article lists, copyright
    # lines, share prompts, front matter): facts inside them are not extracted.
    furniture: tuple[tuple[int, int], ...] = ()
    # Where the body starts (after front matter) and whether ``furniture`` holds the
    # page-noise scan too: a run whose facts all come from the cache skips the scan.
    body_start: int = 0
    furnished: bool = True

    def published_within(self, other: "Article", days: int) -> bool:
        """Both publication days known and at most ``days`` apart."""
        if not self.published or not other.published:
            return False
        return abs((self.published.date() - other.published.date()).days) <= days

    def in_furniture(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.furniture)


@dataclass(frozen=True)
class Quantity:
    """A numeric value as an interval [low, high] in a base unit.

    ``value`` is the number as written (after magnitude words), ``low``/``high``
    the interval after hedges (약 widens, 최대 bounds from above, ...).
    ``unit`` is canonical (USD, KRW, percent, wafer, count, year, minute, ...),
    ``dimension`` groups units that can be compared (currency, percent, count, ...).
    """

    value: float
    low: float
    high: float
    unit: str
    dimension: str
    hedge: str | None = None
    trace: str = ""  # "5천억 달러 -> 500,000,000,000 USD (hedge 최대: [0, 5e11])"


@dataclass(frozen=True)
class DateValue:
    """A calendar date or moment resolved against the publication time."""

    year: int | None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    timezone: str | None = None  # "local" (현지시간) or "KST" (한국시간) when the text says so
    trace: str = ""

    @property
    def precision(self) -> str:
        if self.hour is not None:
            return "time"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def as_date(self) -> date | None:
        if self.year and self.month and self.day:
            try:
                return date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    def iso(self) -> str:
        if self.year is None:
            return "?"
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
                if self.hour is not None:
                    out += f"T{self.hour:02d}:{(self.minute or 0):02d}"
        return out


Value = Union[Quantity, DateValue, str]


@dataclass(frozen=True)
class Fact:
    """A normalized statement with its evidence.

    kind: quantity | date | place | person | org | quote | event | expansion
    scope: point | per_day | per_month | per_quarter | per_year | by_date | from_date |
           over_period | total | change_by | change_to
    """

    id: str
    article: str
    kind: str
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    value: Value
    subject: str | None = None
    attribute: str | None = None
    qualifiers: tuple[str, ...] = ()
    scope: str = "point"
    scope_detail: str | None = None  # "2029", "3.5 years", "from 25%"
    status: str = "actual"  # actual | plan | forecast | claim
    speaker: str | None = None
    event: str | None = None  # key of the event frame this fact belongs to
    context: tuple[str, ...] = ()  # content nouns of the sentence, for "same thing" tests
    conversion: Quantity | None = None  # "3500억 달러(약 487조 원)": the stated other-currency value
    trace: str = ""

    def display_value(self) -> str:
        v = self.value
        if isinstance(v, Quantity):
            return v.trace or f"{v.value:g} {v.unit}"
        if isinstance(v, DateValue):
            return v.iso()
        return str(v)


@dataclass(frozen=True)
class Conflict:
    """Two or more facts that cannot all be right.

    ``sides`` groups fact ids that say the same thing; ``facts`` lists them all.
    ``id`` is a fingerprint of the content (claim key, values, articles).
    """

    id: str
    kind: str  # numeric_value | numeric_scope | entity | date | attribution
    severity: str  # high | medium | low
    facts: tuple[str, ...]
    sides: tuple[tuple[str, ...], ...]
    claim: str
    explanation: str
    rule: str
    status: str = "open"
    note: str | None = None
    decided_by: str | None = None


@dataclass(frozen=True)
class Decision:
    conflict: str
    status: str  # open | confirmed | dismissed | fixed
    note: str = ""
    by: str = ""
    at: str = ""
    right: str | None = None


@dataclass(frozen=True)
class Result:
    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    problems: tuple[Problem, ...] = ()
    stale_decisions: tuple[Decision, ...] = ()
    rules_version: str = ""
    timings: dict = field(default_factory=dict, compare=False, hash=False)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def fact(self, fact_id: str) -> Fact:
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)
