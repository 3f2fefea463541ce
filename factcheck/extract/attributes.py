"""What a figure measures, read from the words right before it.

Korean news puts the measured noun just before the figure, marked by a particle,
with time words, hedges and scope words in between: "기준금리를 연 3.00%로",
"내년 예산을 677조 4000억 원으로", "환율은 이날 1,395원에". The noun run before the
figure is its attribute; the time words of the sentence (올해, 내년, 2026년,
상반기) are kept beside it, because the same attribute in another year is another
quantity.
"""
from __future__ import annotations

from .sentences import GENERIC_NOUNS, Sentence

TIME_WORDS = frozenset("올해 올 내년 내후년 작년 지난해 재작년 이날 오늘 어제 현재 당시 상반기 하반기 분기 "
                       "연말 연초 연중 월말 월초 전년 전월 전날 당일 지난달 이달 다음달 지난주 이번주 "
                       "다음주 금주 주간".split())
# Words that may stand between the attribute and the figure without ending the phrase.
BETWEEN = frozenset("약 연 월 연간 월간 최대 최소 총 평균 각각 모두 기존 최근 이번 현재 무려 불과 "
                    "대략 올 같은 기간 전체".split())
_NOUNS = ("NNG", "NNP", "SL", "SH", "XSN")


def _tag(token) -> str:
    return token.tag.split("+")[0]


def time_words(sent: Sentence) -> tuple[str, ...]:
    """Time qualifiers of the sentence: 내년, 2026년, 3분기, 상반기 ..."""
    found = set()
    tokens = sent.tokens
    for i, t in enumerate(tokens):
        if t.text in TIME_WORDS:
            found.add(t.text)
        elif _tag(t) == "SN" and i + 1 < len(tokens) and tokens[i + 1].text in ("년", "분기") \
                and tokens[i + 1].start == t.end:
            found.add(t.text + tokens[i + 1].text)
    return tuple(sorted(found))


def attribute_before(sent: Sentence, start: int) -> str | None:
    """The noun run before the figure at ``start`` ("성장률 전망치"), or None when a
    verb, a clause boundary or another figure comes first."""
    before = [t for t in sent.tokens if t.end <= start]
    i = len(before) - 1
    from_value = False  # inside "3.25%에서", the value a change starts from
    # Skip particles, time words, hedges and scope words between noun and figure.
    while i >= 0:
        t = before[i]
        tag = _tag(t)
        if from_value and tag in ("SN", "SW", "NNB", "NR"):
            i -= 1
            continue
        from_value = t.text in ("에서", "→")
        if tag.startswith("J") or t.text in TIME_WORDS or t.text in BETWEEN or tag in ("MM", "MAG"):
            i -= 1
            continue
        if tag in ("SN", "NNB") and t.text in ("년", "월", "일") or (tag == "SN" and i + 1 < len(before)
                                                                  and before[i + 1].text == "년"):
            i -= 1
            continue
        if from_value:
            i -= 1
            continue
        break
    run: list = []
    while i >= 0 and _tag(before[i]) in _NOUNS and len(run) < 4:
        t = before[i]
        if t.text in TIME_WORDS or t.text in BETWEEN:
            break
        run.insert(0, t)
        i -= 1
    run = [t for t in run if t.text not in GENERIC_NOUNS]
    if not run or sum(len(t.text) for t in run) < 2:
        return None
    # Written as in the text: "물가상승률", not the morphemes "물가 상승 률".
    return "".join((" " if prev and prev.end < t.start else "") + t.text
                   for prev, t in zip([None] + run[:-1], run))


def attribute_after(sent: Sentence, end: int) -> str | None:
    """The noun a date is about, right after it: "29일 정상회담", "1일부터 시행",
    "31일 개막"; None when a verb or another clause comes first."""
    for t in (t for t in sent.tokens if t.start >= end):
        tag = _tag(t)
        if tag.startswith("J") or t.text in TIME_WORDS or tag in ("SN", "NNB", "SS", "SSO", "SSC", "MAG"):
            continue
        if tag in ("NNG", "NNP") and len(t.text) >= 2 and t.text not in GENERIC_NOUNS:
            return t.text
        return None
    return None
