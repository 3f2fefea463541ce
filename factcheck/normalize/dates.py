"""Find dates and times in Korean news text and resolve them against the
publication time.

"1일" in an article published 2025-10-02 is 2025-10-01; "지난달 23일" is in the
previous month; "이날" is the day last named (or the publication day); "오후 6시"
joins the date before it; "까지"/"부터" after a date mark a deadline or a start;
"(현지시간)"/"한국시간" record the time zone the text speaks in. "7일 전", "2주 후",
"1개월 21일 전" are counted from publication (never read as a day of the month);
"지난달"/"올해"/"작년" alone are a month or a year, never a day; a weekday after a
date ("19일 화요일", "1일(수)") picks the neighbouring month it agrees with, or is
recorded in the trace as a disagreement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ..model import DateValue


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: DateValue
    boundary: str | None = None  # until | from | None
    relative: bool = False       # resolved from the publication time or context
    clock: bool = False          # a time of day without its own date ("오전 9시 3분께", "09:03")


_AMPM = r"(?P<ampm>오전|오후|새벽|아침|낮|저녁|밤|밤늦게|자정|정오)"
_AFTERNOON = ("오후", "저녁", "밤", "밤늦게")  # the words of _AMPM after which 1-11시 is p.m.


def clock(g: dict) -> tuple[int, int] | None:
    """Hour (0-24) and minute of a match of _TIME's groups; None when out of range."""
    hour = int(g["hour"])
    if (g.get("ampm") or "") in _AFTERNOON and hour < 12:
        hour += 12
    minute = 30 if g.get("half") else int(g.get("minute") or 0)
    return (hour, minute) if hour <= 24 and minute <= 59 else None
_TIME = rf"(?:{_AMPM}\s?)?(?P<hour>\d{{1,2}})\s?시(?:\s?(?P<minute>\d{{1,2}})\s?분(?!\s?(?:간|동안))|\s?(?P<half>반))?(?!간|대|즈음에\s?걸)"
# "지난 6월", "내년 3월 1일": words that place a month in a year. A month right after
# a year ("2025년 10월") is read by the year patterns.
_MONTH_REL = r"(?<![\d.])(?<!년)(?<!년\s)(?<!\d\s)(?:(?P<rel>지난해|지난|오는|올해|올|내년|작년)\s?)?"
# "7일 전", "2주 후", "3일 뒤", "1개월 21일 전", "2년 전": an offset from publication,
# counted by arithmetic; the finest unit said is the precision ("3개월 전" is a month).
# "7일 전까지" (by the 7th, or until 7 days ago) is left to the day pattern.
_OFFSET = (r"(?<![\d.,])(?<!월)(?<!월\s)(?<!오는\s)(?<!지난\s)"
           r"(?=\d{1,3}\s?(?:년|개월|달|주|일))"
           r"(?:(?P<oy>\d{1,2})\s?년\s?)?(?:(?P<om>\d{1,2})\s?(?:개월|달)\s?)?"
           r"(?:(?P<ow>\d{1,2})\s?주(?:일)?\s?)?(?:(?P<od>\d{1,3})\s?일\s?)?"
           r"(?P<dir>전|후|뒤)(?!\s?까지)"
           r"(?=$|\s|[.,)”\"'·]|에|부터|인|의|엔|만|이|께|쯤|가|보다|으로|로|와|과)")
