"""Numeric alignment: as-of stamps, stat lines, N여 hedges and evidence-paired values.

Sentences are written for the tests (no corpus text). Each end-to-end case is a set
of articles published on one day and the (kind, rule) pairs expected; look-alikes
that must not conflict expect none of the numeric rules.
"""
from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract.asof import StampReader
from factcheck.rules.entries import Hedge

HEAD = "입력 2024.03.15 09:00\n\n"
NUMERIC = {"numeric_value", "stamped_value", "stat_line"}

STAMPS = [
    ("오후 6시 10분 기준 대피 인원은 320명이다.", ["2024-03-15T18:10"]),
    ("오전 11시 현재 구조된 사람은 12명이다.", ["2024-03-15T11:00"]),
    ("14일 오후 3시 집계 결과 실종자는 4명이다.", ["2024-03-14T15:00"]),
    ("18:30 기준 정전 가구는 1200가구다.", ["2024-03-15T18:30"]),
    ("13일 기준 누적 확진자는 5400명이다.", ["2024-03-13"]),
    ("28일 기준 누적 확진자는 5400명이다.", ["2024-02-28"]),  # later than the 15th: last month
    ("현재까지 확인된 부상자는 30명이다.", []),       # no time: an open stamp, not a stamp
    ("오후 6시에 회의가 열렸다.", []),                 # a time, but no marker
    ("기준금리는 오후 2시 발표됐다.", []),
]


@pytest.mark.parametrize("text,expected", STAMPS, ids=[s[0] for s in STAMPS])
def test_stamps(text, expected):
    reader = StampReader(["기준", "현재", "집계"])
    assert [s for _, _, s in reader.stamps(text, 0, len(text), date(2024, 3, 15))] == expected


ODD_OVER = [(90, (90, 100)), (1500, (1500, 1600)), (100, (100, 200)), (20, (20, 30)), (7, (7, 8)),
            (900000, (900000, 1000000))]


@pytest.mark.parametrize("value,bounds", ODD_OVER, ids=[str(v) for v, _ in ODD_OVER])
def test_odd_over_hedge(value, bounds):
    """'90여' is ninety-something: at least 90, below the next ten."""
    assert Hedge(("여",), "after", "odd_over").bounds(value) == bounds


