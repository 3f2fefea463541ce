"""Attribution (one conflict per misattributed remark, speakers named before their
title and organisation) and correction notices in their Korean shapes, on sentences
written for the test."""
from __future__ import annotations

import pytest


HEAD = "입력 2024.05.20 09:00\n\n"


@pytest.fixture(scope="module")
def run(check_articles):
    return lambda articles: check_articles(articles, HEAD)


ATTRIBUTION = [
    ("two quotes of one passage are one misattribution",
     {"a.txt": "한동수 해양수산부 어업정책실장은 \"올해 어획량이 평년보다 크게 줄었다\"며 "
               "\"연근해 수온 상승이 가장 큰 원인\"이라고 설명했다.",
      "b.txt": "나경호 해양수산부 장관은 \"올해 어획량이 평년보다 크게 줄었다\"며 "
               "\"연근해 수온 상승이 가장 큰 원인\"이라고 말했다."},
     1),
    ("a sports coach and a club chairman",
     {"a.txt": "한빛FC의 마이클 브라운 회장은 \"그는 구단 역사상 가장 중요한 영입\"이라고 반겼다.",
      "b.txt": "피터 존슨 감독은 \"그는 구단 역사상 가장 중요한 영입\"이라고 말했다."},
     1),
    ("the same speaker with and without the organisation",
     {"a.txt": "한동수 해양수산부 어업정책실장은 \"올해 어획량이 평년보다 크게 줄었다\"고 말했다.",
      "b.txt": "한동수 실장은 \"올해 어획량이 평년보다 크게 줄었다\"고 설명했다."},
     0),
]


@pytest.mark.parametrize("name,articles,expected", ATTRIBUTION, ids=[c[0] for c in ATTRIBUTION])
def test_attribution(run, name, articles, expected):
    found = [c for c in run(articles).conflicts if c.kind == "attribution"]
    assert len(found) == expected, [c.explanation for c in found]
    for c in found:
        assert len(c.sides) == 2


@pytest.mark.parametrize("sentence,speaker", [
    ("한동수 해양수산부 어업정책실장은 \"연근해 수온 상승이 가장 큰 원인\"이라고 말했다.", "한동수"),
    ("오세진 국토부 항공정책실장은 \"활주로 보강 공사는 내년에 끝난다\"고 말했다.", "오세진"),
    ("피터 존슨 감독은 \"우리는 우승을 목표로 한다\"고 말했다.", "피터 존슨"),
])
def test_speaker_is_the_name_not_the_organisation(run, sentence, speaker):
    quotes = [f for f in run({"a.txt": sentence}).facts if f.kind == "quote"]
    assert quotes and quotes[0].speaker == speaker


CORRECTIONS = [
    ("X는 Y의 잘못",
     "수출액은 530억 달러로 집계됐다.\n\n[정정] 기사 중 '530억 달러'는 '350억 달러'의 잘못이기에 바로잡습니다.",
     {530e8: "retracted"}),
    ("what the first version wrote, under a header",
     "수출액은 530억 달러로 집계됐다.\n\n■ 바로잡습니다\n이 기사의 첫 출고본은 수출액을 '530억 달러'로 적었습니다. "
     "'350억 달러'가 맞아 본문을 고쳤습니다.",
     {530e8: "retracted"}),
    ("X를 Y로 바로잡습니다",
     "수출액은 530억 달러로 집계됐다.\n\n정정합니다: 기사 속 수출액 530억 달러를 350억 달러로 바로잡습니다.",
     {530e8: "retracted"}),
    ("X를 Y로 잘못 표기해: Y is the wrong one",
     "수출액은 350억 달러로 집계됐다.\n\n바로잡습니다. 수출액 350억 달러를 530억 달러로 잘못 표기해 바로잡습니다.",
     {350e8: "actual", 530e8: "retracted"}),
    ("a story that merely mentions a correction retracts nothing",
     "신문사는 정정보도를 냈다. 수출액은 530억 달러로 집계됐다.",
     {530e8: "actual"}),
]


