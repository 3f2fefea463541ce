"""Event moments: times of day without a date, time-zone labels, relative days, and
the event_moment rule (FC204) on articles written for the test (not from any corpus).
"""
from __future__ import annotations

from datetime import datetime

import pytest

from factcheck.normalize.dates import Zones, scan_clock_times, scan_dates
from factcheck.normalize.lexicon import lexicon_from_rules
from factcheck.pipeline import check
from factcheck.rules import load_rules

PUB = datetime(2024, 3, 15, 9, 0)


@pytest.fixture(scope="module")
def zones() -> Zones:
    return lexicon_from_rules(load_rules()).zones


# text -> [(surface, iso, zone)] of every date and time of day, in order.
SCAN_CASES = [
    ("사고는 오전 9시 3분께 일어났다.", [("오전 9시 3분", "2024-03-15T09:03", None)]),
    ("방송 자막에는 '09:03'으로 적혔다.", [("09:03", "2024-03-15T09:03", None)]),
    ("10일 오후 현장에 도착한 구조대는 오후 4시쯤 수색을 마쳤다.",
     [("10일 오후", "2024-03-10", None), ("오후 4시", "2024-03-10T16:00", None)]),
    ("행사는 오전 10시 1분간의 묵념으로 시작한다.", [("오전 10시", "2024-03-15T10:00", None)]),
    ("공장은 현지시간 4일 오후 8시, 한국시간으로는 5일 오전 10시 가동을 시작했다.",
     [("4일 오후 8시", "2024-03-04T20:00", "local"), ("5일 오전 10시", "2024-03-05T10:00", "KST")]),
    ("협정세계시(UTC)로는 같은 날 21시 40분이다.", [("같은 날 21시 40분", "2024-03-15T21:40", "local")]),
    ("회담은 12일 열렸다. 다음 날 양측은 합의문을 냈다.",
     [("12일", "2024-03-12", None), ("다음 날", "2024-03-13", None)]),
    ("회사는 12일 \"내일 새 제품을 공개한다\"고 밝혔다.",
     [("12일", "2024-03-12", None), ("내일", "2024-03-13", None)]),
    ("내일 새 제품이 나온다.", [("내일", "2024-03-16", None)]),
    ("기자회견은 3시간 동안 이어졌고 발표는 5분 만에 끝났다.", []),
    ("점수는 2:1로 끝났다.", []),
]


@pytest.mark.parametrize("text,expected", SCAN_CASES, ids=[c[0][:20] for c in SCAN_CASES])
def test_dates_and_clock_times(zones, text, expected):
    dates = scan_dates(text, PUB, zones=zones)
    clocks = scan_clock_times(text, PUB, dates, zones=zones)
    got = [(text[d.start:d.end], d.value.iso(), d.value.timezone)
           for d in sorted(dates + clocks, key=lambda d: d.start)]
    assert got == expected


def test_clock_times_are_marked_as_such(zones):
    text = "12일 현장을 찾았다. 오전 7시 20분께 화재가 났다."
    dates = scan_dates(text, PUB, zones=zones)
    (clock,) = scan_clock_times(text, PUB, dates, zones=zones)
    assert clock.clock and clock.relative and clock.value.iso() == "2024-03-12T07:20"


# Unrelated articles: a story corpus has many, and they make the shared words of a
# pair rare (a word every article uses is no evidence of one happening).
FILLER = {
    "x1.txt": "입력 2024.03.14 09:00\n\n국회는 14일 본회의를 열고 예산안을 의결했다. 여야는 추경 규모를 두고 맞섰다.",
    "x2.txt": "입력 2024.03.14 09:00\n\n기상청은 주말 전국에 비가 내리겠다고 예보했다. 강수량은 남부가 많겠다.",
    "x3.txt": "입력 2024.03.14 09:00\n\n프로야구 개막전 입장권이 모두 팔렸다. 구단들은 새 외국인 투수를 소개했다.",
    "x4.txt": "입력 2024.03.14 09:00\n\n한국은행은 기준금리를 동결했다. 총재는 물가 흐름을 더 지켜보겠다고 말했다.",
}
HEAD = "입력 2024.03.15 09:00\n\n"