CASES = [
    ("same stamp, different counts",
     {"a.txt": "소방본부에 따르면 오후 4시 30분 기준 대피한 주민은 214명이다.",
      "b.txt": "소방본부 발표를 보면 오후 4시 30분 현재 대피한 주민은 241명이다."},
     {("numeric_value", "stamped_value")}),
    ("different stamps: the count evolves",
     {"a.txt": "소방본부에 따르면 오후 2시 기준 대피한 주민은 150명이다.",
      "b.txt": "소방본부에 따르면 오후 4시 30분 기준 대피한 주민은 214명이다."},
     set()),
    ("counts as of now with no time are a running toll",
     {"a.txt": "현재까지 확인된 부상자는 18명이다.",
      "b.txt": "현재까지 확인된 부상자는 25명이다."},
     set()),
    ("same day stamp, different counts",
     {"a.txt": "방역당국에 따르면 13일 기준 누적 확진자는 5400명이다.",
      "b.txt": "방역당국 집계로 13일 기준 누적 확진자는 5700명이다."},
     {("numeric_value", "stamped_value")}),
    ("a day stamp and a time stamp are different moments",
     {"a.txt": "방역당국에 따르면 13일 기준 누적 확진자는 5400명이다.",
      "b.txt": "방역당국 집계로 13일 오후 6시 기준 누적 확진자는 5700명이다."},
     set()),
    ("same stamp, two unnamed counts in one sentence",
     {"a.txt": "오후 3시 기준 이번 사고로 3명이 숨지고 12명이 다쳤다.",
      "b.txt": "오후 3시 기준 이번 사고로 12명이 다치고 3명이 숨졌다."},
     set()),
    ("same stamp, other things counted",
     {"a.txt": "구청에 따르면 오전 10시 기준 침수된 주택은 48채다.",
      "b.txt": "시청에 따르면 오전 10시 기준 대피한 주민은 130명이다."},
     set()),
    ("stat lines that differ in one tally",
     {"a.txt": "그는 통산 412경기 96골 58도움을 기록했다.",
      "b.txt": "그는 통산 412경기 출전 96골 85도움을 기록했다.",
      "c.txt": "그의 기록은 412경기 96골 58도움이다."},
     {("numeric_value", "stat_line")}),
    ("two subjects' lines",
     {"a.txt": "한빛FC는 올 시즌 12승 3패 5무를 기록했다.",
      "b.txt": "누리FC는 올 시즌 12승 3패 2무를 기록했다."},
     set()),
    ("a later line that grew is a later count",
     {"a.txt": "입력 2024.03.01 09:00\n\n그는 이번 시즌 20경기 15골 6도움을 올렸다.",
      "b.txt": "입력 2024.03.20 09:00\n\n그는 이번 시즌 20경기 17골 6도움을 올렸다."},
     set()),
    ("a later line with fewer is a slip",
     {"a.txt": "입력 2024.03.01 09:00\n\n그는 통산 20경기 17골 6도움을 올렸다.",
      "b.txt": "입력 2024.03.20 09:00\n\n그는 통산 20경기 15골 6도움을 올렸다."},
     {("numeric_value", "stat_line")}),
    ("stat lines of different scopes share no tally",
     {"a.txt": "그는 리그에서 212경기 60골 31도움을 올렸다.",
      "b.txt": "그는 모든 대회에서 305경기 88골 47도움을 올렸다."},
     set()),
    ("a short line agreeing on one tally is too little evidence",
     {"a.txt": "그는 이번 시즌 9골 4도움을 올렸다.",
      "b.txt": "그는 지난 시즌 9골 7도움을 올렸다."},
     set()),
    ("one structure, two heights",
     {"a.txt": "사고가 난 교량의 교각은 높이 12m의 철근 콘크리트 구조물이다.",
      "b.txt": "사고가 난 교량의 교각은 20m 높이의 철근 콘크리트 구조물로 파악됐다."},
     {("numeric_value", "numeric_value")}),
    ("one policy rate, two values on the same day",
     {"a.txt": "중앙은행은 이날 기준금리를 연 3.50%로 동결했다고 밝혔다.",
      "b.txt": "중앙은행은 이날 기준금리를 연 3.75%로 동결했다고 밝혔다."},
     {("numeric_value", "numeric_value")}),
    ("heights of two different buildings",
     {"a.txt": "신축 동관 높이 120m 규모로 설계됐다.",
      "b.txt": "신축 서관 높이 150m 규모로 설계됐다."},
     set()),
    ("a hedged height agrees with the exact one",
     {"a.txt": "사고가 난 교량의 교각은 높이 약 12m의 철근 콘크리트 구조물이다.",
      "b.txt": "사고가 난 교량의 교각은 높이 12.8m의 철근 콘크리트 구조물이다."},
     set()),
    ("ninety-something agrees with 96",
     {"a.txt": "같은 기종의 항공기는 국내에서 90여 대가 운항 중이다.",
      "b.txt": "같은 기종의 항공기는 국내에서 96대가 운항 중이다."},
     set()),
    ("cash and shipbuilding parts of one package are different amounts",
     {"a.txt": "정부는 현금 투자 2000억 달러를 약속했다.",
      "b.txt": "정부는 조선업 투자 1500억 달러를 약속했다."},
     set()),
    ("a forecast and a result are other claims",
     {"a.txt": "회사는 올해 영업이익률을 12%로 전망했다.",
      "b.txt": "회사는 올해 영업이익률을 9%로 집계했다."},
     set()),
]


@pytest.fixture(scope="module")
def run(check_articles):
    return lambda articles: check_articles(articles, HEAD)