@pytest.mark.parametrize("name,text,stances", CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_correction_notice(run, name, text, stances):
    body_end = len(HEAD) + (text.find("\n\n") if "\n\n" in text else len(text))
    facts = run({"a.txt": text}).facts
    got = {f.value.value: f.stance for f in facts if f.kind == "quantity" and f.start < body_end}
    notice = {f.value.value: f.stance for f in facts if f.kind == "quantity" and f.start >= body_end}
    for value, stance in stances.items():
        assert got.get(value, notice.get(value)) == stance, (got, notice)


def test_retracted_figure_is_not_flagged(run):
    result = run({"a.txt": "수출액은 530억 달러로 집계됐다.\n\n■ 바로잡습니다\n"
                           "첫 출고본은 수출액을 '530억 달러'로 적었습니다. '350억 달러'가 맞습니다.",
                  "b.txt": "수출액은 350억 달러로 집계됐다."})
    assert not [c for c in result.conflicts if c.kind == "numeric_value"], [c.explanation for c in result.conflicts]


RANKS = [
    ("first vs second of one ranking, same figure",
     {"a.txt": "한빛전자의 3분기 영업이익은 12조 4천억 원으로 국내 기업 역대 최대 영업이익이다.",
      "b.txt": "한빛전자가 3분기에 거둔 영업이익 12조4000억 원은 국내 기업 역대 두 번째로 많은 영업이익이다."},
     1),
    ("an ordinal in digits and a place number",
     {"a.txt": "올해 벼 수확량은 420만 톤으로 관측 역대 최대 수확량이다.",
      "b.txt": "올해 벼 수확량 420만 톤은 관측 역대 3위 수확량이다."},
     1),
    ("rankings within different domains",
     {"a.txt": "한빛전자의 3분기 영업이익은 12조 4천억 원으로 국내 기업 역대 최대 영업이익이다.",
      "b.txt": "한빛전자의 3분기 영업이익 12조4000억 원은 반도체 업계 역대 두 번째로 많은 영업이익이다."},
     0),
    ("different ranked nouns",
     {"a.txt": "한빛전자의 3분기 영업이익은 12조 4천억 원으로 국내 기업 역대 최대 영업이익이다.",
      "b.txt": "한빛전자의 3분기 매출 12조4000억 원은 국내 기업 역대 두 번째로 많은 매출이다."},
     0),
    ("highest-first and lowest-first rankings",
     {"a.txt": "지난달 실업률은 2.1%로 통계 역대 최저 실업률이다.",
      "b.txt": "지난달 실업률 2.1%는 통계 역대 두 번째로 높은 실업률이다."},
     0),
    ("the same rank in other words",
     {"a.txt": "한빛전자의 3분기 영업이익은 12조 4천억 원으로 국내 기업 역대 최대 영업이익이다.",
      "b.txt": "한빛전자의 3분기 영업이익 12조4000억 원은 국내 기업 사상 최대 영업이익이다."},
     0),
    ("two rankings with nothing else in common",
     {"a.txt": "올해 벼 수확량은 420만 톤으로 관측 역대 최대 수확량이다.",
      "b.txt": "보리는 작황이 나빴다. 관측 역대 두 번째로 많은 수확량은 1988년 기록이다.",
      "c.txt": "벼 작황이 좋았다.", "d.txt": "보리 작황이 나빴다."},
     0),
]


@pytest.mark.parametrize("name,articles,expected", RANKS, ids=[c[0] for c in RANKS])
def test_rank(run, name, articles, expected):
    found = [c for c in run(articles).conflicts if c.rule == "rank"]
    assert len(found) == expected, [c.explanation for c in found]


EXTENSIONS = [
    ("the whole span read as the extension",
     {"a.txt": "한빛건설은 2027년까지 시설 관리 계약을 맺었고, 2028년까지 연장 옵션이 있다. "
               "회사는 최대 4년의 연장 옵션을 확보했다고 설명했다."},
     1),
    ("an extension that fits its dates",
     {"a.txt": "기존 위탁 계약은 2026년까지다. 구청은 이 계약을 2028년까지 연장하기로 했다. "
               "계약은 2년 연장된다."},
     0),
    ("no term of its own to extend",
     {"a.txt": "구청은 운영권을 2030년까지 연장하고 최대 5년 연장 옵션을 붙였다."},
     0),
    ("other articles' dates are not this article's",
     {"a.txt": "회사는 최대 4년 연장 옵션을 확보했다.",
      "b.txt": "한빛건설은 2027년까지 시설 관리 계약을 맺었고, 2028년까지 연장 옵션이 있다."},
     0),
]


@pytest.mark.parametrize("name,articles,expected", EXTENSIONS, ids=[c[0] for c in EXTENSIONS])
def test_extension_span(run, name, articles, expected):
    found = [c for c in run(articles).conflicts if c.rule == "extension_span"]
    assert len(found) == expected, [c.explanation for c in found]
