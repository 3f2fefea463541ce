"""People before their titles, however the tagger splits the name or the title."""
import pytest

CASES = [
    # (sentence, the speaker of its quote)
    ("박정민 한결테크 대표는 \"내년에 흑자로 돌아서겠다\"고 말했다.", "박정민"),  # name split by the tagger
    ("김하늘 최고재무책임자는 \"차입은 없다\"고 설명했다.", "김하늘"),            # title split by the tagger
    ("오세진 국토부 항공정책실장은 \"조사를 서두르겠다\"고 밝혔다.", "오세진"),
    ("샘 올트먼 오픈AI CEO는 \"한국은 중요한 시장\"이라고 말했다.", "샘 올트먼"),
]

LOOK_ALIKES = [
    # a common word before a title is nobody
    "이번 행사에서 위원장은 \"예산을 늘리겠다\"고 말했다.",
    "클라우드 시장은 \"올해 20% 커질 것\"이라는 전망이 나왔다.",
]


@pytest.mark.parametrize("sentence, speaker", CASES)
def test_the_name_before_a_title_speaks(check_articles, sentence, speaker):
    result = check_articles({"a.txt": sentence})
    quotes = [f for f in result.facts if f.kind == "quote"]
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_a_common_word_before_a_title_is_no_speaker(check_articles, sentence):
    result = check_articles({"a.txt": sentence})
    assert all(f.speaker is None for f in result.facts if f.kind == "quote")
