"""Each comparison rule on small articles written for the test (not from any corpus).

A case is a set of articles (name -> text, all published on the given day) and
the conflicts expected: (kind, rule) pairs, or none at all for look-alikes.
"""
from __future__ import annotations

import pytest


HEAD = "입력 2024.03.15 09:00\n\n"  # one publication day for every article

CASES = [
    ("rate vs total by a date",
     {"a.txt": "한빛전자는 2027년까지 40만 장의 패널을 납품받기로 했다.",
      "b.txt": "한빛전자는 월 40만 장의 패널을 납품받는다."},
     {("numeric_scope", "numeric_scope")}),
    ("cut by vs cut to",
     {"a.txt": "정부는 수입 철강에 매기는 관세를 기존 30%에서 12%로 낮추기로 했다.",
      "b.txt": "정부는 수입 철강 관세를 12% 인하하기로 했다."},
     {("numeric_scope", "numeric_scope")}),
    ("same total over different periods",
     {"a.txt": "두 회사는 향후 5년간 800억 달러를 반도체 설비에 투자한다.",
      "b.txt": "두 회사는 7년 동안 800억 달러를 반도체 설비에 투자한다."},
     {("numeric_value", "numeric_period")}),
    ("dropped magnitude word",
     {"a.txt": "정부는 항만 개발에 4200억 달러를 쓴다고 밝혔다.",
      "b.txt": "정부는 항만 개발에 4200억 달러를 배정했다.",
      "c.txt": "사설: 정부가 항만 개발에 4200달러를 쓴다는 계획은 과하다."},
     {("numeric_value", "magnitude_slip")}),
    ("start vs deadline",
     {"a.txt": "신규 노선의 착공은 2026년 6월부터 시작된다고 공사는 밝혔다.",
      "b.txt": "공사는 신규 노선의 착공 여부를 2026년 6월까지 결정한다고 밝혔다."},
     {("date", "date_boundary")}),
    ("acronym spelled out two ways",
     {"a.txt": "양국은 'KAPS(Korea America Partnership Summit)' 회의를 연다.",
      "b.txt": "양국은 'KAPS(Korea Asia Pacific Strategy)' 회의를 연다."},
     {("entity", "expansion")}),
    ("one quote, two speakers",
     {"a.txt": "박서준 산업부 장관은 \"수출 회복세가 하반기에도 이어질 것으로 본다\"고 말했다.",
      "b.txt": "최민호 기재부 차관은 \"수출 회복세가 하반기에도 이어질 것으로 본다\"고 말했다."},
     {("attribution", "attribution")}),
    ("one encounter on two dates",
     {"a.txt": "박서준 장관과 최민호 차관은 12일 회동했다.",
      "b.txt": "박서준 장관은 10일 최민호 차관과 회동했다."},
     {("date", "event_date")}),
    ("an article naming both days describes two encounters",
     {"a.txt": "박서준 장관과 최민호 차관은 12일 회동했다. 박서준 장관은 10일에도 최민호 차관과 회동했다.",
      "b.txt": "박서준 장관은 10일 최민호 차관과 회동했다."},
     set()),
    ("encounters months apart are different visits",
     {"a.txt": "박서준 장관과 최민호 차관은 2023년 11월 2일 회동했다.",
      "b.txt": "박서준 장관은 12일 최민호 차관과 회동했다."},
     set()),
    ("quotes that differ in their figures are different statements",
     {"a.txt": "박서준 산업부 장관은 \"올해 수출 증가율은 30%에 이를 것으로 본다\"고 말했다.",
      "b.txt": "최민호 기재부 차관은 \"올해 수출 증가율은 70%에 이를 것으로 본다\"고 말했다."},
     set()),
    ("one attribute, two values on the same day",
     {"a.txt": "중앙은행은 이날 기준금리를 연 3.50%로 동결했다고 밝혔다.",
      "b.txt": "중앙은행은 이날 기준금리를 연 3.75%로 동결했다고 밝혔다."},
     {("numeric_value", "numeric_value")}),
    ("the same attribute in different years is another quantity",
     {"a.txt": "정부는 올해 성장률을 2.2%로 전망했다고 밝혔다.",
      "b.txt": "정부는 내년 성장률을 1.9%로 전망했다고 밝혔다."},
     set()),
    ("a rounded figure agrees with the exact one",
     {"a.txt": "정부는 내년 예산을 약 680조 원으로 편성했다고 밝혔다.",
      "b.txt": "정부는 내년 예산을 677조 4000억 원으로 편성했다고 밝혔다."},
     set()),
    ("one milestone on two dates",
     {"a.txt": "개정 관세법은 4월 1일부터 시행된다고 기획재정부가 밝혔다.",
      "b.txt": "개정 관세법은 5월 1일부터 시행된다고 기획재정부가 밝혔다."},
     {("date", "milestone_date")}),
    ("the same milestone of different things shares no words",
     {"a.txt": "개정 관세법은 4월 1일부터 시행된다.",
      "b.txt": "새 주택 청약 제도는 5월 1일부터 시행된다."},
     set()),
    ("hedged bound is no conflict",
     {"a.txt": "새 펀드는 최대 300억 달러 규모로 조성된다.",
      "b.txt": "새 펀드는 300억 달러 규모로 조성된다."},
     set()),
    ("same amount in other notations",
     {"a.txt": "총 투자액은 1조 2천억 원이다.",
      "b.txt": "총 투자액은 1조2000억원이다.",
      "c.txt": "총 투자액은 일조이천억 원이다."},
     set()),
    ("a dispute between parties is not an attribution conflict",
     {"a.txt": "박서준 장관은 \"농산물 시장은 추가로 열리지 않는다\"고 말했다.",
      "b.txt": "상대국 대표는 \"농산물 시장이 완전히 열렸다\"고 주장했다."},
     set()),
    ("a retracted figure is not compared",
     {"a.txt": "정부는 연간 150억 달러 한도로 투자한다.\n\n■ 바로잡습니다\n"
               "기사 속 '연간 150억 달러'는 '연간 120억 달러'의 잘못이므로 바로잡습니다.",
      "b.txt": "정부는 연간 120억 달러 한도로 투자한다."},
     set()),
]


