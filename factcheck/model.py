"""The plain, frozen records passed between pipeline stages.

ingest -> Article; extract/normalize -> Fact (with a Quantity, a DateValue or a
string value); compare -> Conflict; review -> Decision; everything -> Result.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, Union, get_args

# Closed vocabularies of the records below.
FactKind = Literal["quantity", "date", "place", "quote", "event", "expansion", "identifier", "term", "rank", "role", "pairing"]
ScopeKind = Literal["point", "per_day", "per_month", "per_quarter", "per_year", "by_date", "from_date",
                    "over_period", "in_period", "total", "change_by", "change_to", "change_from"]
# How a statement is made: as a fact, a plan, a forecast, a speaker's words, or
# withdrawn by a correction notice (``correction`` is the notice's own restatement).
Stance = Literal["actual", "plan", "forecast", "quoted", "retracted", "correction"]
ConflictKind = Literal["numeric_value", "numeric_scope", "entity", "date", "attribution"]
Severity = Literal["high", "medium", "low"]
ReviewStatus = Literal["open", "confirmed", "dismissed", "fixed"]
ProblemSeverity = Literal["error", "warning"]
PublishedSource = Literal["meta", "front-matter", "dateline", "estimated", "none"]

# The same vocabularies as tuples, in their display order.
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)
CONFLICT_KINDS: tuple[ConflictKind, ...] = get_args(ConflictKind)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)  # high first
REVIEW_STATUSES: tuple[ReviewStatus, ...] = get_args(ReviewStatus)


@dataclass(frozen=True)
class Problem:
    """A non-fatal input problem: the file is skipped or partly used, the run goes on."""

    path: str
    message: str
    line: int | None = None
    severity: ProblemSeverity = "error"  # "error" makes the run exit 2; "warning" does not

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
    published_source: PublishedSource = "none"
    extracted: bool = False
    # Spans of page furniture (comment widgets, related-article lists, copyright
    # lines, share prompts, front matter): facts inside them are not extracted.
    furniture: tuple[tuple[int, int], ...] = ()
    # Where the body starts (after front matter) and whether ``furniture`` holds the
    # page-noise scan too: a run whose facts all come from the cache skips the scan.
    body_start: int = 0
    furnished: bool = True

    def published_within(self, other: "Article", days: float) -> bool:
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

# Fact.as_of of a count the sentence gives as of now, with no time ("현재까지 47명").
OPEN_STAMP = "?"


@dataclass(frozen=True)
class EventRef:
    """The encounter a fact belongs to: its type (meeting, visit, ...), its day and
    the people who take part (canonical names, sorted)."""

    type: str
    day: str  # ISO date
    participants: tuple[str, ...]

    @property
    def label(self) -> str:
        return ", ".join(self.participants)


@dataclass(frozen=True)
class Fact:
    """A normalized statement with its evidence.

    ``value`` is a Quantity for kind quantity, a DateValue for date and event, and a
    string for place (the canonical place), quote (the words) and expansion.
    """

    id: str
    article: str
    kind: FactKind
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    value: Value
    subject: str | None = None  # the topic-marked word before a figure; the acronym of an expansion
    attribute: str | None = None  # what is measured: the noun run before a figure, a date's noun
    qualifiers: tuple[str, ...] = ()  # time words of the sentence, or the market of a share
    scope: ScopeKind = "point"
    scope_detail: str | None = None  # as written: "2029", "3.5년", "from 25%"
    period_days: float | None = None  # the length of an over_period scope
    rate_stated: bool = False  # the sentence states the exchange rate of its conversion
    stance: Stance = "actual"
    speaker: str | None = None
    speaker_strong: bool = False  # the speaker is read from sentence structure, not guessed
    event: EventRef | None = None  # for event and place facts
    context: tuple[str, ...] = ()  # content nouns of the sentence, for "same thing" tests
    conversion: Quantity | None = None  # "3500억 달러(약 487조 원)": the stated other-currency value
    # For a date: the words of its clause (nouns and verb stems), what happened at it.
    frame: tuple[str, ...] = ()
    as_of: str | None = None  # the stamp a running count is given at ("오후 6시 10분 기준" -> "29T18:10");
    # "?" when the sentence says the count is as of now (현재까지) without a time
    head: str | None = None  # the noun a figure qualifies, right after it: "4m 높이", "52명의 승객"
    trace: str = ""

    def display_value(self) -> str:
        v = self.value
        if isinstance(v, Quantity):
            return v.trace or f"{v.value:g} {v.unit}"
        if isinstance(v, DateValue):
            return v.iso()
        return str(v)

    @property
    def quantity(self) -> Quantity:
        """The value of a quantity fact (a TypeError for any other kind)."""
        if not isinstance(self.value, Quantity):
            raise TypeError(f"fact {self.id} ({self.kind}) holds no quantity")
        return self.value

    @property
    def date_value(self) -> DateValue:
        """The value of a date or event fact (a TypeError for any other kind)."""
        if not isinstance(self.value, DateValue):
            raise TypeError(f"fact {self.id} ({self.kind}) holds no date")
        return self.value


@dataclass(frozen=True)
class Conflict:
    """Two or more facts that cannot all be right.

    ``sides`` groups fact ids that say the same thing; ``facts`` lists them all.
    ``id`` is a fingerprint of the content (claim key, values, articles).
    ``rule`` names the comparison rule that found it, ``code`` its stable code.
    """

    id: str
    kind: ConflictKind
    severity: Severity
    facts: tuple[str, ...]
    sides: tuple[tuple[str, ...], ...]
    claim: str
    explanation: str
    rule: str
    code: str = ""
    confidence: float = 1.0  # the rule's alignment score in [0, 1]: how sure the sides are about one thing
    status: ReviewStatus = "open"
    note: str | None = None
    decided_by: str | None = None


@dataclass(frozen=True)
class Decision:
    conflict: str
    status: ReviewStatus
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
    timings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

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
