"""A consistent story in varied notation yields no conflict.

tests/data/consistent-story holds five articles on one invented quarterly result,
written the ways outlets write figures (12조3400억 원, 12.34조 원, 12조 3,400억 원, 약 12조
원), with look-alikes that are not contradictions: segment figures beside the total,
a preliminary figure beside the final one, a consensus beside the result, a forecast,
per-person beside total amounts, distributive 각각, share prices under two time stamps
and a local-time date beside the Korean-time one. tests/data/consistent-story-visit
holds four on an invented state visit: a crowd counted under two time stamps, the
same remark quoted twice, events on consecutive days at different places, parts
beside their total.
"""
from pathlib import Path

import pytest

from factcheck.pipeline import check

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("story, articles", [("consistent-story", 5), ("consistent-story-visit", 4),
                                             ("consistent-story-deal", 4)])
def test_a_consistent_story_in_varied_notation_yields_no_conflict(story, articles):
    result = check([DATA / story])
    assert len(result.articles) == articles
    assert len(result.facts) > 20
    assert [(c.rule, c.explanation) for c in result.conflicts] == []
