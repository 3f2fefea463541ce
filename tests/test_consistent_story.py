"""A consistent story in varied notation yields no conflict.

tests/data/consistent-story holds five articles on one invented quarterly result,
written the ways outlets write figures (12조3400억 원, 12.34조 원, 12조 3,400억 원, 약 12조
원), with look-alikes that are not contradictions: segment figures beside the total,
a preliminary figure beside the final one, a consensus beside the result, a forecast,
per-person beside total amounts, distributive 각각, share prices under two time stamps
and a local-time date beside the Korean-time one.
"""
from pathlib import Path

from factcheck.pipeline import check

STORY = Path(__file__).parent / "data" / "consistent-story"


def test_a_consistent_story_in_varied_notation_yields_no_conflict():
    result = check([STORY])
    assert len(result.articles) == 5
    assert len(result.facts) > 30
    assert [(c.rule, c.explanation) for c in result.conflicts] == []