_PATTERNS = [
    ("offset", _OFFSET),
    ("ymd", r"(?P<y>\d{4})\s?년\s?(?P<m>\d{1,2})\s?월\s?(?P<d>\d{1,2})\s?일"),
    ("ymd", r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s?[.\-/]\s?(?P<m>\d{1,2})\s?[.\-/]\s?(?P<d>\d{1,2})(?![\d])\.?"),
    ("ym", r"(?P<y>\d{4})\s?년\s?(?P<m>\d{1,2})\s?월(?!\s?\d)"),
    ("y", r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s?년(?!\s?\d{1,2}\s?월)(?!대)(?!\s?(?:간|동안|안에|만에|째|이상|여|가량|\s?이내))"),
    ("md", _MONTH_REL + r"(?P<m>\d{1,2})\s?월\s?(?P<d>\d{1,2})\s?일(?!\s?(?:간|동안|째))"),
    ("m", _MONTH_REL + r"(?P<m>\d{1,2})\s?월(?!\s?\d)(?![가-힣]*\s?(?:간|동안))"),
    ("d", r"(?<![\d.월])(?:(?P<rel>지난달|지난 달|이달|이번 달|다음 달|다음달|내달|오는|지난)\s?)?(?P<d>\d{1,2})\s?일(?!\s?(?:간|동안|째|만에|치|분))"),
    ("word", r"(?P<word>이날|당일|같은 날|그날|오늘|어제저녁|어젯밤|어제|전날|그저께|그제|내일모레|내일|(?<![가-힣])모레|다음날|다음 날|이튿날|지난밤)"),
    # "지난달", "올해", "작년" alone: a month or a year, never a day.
    ("month_word", r"(?<![가-힣])(?P<mword>지난달|지난 달|이달|이번 달|이번달|다음 달|다음달|내달)"
                   r"(?=$|\s|[^가-힣]|에|엔|의|보다|까지|부터|도|와|과|로|말|초|중)"
                   r"(?!\s?\d)"),
    ("year_word", r"(?<![가-힣])(?P<yword>지난해|작년|올해|금년|내년)(?![가-힣]*\s?\d{1,2}\s?월)"),
]
_MONTH_WORDS = {"지난달": -1, "지난 달": -1, "이달": 0, "이번 달": 0, "이번달": 0, "다음 달": 1, "다음달": 1, "내달": 1}
_YEAR_WORDS = {"지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}
# A date never runs across a line break: every \s in these patterns is a space within a line.
_LINE_SPACE = r"[^\S\r\n]"


def _within_line(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace(r"\s", _LINE_SPACE))


_COMPILED = [(kind, _within_line(p)) for kind, p in _PATTERNS]
_TIME_RE = _within_line(r"\s?" + _TIME)
_CLOCK_RE = _within_line(r"\s(?P<hour>[01]?\d|2[0-4]):(?P<minute>[0-5]\d)(?![\d:])")  # "2025.10.02 10:30"
_TIME_OF_DAY_RE = _within_line(r"\s?(새벽|아침|오전|낮|오후|저녁|밤)(?!\s?\d)")
_BOUNDARY_RE = _within_line(r"\s?(?:상반기|하반기|[1-4]분기|초순|중순|하순|말|초|중|께)?\s?(까지|부터|이후|이전|전까지)")
_BARE_TIME_RE = _within_line(_TIME)
_WORD_OFFSETS = {"오늘": 0, "이날": None, "당일": None, "같은 날": None, "그날": None,
                 "어제": -1, "어제저녁": -1, "어젯밤": -1, "지난밤": -1, "그제": -2, "그저께": -2,
                 "전날": "anchor-1", "내일": 1, "모레": 2, "내일모레": 2, "다음날": "anchor+1", "다음 날": "anchor+1",
                 "이튿날": "anchor+1"}


@dataclass(frozen=True)
class Zones:
    """Words that say which time zone a date or time is given in."""

    local: re.Pattern[str] | None = None  # (현지시간)
    korea: re.Pattern[str] | None = None  # 한국시간

    def of(self, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
        """The zone of the marker nearest to text[start:end], within 10 characters:
        in "현지시간 29일 오전 1시 30분께, 한국시간으로는 오전 3시 30분께" the first
        time is local, the second Korean."""
        a, b = max(lo, start - 10), min(hi, end + 10)
        best: tuple[int, str] | None = None
        for zone, pattern in (("KST", self.korea), ("local", self.local)):
            if pattern is None:
                continue
            for m in pattern.finditer(text, a, b):
                gap = start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else 0
                if best is None or gap < best[0]:
                    best = (gap, zone)
        return best[1] if best else None


def scan_dates(text: str, published: datetime | None, lo: int = 0, hi: int | None = None,
               anchor: date | None = None, zones: Zones = Zones()) -> list[DateMention]:
    """All date mentions in text[lo:hi], in order; ``anchor`` is the day that
    '이날' refers to before any date is named (default: the publication day);
    ``zones`` reads the time zone a date is given in."""
    hi = len(text) if hi is None else hi
    pub = published.date() if isinstance(published, datetime) else published
    taken: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text, lo, hi):
            s, e = m.span()
            if text[s:e].strip() == "" or any(s < te and ts < e for ts, te, _, _ in taken):
                continue
            taken.append((s, e, kind, m))
    taken.sort()
    out: list[DateMention] = []
    current = anchor or pub
    for s, e, kind, m in taken:
        s += len(text[s:e]) - len(text[s:e].lstrip())
        value, relative = _resolve(kind, m, pub, current, _speech_day(text, s, out))
        if value is None:
            continue
        wd = _WEEKDAY_RE.match(text, e, hi) if value.day is not None and kind in ("ymd", "md", "d") else None
        if wd:
            e, value = wd.end(), _weekday(value, "월화수목금토일".index(wd.group("wd") or wd.group("wd2")),
                                           kind == "d" and not m.groupdict().get("rel")
                                           or kind == "md" and not m.groupdict().get("rel"), kind)
        e, value = _attach_time(text, e, hi, value)
        value = replace(value, timezone=zones.of(text, s, e, lo, hi))
        e, boundary = _boundary(text, e, hi)
        out.append(DateMention(s, e, value, boundary, relative))
        if value.as_date():
            current = value.as_date()
    return out


_WEEKDAY_RE = _within_line(r"\s?(?:\((?P<wd>[월화수목금토일])(?:요일)?\)|(?P<wd2>[월화수목금토일])요일)")


def _weekday(value: DateValue, weekday: int, movable: bool, kind: str) -> DateValue:
    """'19일 화요일': when the plain reading falls on another weekday and the day falls
    on that weekday in a neighbouring month (a neighbouring year for '3월 29일'), that
    month is meant; when none agrees the plain reading stays and the trace says so."""
    plain = value.as_date()
    name = "월화수목금토일"[weekday]
    if plain is None or plain.weekday() == weekday:
        return value
    if movable:
        found = []
        for step in (-1, 1):
            if kind == "d":
                y, mo = _add_months(plain.year, plain.month, step)
            else:
                y, mo = plain.year + step, plain.month
            try:
                other = date(y, mo, plain.day)
            except ValueError:
                continue
            if other.weekday() == weekday:
                found.append(other)
        if len(found) == 1:
            day = found[0]
            return replace(value, year=day.year, month=day.month, day=day.day,
                           trace=f"{value.trace} {name}요일 -> {day.isoformat()} "
                                 f"({plain.isoformat()} is not a {name}요일)")
    return replace(value, trace=f"{value.trace} (weekday disagrees: {plain.isoformat()} "
                                f"is {'월화수목금토일'[plain.weekday()]}요일, the text says {name}요일)")


_QUOTE_OPEN = re.compile(r"[“\"‘']")


def _speech_day(text: str, start: int, before: list[DateMention]) -> date | None:
    """The day a quote was said when a date of the same line opens it: in '구단은 9일
    "내일 경기에 뛴다"고 밝혔다', 내일 is the day after the 9th, not after publication."""
    if not before:
        return None
    last = before[-1]
    between = text[last.end:start]
    if len(between) > 40 or "\n" in between or ". " in between or not _QUOTE_OPEN.search(between):
        return None
    return last.value.as_date()


def _resolve(kind: str, m: re.Match, pub: date | None, current: date | None, said: date | None = None):
    g = m.groupdict()
    if kind == "ymd":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return (_valid(y, mo, d, f"{m.group(0)} -> {y:04d}-{mo:02d}-{d:02d}"), False)
    if kind == "ym":
        y, mo = int(g["y"]), int(g["m"])
        return (DateValue(y, mo, trace=f"{m.group(0)} -> {y:04d}-{mo:02d}") if 1 <= mo <= 12 else None, False)
    if kind == "y":
        return DateValue(int(g["y"]), trace=f"{m.group(0)} -> {g['y']}"), False
    if pub is None:
        return None, True  # relative dates need a publication time
    if kind == "offset":
        return _offset(m, pub), True
    if kind == "month_word":
        y, mo = _add_months(pub.year, pub.month, _MONTH_WORDS[g["mword"]])
        return DateValue(y, mo, trace=f"{g['mword']} -> {y:04d}-{mo:02d} (published {pub})"), True
    if kind == "year_word":
        y = pub.year + _YEAR_WORDS[g["yword"]]
        return DateValue(y, trace=f"{g['yword']} -> {y:04d} (published {pub})"), True
    if kind == "md":
        mo, d = int(g["m"]), int(g["d"])
        y = _month_year(pub, g.get("rel"), mo, d)
        return _valid(y, mo, d, f"{m.group(0).strip()} -> {y:04d}-{mo:02d}-{d:02d} (year of publication {pub})"), True
    if kind == "m":
        mo = int(g["m"])
        if not 1 <= mo <= 12:
            return None, True
        y = _month_year(pub, g.get("rel"), mo)
        return DateValue(y, mo, trace=f"{m.group(0).strip()} -> {y:04d}-{mo:02d}"), True
    if kind == "d":
        d = int(g["d"])
        rel = (g.get("rel") or "").replace(" ", "")
        base = pub
        if rel == "지난달":
            base = (pub.replace(day=1) - timedelta(days=1))
            return _valid(base.year, base.month, d, f"{m.group(0)} -> {base.year:04d}-{base.month:02d}-{d:02d} (month before {pub})"), True
        if rel in ("다음달", "내달"):
            base = (pub.replace(day=28) + timedelta(days=4))
            return _valid(base.year, base.month, d, f"{m.group(0)} -> {base.year:04d}-{base.month:02d}-{d:02d}"), True
        y, mo = _day_month(pub, d, future=rel == "오는", this_month=rel in ("이달", "이번달"))
        return _valid(y, mo, d, f"{m.group(0).strip()} -> {y:04d}-{mo:02d}-{d:02d} (published {pub})"), True
    word = g["word"]
    offset = _WORD_OFFSETS[word]
    if offset is None:
        day = current or pub
        why = "the day last named" if current and current != pub else "publication day"
    elif isinstance(offset, str):
        day = (current or pub) + timedelta(days=-1 if offset.endswith("-1") else 1)
        why = "relative to the day last named"
    elif said is not None:
        day = said + timedelta(days=offset)
        why = f"said on {said}"
    else:
        day = pub + timedelta(days=offset)
        why = f"published {pub}"
    return DateValue(day.year, day.month, day.day, trace=f"{word} -> {day.isoformat()} ({why})"), True


def _add_months(y: int, mo: int, months: int) -> tuple[int, int]:
    n = y * 12 + (mo - 1) + months
    return n // 12, n % 12 + 1


def _offset(m: re.Match, pub: date) -> DateValue | None:
    """'7일 전', '2주 후', '1개월 21일 전', '3개월 전', '2년 전': publication plus or
    minus the offset, at the precision of its finest unit."""
    g = m.groupdict()
    years, months, weeks, days = (int(g[k] or 0) for k in ("oy", "om", "ow", "od"))
    sign = -1 if g["dir"] == "전" else 1
    phrase = m.group(0).strip()
    y, mo = _add_months(pub.year, pub.month, sign * (12 * years + months))
    if g["ow"] is None and g["od"] is None:
        if g["om"] is None:
            return DateValue(y, trace=f"{phrase} -> {y:04d} (published {pub}, {sign * years:+d} years)")
        return DateValue(y, mo, trace=f"{phrase} -> {y:04d}-{mo:02d} (published {pub}, {sign * (12 * years + months):+d} months)")
    # A month's arithmetic keeps the day of month, clamped to the month's last day.
    last = (date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)).day
    day = date(y, mo, min(pub.day, last)) + timedelta(days=sign * (7 * weeks + days))
    return DateValue(day.year, day.month, day.day, trace=f"{phrase} -> {day.isoformat()} (published {pub}, by arithmetic)")


def _valid(y: int, mo: int, d: int, trace: str) -> DateValue | None:
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return DateValue(y, mo, d, trace=trace)


def _month_year(pub: date, rel: str | None, month: int, day: int | None = None) -> int:
    """The year of a month said with (or without) 지난/오는/올해/내년/작년/지난해."""
    if rel == "내년":
        return pub.year + 1
    if rel in ("작년", "지난해"):
        return pub.year - 1
    if rel in ("올해", "올"):
        return pub.year
    return _nearest_year(pub, month, past=rel == "지난", future=rel == "오는", day=day)


def _nearest_year(pub: date, month: int, past: bool = False, future: bool = False,
                  day: int | None = None) -> int:
    """The year that puts the month nearest to publication ("12월" in January is last December).
    "지난 3월 15일" is the last such day before publication, "오는 11월 4일" the next one."""
    if past:
        before = (month, day) <= (pub.month, pub.day) if day else month < pub.month
        return pub.year if before else pub.year - 1
    if future:
        after = (month, day) >= (pub.month, pub.day) if day else month > pub.month
        return pub.year if after else pub.year + 1
    diff = month - pub.month
    if diff > 6:
        return pub.year - 1
    if diff < -6:
        return pub.year + 1
    return pub.year


def _day_month(pub: date, day: int, future: bool = False, this_month: bool = False) -> tuple[int, int]:
    """'1일' alone: this month if that day is not after publication, else last month."""
    if this_month or (day <= pub.day and not future):
        return pub.year, pub.month
    if future:
        nxt = pub.replace(day=28) + timedelta(days=4)
        return (pub.year, pub.month) if day > pub.day else (nxt.year, nxt.month)
    # A day a little after publication is usually a plan this month ("오는" omitted) only
    # when very close; otherwise the previous month.
    if day - pub.day <= 1:
        return pub.year, pub.month
    prev = pub.replace(day=1) - timedelta(days=1)
    return prev.year, prev.month


def _attach_time(text: str, end: int, hi: int, value: DateValue) -> tuple[int, DateValue]:
    m = _TIME_RE.match(text, end, min(hi, end + 20)) or _CLOCK_RE.match(text, end, min(hi, end + 7))
    if not m or value.day is None:
        m2 = _TIME_OF_DAY_RE.match(text[end:min(hi, end + 6)])
        if m2 and value.day is not None:
            return end + m2.end(), replace(value, trace=value.trace + f" {m2.group(1)}")
        return end, value
    hm = clock(m.groupdict())
    if hm is None:
        return end, value
    hour, minute = hm
    return m.end(), replace(value, hour=hour, minute=minute,
                            trace=f"{value.trace} {m.group(0).strip()} -> {hour:02d}:{minute:02d}")


def _boundary(text: str, end: int, hi: int) -> tuple[int, str | None]:
    m = _BOUNDARY_RE.match(text[end:min(hi, end + 8)])  # "2029년 말까지", "2026년 상반기까지"
    if not m:
        return end, None
    word = m.group(1)
    return end + m.end(), "until" if word in ("까지", "이전", "전까지") else "from"


_DIGITAL_RE = _within_line(r"(?<![\d:.\-/])(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])")


def scan_clock_times(text: str, published: datetime | None, dates: list[DateMention], lo: int = 0,
                     hi: int | None = None, zones: Zones = Zones()) -> list[DateMention]:
    """Times of day said without a date ("오전 9시 3분께", "9시3분쯤", "09:03",
    "오후 4시"), outside the spans of ``dates``. Each is dated to the day last
    named before it in ``dates`` (or the publication day): ``clock`` and
    ``relative`` are set, since the day is read from the context."""
    hi = len(text) if hi is None else hi
    pub = published.date() if isinstance(published, datetime) else published
    spans = [(d.start, d.end) for d in dates]
    out: list[DateMention] = []
    found = [m for p in (_BARE_TIME_RE, _DIGITAL_RE) for m in p.finditer(text, lo, hi)]
    for m in sorted(found, key=lambda m: m.start()):
        s, e = m.span()
        if any(ds < e and s < de for ds, de in spans) or any(o.start < e and s < o.end for o in out):
            continue
        hm = clock(m.groupdict())
        if hm is None:
            continue
        hour, minute = hm
        before = [d for d in dates if d.end <= s and d.value.as_date()]
        day = before[-1].value.as_date() if before else pub
        if day is None:
            continue
        why = "the day last named" if before else "publication day"
        value = DateValue(day.year, day.month, day.day, hour, minute, zones.of(text, s, e, lo, hi),
                          trace=f"{m.group(0).strip()} -> {day.isoformat()}T{hour:02d}:{minute:02d} ({why})")
        out.append(DateMention(s, e, value, None, True, True))
    return out