@pytest.fixture(scope="module")
def run(check_articles):
    return lambda articles: check_articles(articles, HEAD)


@pytest.mark.parametrize("name,articles,expected", CASES, ids=[c[0] for c in CASES])
def test_rule(run, name, articles, expected):
    result = run(articles)
    found = {(c.kind, c.rule) for c in result.conflicts}
    assert found == expected, [c.explanation for c in result.conflicts]


def test_conflict_id_survives_edits_elsewhere(run):
    a = {"a.txt": "한빛전자는 2027년까지 40만 장의 패널을 납품받기로 했다.",
         "b.txt": "한빛전자는 월 40만 장의 패널을 납품받는다."}
    first = run(a).conflicts
    edited = dict(a, **{"b.txt": "관련 소식이다.\n\n한빛전자는 월 40만 장의 패널을 납품받는다."})
    second = run(edited).conflicts
    assert [c.id for c in first] == [c.id for c in second]


def test_event_place_needs_same_day_and_participants(run):
    same = run({"a.txt": "14일 정부서울청사에서 박서준 장관과 최민호 차관이 회동했다.",
                "b.txt": "박서준 장관은 14일 세종청사에서 최민호 차관과 회동했다."})
    assert {(c.kind, c.rule) for c in same.conflicts} == {("entity", "event_place")}
    other_day = run({"a.txt": "14일 정부서울청사에서 박서준 장관과 최민호 차관이 회동했다.",
                     "b.txt": "박서준 장관은 12일 세종청사에서 최민호 차관과 회동했다."})
    # Two days apart: a date conflict for the editor, but no place conflict.
    assert {(c.kind, c.rule) for c in other_day.conflicts} == {("date", "event_date")}
