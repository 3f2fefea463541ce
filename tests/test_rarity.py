"""factcheck.compare.rarity: the word weights the comparison rules share, on
invented sentences."""
from __future__ import annotations

import math

import pytest

from factcheck.compare.rarity import Rarity, with_parts
from factcheck.model import Fact


def sentence(article: str, index: int, *words: str, frame: tuple[str, ...] = ()) -> Fact:
    """A fact standing for sentence ``index`` of ``article``, whose content words are ``words``."""
    start = index * 100
    return Fact(id=f"{article}-{index}", article=article, kind="place", text="x", start=start, end=start + 1,
                sentence_start=start, sentence_end=start + 99, value="x", context=tuple(words), frame=frame)


# Four sentences of two articles: 정부 in every one, 사망자 in one.
CORPUS = [
    sentence("a", 0, "정부", "사망자", "화재"),
    sentence("a", 1, "정부", "발표"),
    sentence("b", 0, "정부", "화재"),
    sentence("b", 1, "정부", "발표", "예산"),
]


@pytest.mark.parametrize("options", [
    {},
    {"offset": 1.0},
    {"floor": 50},
    {"smooth": False},
])
def test_a_word_of_every_sentence_weighs_less_than_a_rare_one(options):
    r = Rarity(CORPUS, **options)
    assert r.idf("정부") < r.idf("화재") < r.idf("사망자")


@pytest.mark.parametrize("options, common, rare", [
    ({}, math.log(5 / 5), math.log(5 / 2)),                   # log((N+1)/(df+1))
    ({"offset": 1.0}, 1.0, math.log(5 / 2) + 1.0),            # + 1: a common word still counts
    ({"smooth": False}, 0.0, math.log(4 / 1)),                # log(N/df)
    ({"floor": 50}, math.log(51 / 5), math.log(51 / 2)),      # a small corpus read as 50 sentences
])
def test_weights(options, common, rare):
    r = Rarity(CORPUS, **options)
    assert r.idf("정부") == pytest.approx(common)
    assert r.idf("사망자") == pytest.approx(rare)


def test_an_unseen_word():
    """Smoothed, it is rarer than any seen word; unsmoothed, it weighs nothing."""
    assert Rarity(CORPUS).idf("태풍") == pytest.approx(math.log(5))
    assert Rarity(CORPUS, smooth=False).idf("태풍") == 0.0


@pytest.mark.parametrize("a, b, expected", [
    (("사망자", "화재"), ("사망자", "화재"), 1.0),                # identical
    (("사망자", "화재"), ("발표", "예산"), 0.0),                  # disjoint
    ((), ("발표",), 0.0),                                        # nothing to compare
])
def test_similarity(a, b, expected):
    r = Rarity(CORPUS, offset=1.0)
    assert r.similarity(a, b) == pytest.approx(expected)
    assert r.similarity(b, a) == pytest.approx(r.similarity(a, b))


def test_similarity_is_symmetric_and_in_range():
    r = Rarity(CORPUS, offset=1.0)
    a, b = ("정부", "사망자", "화재"), ("정부", "화재", "예산")
    assert r.similarity(a, b) == pytest.approx(r.similarity(b, a))
    assert 0.0 < r.similarity(a, b) < 1.0


def test_a_one_word_sentence_is_not_similar_to_a_long_one_containing_it():
    r = Rarity(CORPUS, offset=1.0)
    long = ("정부", "사망자", "화재", "발표", "예산")
    assert r.similarity(("사망자",), long) < 0.5
    assert r.similarity(("사망자", "화재"), long) > r.similarity(("사망자",), long)


def test_a_word_weighs_nothing_when_every_word_is_in_every_unit():
    r = Rarity([sentence("a", 0, "정부"), sentence("b", 0, "정부")], smooth=False)
    assert r.similarity(("정부",), ("정부",)) == 0.0


def test_the_article_unit_counts_a_word_once_per_article():
    """정부 is in all four sentences but in two articles: by article it is in every unit."""
    by_sentence, by_article = Rarity(CORPUS), Rarity(CORPUS, unit="article")
    assert (by_sentence.total, by_sentence.df["정부"], by_sentence.df["발표"]) == (4, 4, 2)
    assert (by_article.total, by_article.df["정부"], by_article.df["발표"]) == (2, 2, 2)


def test_the_floor_on_units():
    assert Rarity(CORPUS, floor=50).total == 50
    assert Rarity(CORPUS, floor=3).total == 4  # a floor below the count changes nothing
    assert Rarity([], floor=0).total == 1


def test_units_without_words_do_not_count():
    """A sentence seen only through a quote fact: its words are unknown."""
    r = Rarity(CORPUS + [sentence("c", 0)])
    assert r.total == 4


def test_frames_count_when_asked():
    facts = [sentence("a", 0, "공항", frame=("착륙",)), sentence("b", 0, "공항")]
    assert Rarity(facts).df["착륙"] == 0
    assert Rarity(facts, frames=True).df["착륙"] == 1


@pytest.mark.parametrize("words, expected", [
    (("시카고 파이어 FC",), {"시카고 파이어 FC", "시카고", "파이어", "FC"}),
    (("A 팀",), {"A 팀"}),                                         # one-letter pieces say nothing
    (("경기",), {"경기"}),
])
def test_with_parts(words, expected):
    assert with_parts(words) == expected


def test_parts_let_two_spellings_of_a_name_meet():
    facts = [sentence("a", 0, "시카고 파이어 FC", "이적"), sentence("b", 0, "시카고", "이적")]
    plain, parts = Rarity(facts), Rarity(facts, parts=True)
    a, b = facts
    assert plain.shared(plain.words(a), plain.words(b))[0] == 1
    assert parts.shared(parts.words(a), parts.words(b))[0] == 2


def test_shared_leaves_out_the_compared_value():
    r = Rarity(CORPUS, floor=50)
    n, weight = r.shared(("한빛국제공항", "화재", "사망자"), ("한빛공항", "화재", "사망자"), leave_out=("한빛국제공항",))
    assert n == 2 and weight == pytest.approx(r.idf("화재") + r.idf("사망자"))
    # A word inside a left-out one is left out too.
    assert r.shared(("공항", "화재"), ("공항", "화재"), leave_out=("한빛공항",))[0] == 1


def test_a_fact_without_words_takes_its_sentences():
    quote = Fact(id="q", article="a", kind="quote", text="x", start=0, end=1, sentence_start=0,
                 sentence_end=99, value="x")
    r = Rarity(CORPUS)
    assert r.words(quote) == {"정부", "사망자", "화재"}
