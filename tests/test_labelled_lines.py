"""Labelled lines ("찬성 180명, 반대 95명, 기권 12명") compared as stat lines (FC109)."""
import pytest

HEAD = "입력 2026.12.02 22:40\n\n"
VOTE = "개정안은 본회의에서 {line}으로 가결됐다."

CASES = [
    ("one label differs, the others agree",
     {"a.txt": VOTE.format(line="찬성 180명, 반대 95명, 기권 12명"),
      "b.txt": VOTE.format(line="찬성 186명, 반대 95명, 기권 12명")}, True),
    ("the same line",
     {"a.txt": VOTE.format(line="찬성 180명, 반대 95명, 기권 12명"),
      "b.txt": VOTE.format(line="찬성 180명, 반대 95명, 기권 12명")}, False),
    ("two labels differ: no line to trust",
     {"a.txt": VOTE.format(line="찬성 180명, 반대 95명, 기권 12명"),
      "b.txt": VOTE.format(line="찬성 186명, 반대 89명, 기권 12명")}, False),
    ("two items are no line",
     {"a.txt": VOTE.format(line="찬성 180명, 반대 95명"),
      "b.txt": VOTE.format(line="찬성 186명, 반대 95명")}, False),
    ("figures of different units are no line",
     {"a.txt": "회사는 매출 3조 원, 영업이익 2조 원, 직원 300명 규모로 성장했다.",
      "b.txt": "회사는 매출 3조 원, 영업이익 2조 원, 직원 320명 규모로 성장했다."}, False),
]


@pytest.mark.parametrize("name, articles, flagged", CASES, ids=[c[0] for c in CASES])
def test_labelled_lines(check_articles, name, articles, flagged):
    result = check_articles(articles, HEAD)
    assert any(c.rule == "stat_line" for c in result.conflicts) is flagged, \
        [c.explanation for c in result.conflicts]
