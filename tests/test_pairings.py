"""Enumerations bind values to entities one by one (factcheck.extract.pairings), and
the pairing rule (FC307) finds an entity bound to another value, or two entities'
values swapped, across articles. Invented sentences only."""
from __future__ import annotations

import pytest

from factcheck.model import Quantity


def _bindings(result) -> set[tuple[str, object]]:
    out = set()
    for f in result.facts:
        if f.kind == "pairing":
            v = f.value
            out.add((f.subject, v.value if isinstance(v, Quantity) else v))
    return out


@pytest.mark.parametrize("sentence, expected", [
    # 각각 gives the figure to every member of the list; the next clause binds its own
    ("가온모터스는 미국·유럽·일본에 각각 3만 대를, 브라질에는 4만 대를 공급한다.",
     {("미국", 30000), ("유럽", 30000), ("일본", 30000), ("브라질", 40000)}),
    # topic clauses in a row
    ("반도체 부문은 매출 3조 원, 가전 부문은 2조 원을 기록했다.",
     {("반도체 부문", 3e12), ("가전 부문", 2e12)}),
    # subject clauses in a row
    ("서울지점이 120건, 부산지점이 80건을 처리했다.", {("서울지점", 120), ("부산지점", 80)}),
    # a figure in brackets after its noun
    ("점유율은 가온(30%)과 누리(25%)가 뒤를 이었다.", {("가온", 30), ("누리", 25)}),
    # 씩 after the figure
    ("가온물산과 누리상사가 100억 원씩 출자한다.", {("가온물산", 1e10), ("누리상사", 1e10)}),
    # "A는 B가 N, C가 M": the clauses mark B and C alike, so the figures are theirs
    ("가온전자는 반도체 부문이 3조 원, 가전 부문이 2조 원의 매출을 올렸다.",
     {("반도체 부문", 3e12), ("가전 부문", 2e12)}),
    # "A는 매출이 N, C는 M": the clauses mark A and C alike, 매출 is what is measured
    ("가온전자는 매출이 3조 원, 누리전자는 2조 원이었다.", {("가온전자", 3e12), ("누리전자", 2e12)}),
    # a noun bound to a noun, clause after clause
    ("김도윤 의원은 국방위, 박서진 의원은 외통위에 배정됐다.",
     {("김도윤 의원", "국방위"), ("박서진 의원", "외통위")}),
])
def test_enumerations_bind_each_value_to_its_entity(check_articles, sentence, expected):
    assert _bindings(check_articles({"a.txt": sentence})) == expected


@pytest.mark.parametrize("sentence", [
    # a list without 각각 or 씩: the figure is the list's total, no member's
    "가온물산과 누리상사가 200억 원을 공동 출자한다.",
    # one topic with two figures: what numeric_value compares, no enumeration
    "가온전자는 매출 3조 원, 영업이익 5천억 원을 기록했다.",
    # one entity only
    "가온전자는 미국에 3만 대를 공급한다.",
    # two figures far apart, not clauses in a row
    "가온전자는 3조 원의 매출을 올려 시장 전망을 크게 웃돌았고 누리전자는 2조 원에 그쳤다.",
])
def test_no_binding_without_an_enumeration(check_articles, sentence):
    assert _bindings(check_articles({"a.txt": sentence})) == set()


def _pairing(result):
    return [c for c in result.conflicts if c.rule == "pairing"]


_SUPPLY = "가온모터스는 신형 전기 화물차를 {} 공급하는 계약을 맺었다고 밝혔다."


