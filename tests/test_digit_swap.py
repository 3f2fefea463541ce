"""Swapped digits (FC115), offices that name their institution (FC306), and moments
in a story of few articles (FC204)."""
import pytest

HEAD = "입력 2026.12.02 22:40\n\n"
BUDGET = "내년도 나라 예산의 총지출은 {v} 규모로 확정됐다고 기획재정부가 밝혔다."

SWAP_CASES = [
    ("two neighbouring digits swapped",
     {"a.txt": BUDGET.format(v="728조 원"), "b.txt": BUDGET.format(v="782조 원")}, True),
    ("swapped digits with a thousands separator",
     {"a.txt": BUDGET.format(v="1,342억 원"), "b.txt": BUDGET.format(v="1,324억 원")}, True),
    ("other digits: a value conflict, not a swap",
     {"a.txt": BUDGET.format(v="728조 원"), "b.txt": BUDGET.format(v="735조 원")}, False),
    ("another magnitude word: not the same figure keyed twice",
     {"a.txt": BUDGET.format(v="728조 원"), "b.txt": BUDGET.format(v="782억 원")}, False),
    ("an article giving both knows they are two",
     {"a.txt": BUDGET.format(v="728조 원") + " 정부안은 782조 원이었다.",
      "b.txt": BUDGET.format(v="782조 원")}, False),
    ("another measured noun",
     {"a.txt": BUDGET.format(v="728조 원"),
      "b.txt": "내년도 나라 예산의 총수입은 782조 원 규모로 확정됐다고 기획재정부가 밝혔다."}, False),
]


@pytest.mark.parametrize("name, articles, flagged", SWAP_CASES, ids=[c[0] for c in SWAP_CASES])
def test_swapped_digits(check_articles, name, articles, flagged):
    """A swap is flagged once: by digit_swap, or by numeric_value when the sentences
    align well enough for it to see the disagreement first."""
    result = check_articles(articles, HEAD)
    rules = [c.rule for c in result.conflicts if c.kind == "numeric_value"]
    if flagged:
        assert len(rules) == 1 and rules[0] in ("digit_swap", "numeric_value"), rules
    else:
        assert "digit_swap" not in rules, [c.explanation for c in result.conflicts]


SPEAKER = "{who}은 본회의 직후 기자들과 만나 예산안 처리 과정을 설명했다."
OFFICE_CASES = [
    ("two holders of one named office",
     {"a.txt": SPEAKER.format(who="우원석 국회의장"), "b.txt": SPEAKER.format(who="한정우 국회의장")}, True),
    ("a former holder",
     {"a.txt": SPEAKER.format(who="우원석 국회의장"), "b.txt": SPEAKER.format(who="전 한정우 국회의장")}, False),
    ("one person in both",
     {"a.txt": SPEAKER.format(who="우원석 국회의장"), "b.txt": SPEAKER.format(who="우원석 국회의장")}, False),
]


@pytest.mark.parametrize("name, articles, flagged", OFFICE_CASES, ids=[c[0] for c in OFFICE_CASES])
def test_an_office_that_names_its_institution_has_one_holder(check_articles, name, articles, flagged):
    result = check_articles(articles, HEAD)
    assert any(c.rule == "role_holder" for c in result.conflicts) is flagged, \
        [c.explanation for c in result.conflicts]


def test_a_story_of_two_articles_still_finds_a_moment_given_two_times(check_articles):
    """Few articles make no word rare; a small story is read as if it had more."""
    text = "한빛전자는 {t} 서울 본사에서 신제품 공개 행사를 열고 접이식 노트북을 선보였다."
    result = check_articles({"a.txt": text.format(t="1일 오전 10시"), "b.txt": text.format(t="1일 오전 11시")},
                            HEAD)
    assert [c.rule for c in result.conflicts] == ["event_moment"]


def test_a_swap_is_evidence_enough_where_the_sentences_say_little_else(check_articles):
    result = check_articles({"a.txt": "내년도 예산안이 국회 본회의를 통과했다…총지출 728조 원",
                             "b.txt": "내년도 예산 총지출은 782조 원이다."}, HEAD)
    assert [c.rule for c in result.conflicts] == ["digit_swap"]
