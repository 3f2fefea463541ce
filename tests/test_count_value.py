"""count_value (FC114): counts of the same noun on the same day, in known order,
that no running count, subset or status explains; invented stories and look-alikes."""
from pathlib import Path

import pytest

from factcheck.pipeline import check

BODY = "누리자동차 광주공장의 생산직 직원 {n}명이 이번 임금 협상 결과를 두고 찬반 투표에 참여했다."
A = "2026년 4월 2일 10:00\n누리자동차 노조 투표\n" + BODY.format(n="1,200") + "\n"


def _run(tmp_path: Path, *texts: str):
    for i, text in enumerate(texts):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return [c for c in check([tmp_path]).conflicts if c.rule == "count_value"]


@pytest.mark.parametrize("other, flagged", [
    # Later the same day, lower, as plain fact: the two cannot both hold.
    ("2026년 4월 2일 15:00\n투표 결과\n" + BODY.format(n="1,100") + "\n", True),
    # At the same moment, higher: one of them is wrong.
    ("2026년 4월 2일 10:00\n투표\n" + BODY.format(n="1,300") + "\n", True),
    # Later and higher: the count may have run on (more voters came).
    ("2026년 4월 2일 15:00\n투표 결과\n" + BODY.format(n="1,300") + "\n", False),
    # Another day: another moment of the count.
    ("2026년 4월 3일 15:00\n투표 결과\n" + BODY.format(n="1,100") + "\n", False),
    # The same day, but no time of publication: the order is unknown.
    ("2026년 4월 2일\n투표 결과\n" + BODY.format(n="1,100") + "\n", False),
    # A part of a larger count ("2,000명 가운데 1,100명").
    ("2026년 4월 2일 15:00\n투표 결과\n누리자동차 광주공장의 생산직 직원 2,000명 가운데 1,100명이 "
     "이번 임금 협상 결과를 두고 찬반 투표에 참여했다.\n", False),
    # A preliminary count against a plain one: two moments.
    ("2026년 4월 2일 15:00\n투표 결과\n잠정 집계로 " + BODY.format(n="1,100") + "\n", False),
    # Under an as-of stamp: compared only at the same stamp (stamped_value).
    ("2026년 4월 2일 15:00\n투표 결과\n오후 2시 기준 " + BODY.format(n="1,100") + "\n", False),
    # An approximation that holds the other figure ("1,100여명" = [1,100, 1,200]).
    ("2026년 4월 2일 15:00\n투표 결과\n" + BODY.format(n="1,100여") + "\n", False),
    # Another measured noun (the sales staff), other words.
    ("2026년 4월 2일 15:00\n영업\n누리자동차 영업직 직원 1,100명이 신차 판촉에 나섰다.\n", False),
])
def test_counts_on_the_same_day(tmp_path, other, flagged):
    assert bool(_run(tmp_path, A, other)) is flagged