@pytest.mark.parametrize("a, b, kind", [
    # B (유럽) gets 3만 대 via 각각 in one, 4만 대 via 각각 in the other
    (_SUPPLY.format("미국·유럽에 각각 3만 대를, 브라질에는 4만 대를"),
     _SUPPLY.format("미국에 3만 대를, 유럽과 브라질에는 각각 4만 대를"), "numeric_value"),
    # two segments' figures swapped
    ("가온전자는 반도체 부문이 매출 3조 원, 가전 부문이 2조 원을 기록했다고 공시했다.",
     "가온전자는 반도체 부문이 매출 2조 원, 가전 부문이 3조 원을 기록했다고 공시했다.", "numeric_value"),
    # an attribute named after the last figure, the segments' figures swapped
    ("가온전자는 반도체 부문이 3조 원, 가전 부문이 2조 원의 매출을 올렸다고 공시했다.",
     "가온전자는 반도체 부문이 2조 원, 가전 부문이 3조 원의 매출을 올렸다고 공시했다.", "numeric_value"),
    # bracketed shares of two firms swapped
    ("국내 시장 점유율은 가온(30%)과 누리(25%)가 뒤를 이었다고 조사기관은 전했다.",
     "국내 시장 점유율은 가온(25%)과 누리(30%)가 뒤를 이었다고 조사기관은 전했다.", "numeric_value"),
    # two lawmakers' committees swapped
    ("이번 상임위 배정에서 김도윤 의원은 국방위, 박서진 의원은 외통위에 배정됐다.",
     "이번 상임위 배정에서 김도윤 의원은 외통위, 박서진 의원은 국방위에 배정됐다.", "entity"),
])
def test_pairing_conflicts(check_articles, a, b, kind):
    found = _pairing(check_articles({"a.txt": a, "b.txt": b}))
    assert len(found) == 1
    assert found[0].kind == kind


@pytest.mark.parametrize("a, b", [
    # the same bindings, in another order
    (_SUPPLY.format("미국에 3만 대를, 브라질에는 4만 대를"),
     _SUPPLY.format("브라질에 4만 대를, 미국에는 3만 대를")),
    # a subset of the list
    (_SUPPLY.format("미국·유럽·일본에 각각 3만 대를, 브라질에는 4만 대를"),
     _SUPPLY.format("미국·유럽에 각각 3만 대를, 브라질에는 4만 대를")),
    # 각각 for several against each given separately the same value
    (_SUPPLY.format("미국·유럽에 각각 3만 대를, 브라질에는 4만 대를"),
     _SUPPLY.format("미국에 3만 대, 유럽에 3만 대, 브라질에 4만 대를")),
    # a total against its parts: a list without 각각 binds no member
    (_SUPPLY.format("미국·유럽에 각각 3만 대를, 브라질에는 4만 대를"),
     _SUPPLY.format("미국과 유럽에 6만 대를, 브라질에는 4만 대를")),
    # different attributes of the same entities
    ("가온전자는 반도체 부문이 매출 3조 원, 가전 부문이 2조 원을 기록했다고 공시했다.",
     "가온전자는 반도체 부문이 영업이익 2조 원, 가전 부문이 3조 원을 기록했다고 공시했다."),
    # different attributes, named after the last figure
    ("가온전자는 반도체 부문이 3조 원, 가전 부문이 2조 원의 매출을 올렸다고 공시했다.",
     "가온전자는 반도체 부문이 2조 원, 가전 부문이 3조 원의 영업이익을 올렸다고 공시했다."),
    # the enumerations of two companies
    ("가온모터스는 미국에 3만 대를, 브라질에는 4만 대를 공급하는 계약을 맺었다고 밝혔다.",
     "누리자동차는 미국에 2만 대를, 브라질에는 5만 대를 공급하는 계약을 맺었다고 밝혔다."),
    # different periods
    ("가온전자는 올해 반도체 부문이 3조 원, 가전 부문이 2조 원의 매출을 기록했다고 공시했다.",
     "가온전자는 지난해 반도체 부문이 2조 원, 가전 부문이 3조 원의 매출을 기록했다고 공시했다."),
    # the same lawmakers and committees, the same pairs
    ("이번 상임위 배정에서 김도윤 의원은 국방위, 박서진 의원은 외통위에 배정됐다.",
     "이번 상임위 배정에서 박서진 의원은 외통위, 김도윤 의원은 국방위에 배정됐다."),
])
def test_pairing_look_alikes_do_not_conflict(check_articles, a, b):
    assert _pairing(check_articles({"a.txt": a, "b.txt": b})) == []
