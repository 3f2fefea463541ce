"""Names not in the rules still meet across articles when only the spelling differs."""
import pytest

from pathlib import Path

from factcheck.extract.names import NameMatcher
from factcheck.pipeline import check
from factcheck.rules import load_rules

NAMES = NameMatcher.from_rules(load_rules(Path(__file__).resolve().parents[1] / "rules"))


@pytest.mark.parametrize("a,b,same", [
    ("알트먼", "올트먼", True),            # vowel spelling of a foreign name
    ("샘 알트먼", "올트먼", True),          # full name vs family name
    ("레이먼드", "레이몬드", True),
    ("이재명", "이재용", False),            # two people, one syllable apart
    ("김민수", "김민준", False),
    ("삼성전자", "SK하이닉스", False),
    ("박", "박", True),
])
def test_same_person(a, b, same):
    assert NAMES.same_person(a, b) is same


def test_unlisted_spelling_variants_meet_in_an_event(tmp_path):
    head = "입력 2024.03.15 09:00\n\n"
    (tmp_path / "a.txt").write_text(head + "14일 정부서울청사에서 박서준 장관과 클라우디아 레이먼드 대표가 회동했다.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(head + "박서준 장관은 14일 세종청사에서 레이몬드 대표와 회동했다.\n",
                                    encoding="utf-8")
    result = check([tmp_path])
    assert [(c.kind, c.rule) for c in result.conflicts] == [("entity", "event_place")]


def test_aliases_learned_from_parentheses():
    from factcheck.extract.names import learn_aliases

    learned = learn_aliases(["한빛전자(Hanbit Electronics)는 SK하이닉스(SK hynix)와 손잡았다.",
                             "Daewon(대원물산)도 참여했다. 관세(25%)는 그대로다."])
    assert learned == {"Hanbit Electronics": "한빛전자", "SK hynix": "SK하이닉스", "Daewon": "대원물산"}