@pytest.mark.parametrize("name,articles,expected", CASES, ids=[c[0] for c in CASES])
def test_alignment(run, name, articles, expected):
    result = run(articles)
    found = {(c.kind, c.rule) for c in result.conflicts if c.rule in NUMERIC}
    assert found == expected, [c.explanation for c in result.conflicts]
    for c in result.conflicts:
        assert 0.0 <= c.confidence <= 1.0


def test_stat_line_sides_group_agreeing_sources(run):
    result = run(next(articles for name, articles, _ in CASES if name == "stat lines that differ in one tally"))
    (conflict,) = [c for c in result.conflicts if c.rule == "stat_line"]
    assert sorted(len(side) for side in conflict.sides) == [1, 2]
    assert 0.5 <= conflict.confidence < 1.0


TOTALS = [
    ("listed figures exceed their total, as another source reports",
     {"a.txt": "버스에는 학생 38명, 교사 3명, 운전기사 1명 등 총 40명이 타고 있었다.",
      "b.txt": "버스에는 학생과 교사 등 모두 42명이 타고 있었다."},
     {("numeric_value", "enumeration_total")}),
    ("listed figures below the total: 등 leaves items out",
     {"a.txt": "버스에는 학생 30명, 교사 3명 등 총 42명이 타고 있었다."},
     set()),
    ("a bracketed figure breaks down the one before it",
     {"a.txt": "버스에는 학생 38명(외국인 학생 2명 포함)과 교사 4명 등 모두 42명이 타고 있었다."},
     set()),
    ("figures that add up",
     {"a.txt": "버스에는 학생 38명, 교사 3명, 운전기사 1명 등 총 42명이 타고 있었다."},
     set()),
]


@pytest.mark.parametrize("name,articles,expected", TOTALS, ids=[c[0] for c in TOTALS])
def test_enumeration_total(run, name, articles, expected):
    result = run(articles)
    found = {(c.kind, c.rule) for c in result.conflicts if c.rule in NUMERIC | {"enumeration_total"}}
    assert found == expected, [c.explanation for c in result.conflicts]


CURRENCY = [
    ("the same figure in another currency",
     {"a.txt": "정부는 항만 개발에 3100억 달러를 투자한다.",
      "b.txt": "정부는 항만 개발에 3100억 달러를 쓴다.",
      "c.txt": "정부는 항만 개발에 3100억 원을 투자한다."},
     {("numeric_value", "currency_slip")}),
    ("the same figure in another currency, years earlier, is another amount",
     {"a.txt": "정부는 항만 개발에 3100억 달러를 투자한다.",
      "b.txt": "정부는 항만 개발에 3100억 달러를 쓴다.",
      "c.txt": "2009년 항만 개발에는 3100억 원이 투자됐다."},
     set()),
]


@pytest.mark.parametrize("name,articles,expected", CURRENCY, ids=[c[0] for c in CURRENCY])
def test_currency_time_frame(run, name, articles, expected):
    result = run(articles)
    found = {(c.kind, c.rule) for c in result.conflicts if c.rule == "currency_slip"}
    assert found == expected, [c.explanation for c in result.conflicts]


PER_UNIT = [
    ("an amount per person is not the total",
     {"a.txt": "정부가 지급하는 재난지원금은 1인당 25만 원이다.",
      "b.txt": "정부가 지급하는 재난지원금은 총 13조 원이다."},
     set()),
    ("an amount given to each is not the total",
     {"a.txt": "두 회사가 낸 출연금은 각각 300억 원이다.",
      "b.txt": "두 회사가 낸 출연금은 600억 원이다."},
     set()),
    ("two totals of one fund disagree",
     {"a.txt": "정부가 지급하는 재난지원금은 총 13조 원이다.",
      "b.txt": "정부가 지급하는 재난지원금은 총 11조 원이다."},
     {("numeric_value", "numeric_value")}),
]


@pytest.mark.parametrize("name,articles,expected", PER_UNIT, ids=[c[0] for c in PER_UNIT])
def test_per_unit(run, name, articles, expected):
    result = run(articles)
    found = {(c.kind, c.rule) for c in result.conflicts if c.rule == "numeric_value"}
    assert found == expected, [c.explanation for c in result.conflicts]
