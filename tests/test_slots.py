"""Slot conflicts (compare/slots.py) on small articles written for the test: the
venue of one event, a transposed identifier, exclusive words for one act, and
look-alikes that must stay quiet."""
from __future__ import annotations

import pytest

from factcheck.compare.digits import transposed_digits

HEAD = "입력 2024.03.15 09:00\n\n"

BRIEFING = "국토부는 14일 오전 {venue}에서 항공안전 종합대책 브리핑을 열고 조류 충돌 예방 예산을 늘린다고 밝혔다."
FLIGHT = "{code}편은 14일 오후 김포공항을 떠나 제주로 가던 중 엔진 이상으로 회항했고 승객들은 대체편을 기다렸다."
GOAL = "주장 박태오는 전반 12분 페널티박스 바깥에서 {foot} 중거리 슛으로 한빛FC의 선제골을 터뜨렸다."

CASES = [
    # --- venues -------------------------------------------------------------------
    ("one briefing, two government complexes",
     {"a.txt": BRIEFING.format(venue="정부서울청사"), "b.txt": BRIEFING.format(venue="정부세종청사")},
     {("entity", "event_venue")}),
    ("briefings on different days are different briefings",
     {"a.txt": BRIEFING.format(venue="정부서울청사"),
      "b.txt": BRIEFING.format(venue="정부세종청사").replace("14일", "13일")},
     set()),
    ("short and full name of one airport",
     {"a.txt": "한빛항공은 14일 청주국제공항에서 신규 노선 취항식을 열고 오사카 노선 운항을 시작했다.",
      "b.txt": "한빛항공은 14일 청주공항에서 신규 노선 취항식을 열고 오사카 노선 운항을 시작했다."},
     set()),
    ("an article telling of both venues knows two events",
     {"a.txt": BRIEFING.format(venue="정부서울청사") + " 같은 날 오후 정부세종청사에서 항공안전 종합대책 실무 회의가 열렸다.",
      "b.txt": BRIEFING.format(venue="정부세종청사")},
     set()),
    ("same day, little in common",
     {"a.txt": "14일 정부서울청사에서 열린 행사에 시민들이 모였다.",
      "b.txt": "14일 정부세종청사에서 공무원 체육대회가 열렸다."},
     set()),
    ("two companies' launches on one day",
     {"a.txt": "한빛전자는 14일 서울 코엑스 컨벤션센터에서 인공지능 가전 신제품 발표회를 열었다.",
      "b.txt": "누리전자는 14일 부산 벡스코 컨벤션센터에서 인공지능 가전 신제품 발표회를 열었다."},
     set()),
    ("one company's launch at two venues",
     {"a.txt": "한빛전자는 14일 서울 코엑스 컨벤션센터에서 인공지능 가전 신제품 발표회를 열었다.",
      "b.txt": "한빛전자는 14일 부산 벡스코 컨벤션센터에서 인공지능 가전 신제품 발표회를 열었다."},
     {("entity", "event_venue")}),
    ("a city and a venue named after it",
     {"a.txt": "양국 정상은 14일 경주 국립경주박물관에서 만찬을 하며 문화 교류 확대 방안을 논의했다.",
      "b.txt": "양국 정상은 14일 경주박물관에서 만찬을 하며 문화 교류 확대 방안을 논의했다."},
     set()),
    # --- identifiers -------------------------------------------------------------
    ("swapped digits of one flight",
     {"a.txt": FLIGHT.format(code="한빛항공 HB4127"), "b.txt": FLIGHT.format(code="한빛항공 4172")},
     {("entity", "identifier_slip")}),
    ("clearly different numbers are different flights",
     {"a.txt": FLIGHT.format(code="한빛항공 HB4127"), "b.txt": FLIGHT.format(code="한빛항공 4183")},
     set()),
    ("different letter codes are different carriers",
     {"a.txt": FLIGHT.format(code="한빛항공 HB4127"), "b.txt": FLIGHT.format(code="한빛항공 KE4172")},
     set()),
    ("an article naming both numbers knows two flights",
     {"a.txt": FLIGHT.format(code="한빛항공 HB4127") + " 뒤이어 출발한 4172편은 정상 운항했다.",
      "b.txt": FLIGHT.format(code="한빛항공 4172")},
     set()),
    ("counts before 편 are no codes",
     {"a.txt": "한빛연구소는 올해 인공지능 반도체 분야 논문 120편을 국제 학술지에 실었다고 밝혔다.",
      "b.txt": "한빛연구소는 올해 인공지능 반도체 분야 논문 102편을 국제 학술지에 실었다고 밝혔다."},
     set()),
    ("the same flight with and without its letter code",
     {"a.txt": FLIGHT.format(code="한빛항공 HB 4127"), "b.txt": FLIGHT.format(code="한빛항공 4127")},
     set()),
    # --- exclusive words ------------------------------------------------------------
    ("left foot vs right foot for one goal",
     {"a.txt": GOAL.format(foot="왼발"), "b.txt": GOAL.format(foot="오른발")},
     {("entity", "exclusive_term")}),
    ("a sentence with both feet says nothing either way",
     {"a.txt": GOAL.format(foot="왼발로 공을 잡아 오른발"), "b.txt": GOAL.format(foot="오른발")},
     set()),
    ("unrelated sentences with either foot",
     {"a.txt": "박태오는 왼발 부상으로 이번 경기에 결장했다.",
      "b.txt": "신인 이도현은 오른발 슈팅이 장점으로 꼽힌다."},
     set()),
    # --- role holders -------------------------------------------------------------
    ("one office, two people",
     {"a.txt": "홍길동 한빛전자 사장은 14일 신제품 발표회에서 인공지능 가전 전략을 소개했다.",
      "b.txt": "홍길순 한빛전자 사장은 14일 신제품 발표회에서 인공지능 가전 전략을 소개했다."},
     {("entity", "role_holder")}),
    ("two spellings of one transliterated name",
     {"a.txt": "클라우디아 레이먼드 한빛전자 CEO는 14일 신제품을 소개했다.",
      "b.txt": "클라우디아 레이몬드 한빛전자 CEO는 14일 신제품을 소개했다."},
     set()),
    ("a newly appointed holder is another time",
     {"a.txt": "홍길동 한빛전자 신임 사장은 14일 신제품 발표회에서 인공지능 가전 전략을 소개했다.",
      "b.txt": "홍길순 한빛전자 사장은 14일 신제품 발표회에서 인공지능 가전 전략을 소개했다."},
     set()),
    ("a holder at the time of past events",
     {"a.txt": "2019년 협약 당시 홍길동 한빛전자 사장은 인공지능 가전 전략을 소개했다.",
      "b.txt": "홍길순 한빛전자 사장은 14일 신제품 발표회에서 인공지능 가전 전략을 소개했다."},
     set()),
    ("an article naming both holders tells of a succession",
     {"a.txt": "김태오 한빛전자 사장이 물러나고 박서준 한빛전자 사장이 14일 취임했다.",
      "b.txt": "박서준 한빛전자 사장은 14일 취임식에서 인공지능 가전 전략을 소개했다."},
     set()),
    ("the same title at another organisation",
     {"a.txt": "홍길동 한빛전자 사장은 14일 신제품 발표회에서 인공지능 가전 전략을 소개했다.",
      "b.txt": "홍길순 한빛화학 사장은 14일 신제품 발표회에서 배터리 소재 전략을 소개했다."},
     set()),
]


@pytest.fixture(scope="module")
def run(check_articles):
    return lambda articles: check_articles(articles, HEAD)


SLOT_RULES = {"event_venue", "identifier_slip", "exclusive_term", "role_holder"}


@pytest.mark.parametrize("name,articles,expected", CASES, ids=[c[0] for c in CASES])
def test_slot_rule(run, name, articles, expected):
    result = run(articles)
    found = {(c.kind, c.rule) for c in result.conflicts if c.rule in SLOT_RULES}
    assert found == expected, [c.explanation for c in result.conflicts]


@pytest.mark.parametrize("a,b,expected", [
    ("4127", "4172", True),
    ("4127", "1427", True),
    ("5308", "5380", True),
    ("4127", "4127", False),
    ("4127", "4183", False),   # two digits changed, not a swap
    ("4127", "7124", False),   # a swap of digits that are not neighbours
    ("500", "800", False),     # one digit changed
    ("4127", "41272", False),
])
def test_transposed(a, b, expected):
    assert transposed_digits(a, b) is expected
