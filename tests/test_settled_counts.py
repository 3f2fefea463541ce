"""settled_count (FC113): a count stated as settled, and a lower figure given on a
later day with no stamp, in invented stories; look-alikes that must not conflict."""
from pathlib import Path

import pytest

from factcheck.pipeline import check

SETTLED = ("2026년 5월 10일 22:00\n산사태 피해 집계\n"
           "경북 산간 마을 산사태로 주민 34명 가운데 사망자가 최종 31명으로 집계됐다. "
           "구조된 주민 3명은 병원으로 옮겨졌다.\n")


def _run(tmp_path: Path, *texts: str):
    for i, text in enumerate(texts):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return [c for c in check([tmp_path]).conflicts if c.rule == "settled_count"]


@pytest.mark.parametrize("later, flagged", [
    # A later day, plain fact, lower, the same measured noun: a stale count.
    ("2026년 5월 12일\n복구 작업\n경북 산간 마을 산사태 사망자 29명이라는 피해를 낸 이번 재난의 복구가 시작됐다.\n",
     True),
    # Parts of the same whole with the same predicate: 34 of whom 29 died.
    ("2026년 5월 12일\n복구 작업\n주민 34명 가운데 31명이 숨졌다.\n",
     False),  # the same value repeats the settled count
    # The same day as the settled figure: the count may still have been running.
    ("2026년 5월 10일\n속보\n경북 산간 마을 산사태 사망자 29명으로 늘었다.\n", False),
    # A stamp: the count at a moment, compared only at the same stamp.
    ("2026년 5월 12일\n되짚기\n10일 오후 3시 기준 경북 산간 마을 산사태 사망자 29명이었다.\n", False),
    # Preliminary: a preliminary and a settled figure never conflict.
    ("2026년 5월 12일\n되짚기\n잠정 집계로 경북 산간 마을 산사태 사망자 29명이었다.\n", False),
    # Higher later: a revision, not a stale count.
    ("2026년 5월 12일\n수색\n경북 산간 마을 산사태 사망자 33명으로 늘었다.\n", False),
    # Another measured noun (the rescued), lower: not the same count.
    ("2026년 5월 12일\n퇴원\n경북 산간 마을 산사태로 구조된 주민 3명이 퇴원했다.\n", False),
    # Hedged: "30여명" is an approximation, not a stated count.
    ("2026년 5월 12일\n추모\n경북 산간 마을 산사태 사망자 20여명을 추모했다.\n", False),
    # Another accident cited later, in a sentence that shares only the counted noun.
    ("2026년 5월 12일\n과거 사고\n이 사고로 사망자 20명이 나왔고 9명이 다쳤다.\n", False),
    # A quoted figure is someone's claim.
    ("2026년 5월 12일\n증언\n한 주민은 \"경북 산간 마을 산사태 사망자 29명이라고 들었다\"고 말했다.\n", False),
])
def test_a_lower_count_after_the_settled_one(tmp_path, later, flagged):
    assert bool(_run(tmp_path, SETTLED, later)) is flagged


FIRE = "2026년 5월 10일 22:00\n집계\n화재 사망자는 최종 12명으로 확정됐다.\n"
REPEAT = "2026년 5월 11일\n합동분향소\n투숙객 15명 가운데 12명이 숨진 화재의 합동분향소가 차려졌다.\n"


@pytest.mark.parametrize("later, flagged", [
    # A lower part of the same whole, with the same predicate, a day after the repeat: stale.
    ("2026년 5월 12일\n정리\n투숙객 15명 가운데 10명이 숨진 화재였다.\n", True),
    # Another part of the same whole (those discharged): another count.
    ("2026년 5월 12일\n퇴원\n투숙객 15명 가운데 3명이 퇴원했다.\n", False),
    # Those rescued: another predicate.
    ("2026년 5월 12일\n구조\n투숙객 15명 가운데 10명이 구조됐다.\n", False),
    # A part of another whole.
    ("2026년 5월 12일\n정리\n직원 11명 가운데 10명이 숨진 공장 화재였다.\n", False),
])
def test_parts_of_one_whole(tmp_path, later, flagged):
    """The settled count repeated later as a part of a whole ("15명 가운데 12명이 숨진")
    carries it to other sentences of that whole."""
    assert bool(_run(tmp_path, FIRE, REPEAT, later)) is flagged


def test_an_other_event_cited_for_comparison_is_not_stale(tmp_path):
    """A lower toll of another, earlier accident cited in a later article."""
    other = ("2026년 5월 20일\n과거 사고\n2003년 같은 지역 산사태 당시에는 주민 12명이 숨졌다. "
             "그해 사고 사망자 12명 가운데 어린이는 없었다.\n")
    assert _run(tmp_path, SETTLED, other) == []


def _value_conflicts(tmp_path: Path, *texts: str):
    for i, text in enumerate(texts):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return [c for c in check([tmp_path]).conflicts if c.rule in ("numeric_value", "stamped_value")]


PLAIN_A = ("2026년 7월 7일\n가람전자 2분기 실적\n가람전자의 2분기 영업이익은 1조2000억 원으로 "
           "메모리 반도체 수요 회복에 힘입어 크게 늘었다.\n")
PLAIN_B = ("2026년 7월 8일\n가람전자 실적 분석\n가람전자의 2분기 영업이익은 1조3500억 원으로 "
           "메모리 반도체 수요 회복에 힘입어 크게 늘었다.\n")
PRELIM_A = ("2026년 7월 7일\n가람전자 2분기 실적\n잠정 실적에서 가람전자의 2분기 영업이익은 1조2000억 원으로 "
            "메모리 반도체 수요 회복에 힘입어 크게 늘었다.\n")
PRELIM_B = ("2026년 7월 8일\n가람전자 실적 분석\n잠정 실적에서 가람전자의 2분기 영업이익은 1조3500억 원으로 "
            "메모리 반도체 수요 회복에 힘입어 크게 늘었다.\n")


@pytest.mark.parametrize("a, b, flagged", [
    (PLAIN_A, PLAIN_B, True),     # the same stance, different values: a conflict
    (PRELIM_A, PRELIM_B, True),   # two preliminary figures that differ: a conflict
    (PRELIM_A, PLAIN_B, False),   # a preliminary and a final figure: two moments
    (PLAIN_A, PRELIM_B, False),
])
def test_a_preliminary_and_a_final_figure_never_conflict(tmp_path, a, b, flagged):
    assert bool(_value_conflicts(tmp_path, a, b)) is flagged