RULE_CASES = [
    ("one explosion at two clock times",
     {"a.txt": HEAD + "12일 오전 6시 40분께 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다.",
      "b.txt": HEAD + "12일 오전 6시 10분쯤 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다."},
     True),
    ("one unveiling on two days",
     {"a.txt": HEAD + "누리전자는 8일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개했다.",
      "b.txt": HEAD + "누리전자는 9일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개했다."},
     True),
    ("one ship built in two months",
     {"a.txt": HEAD + "좌초한 화물선은 2011년 4월 거제 조선소에서 건조된 벌크선이다.",
      "b.txt": HEAD + "이 벌크선은 2011년 6월 거제 조선소에서 건조됐다."},
     True),
    ("a local day and an unlabelled day one apart are one moment",
     {"a.txt": HEAD + "누리전자는 8일(현지시간) 라스베이거스 전시장에서 접이식 태블릿 시제품을 처음 공개했다.",
      "b.txt": HEAD + "누리전자는 9일 라스베이거스 전시장에서 접이식 태블릿 시제품을 처음 공개했다."},
     False),
    ("an unlabelled day of an article that labels local time may be local",
     {"a.txt": HEAD + "누리전자는 8일(현지시간) 미국 출장 일정을 알렸다. "
                      "누리전자는 8일 라스베이거스 전시장에서 접이식 태블릿 시제품을 처음 공개했다.",
      "b.txt": HEAD + "누리전자는 9일(한국시간) 라스베이거스 전시장에서 접이식 태블릿 시제품을 처음 공개했다."},
     False),
    ("two Korean-time days one apart are two days",
     {"a.txt": HEAD + "누리전자는 8일(한국시간) 라스베이거스 전시장에서 접이식 태블릿 시제품을 처음 공개했다.",
      "b.txt": HEAD + "누리전자는 9일 라스베이거스 전시장에서 접이식 태블릿 시제품을 처음 공개했다."},
     True),
    ("the same time in two notations and two hedges",
     {"a.txt": HEAD + "12일 오전 6시 40분께 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다.",
      "b.txt": HEAD + "한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟은 것은 12일 06:40이었다.",
      "c.txt": HEAD + "12일 6시40분쯤 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다."},
     False),
    ("a minute apart is rounding of seconds",
     {"a.txt": HEAD + "12일 오전 6시 40분 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다.",
      "b.txt": HEAD + "12일 오전 6시 41분 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다."},
     False),
    ("a time in UTC is not a Korean clock time",
     {"a.txt": HEAD + "12일 오전 6시 40분께 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다.",
      "b.txt": HEAD + "협정세계시(UTC)로는 11일 21시 40분 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다."},
     False),
    ("counts at two as-of stamps are not two times of one happening",
     {"a.txt": HEAD + "소방본부 집계 결과 12일 오후 6시 기준 울산 화학공장 화재 부상자는 12명이다.",
      "b.txt": HEAD + "소방본부 집계 결과 12일 오후 8시 기준 울산 화학공장 화재 부상자는 15명이다."},
     False),
    ("two briefings, each with its time of day",
     {"a.txt": HEAD + "소방청은 12일 오후 세종청사 기자실에서 화학공장 화재 수습 브리핑을 열었다.",
      "b.txt": HEAD + "소방청은 13일 오전 세종청사 기자실에서 화학공장 화재 수습 브리핑을 열었다."},
     False),
    ("an article published before the other day could not report it",
     {"a.txt": "입력 2024.03.10 09:00\n\n누리전자는 10일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개했다.",
      "b.txt": HEAD + "누리전자는 13일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개했다."},
     False),
    ("a schedule announced days before is not a report of the day it was held",
     {"a.txt": "입력 2024.03.05 09:00\n\n누리전자는 오는 13일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개한다.",
      "b.txt": HEAD + "누리전자는 14일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개했다."},
     False),
    ("an article naming both days knows two happenings",
     {"a.txt": HEAD + "누리전자는 8일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개했다. "
                      "9일에는 부산 전시장에서 일반 관람객을 맞았다.",
      "b.txt": HEAD + "누리전자는 9일 판교 사옥 강당에서 접이식 태블릿 시제품을 처음 공개했다."},
     False),
    ("different happenings of the same day share no words",
     {"a.txt": HEAD + "12일 오전 6시 40분께 한빛화학 울산공장 저장탱크가 폭발하며 불길이 치솟았다.",
      "b.txt": HEAD + "12일 오전 10시 울산시청에서 시장이 기자회견을 열어 주민 대피를 안내했다."},
     False),
]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    def _run(articles: dict[str, str]):
        folder = tmp_path_factory.mktemp("moments")
        for name, text in {**FILLER, **articles}.items():
            (folder / name).write_text(text, encoding="utf-8")
        return check([folder])
    return _run


@pytest.mark.parametrize("name,articles,conflict", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_event_moment_rule(run, name, articles, conflict):
    result = run(articles)
    found = [c for c in result.conflicts if c.rule == "event_moment"]
    assert bool(found) == conflict, [c.explanation for c in found]


CLAUSE_CASES = [
    # text, the date's surface, words that must be in its frame, words that must not
    ("12일 오전 6시 40분께 울산공장 저장탱크가 폭발했고, 오후 시장이 현장을 찾았다.", "12일 오전 6시 40분",
     {"울산", "탱크", "폭발"}, {"시장", "현장"}),
    ("시제품은 8일(현지시간, 한국시간 9일) 라스베이거스 전시장에서 공개됐다.", "9일",
     {"시제품", "라스베이거스", "전시장"}, set()),
]


@pytest.mark.parametrize("text,surface,inside,outside", CLAUSE_CASES, ids=[c[1] for c in CLAUSE_CASES])
def test_clause_words(text, surface, inside, outside):
    from factcheck.analyze import get_nlp
    from factcheck.extract.moments import clause_words
    from factcheck.extract.sentences import Sentence, Token

    doc = get_nlp()(text)
    tokens = tuple(Token(t.text, t.tag_, t.idx, t.idx + len(t.text)) for t in doc if not t.text.isspace())
    sent = Sentence(0, 0, len(text), tokens)
    start = text.index(surface)
    words = set(clause_words(sent, start, start + len(surface)))
    assert inside <= words and not outside & words, words
