"""Checking a few articles against a corpus (``focus``) finds exactly the conflicts
of a full check that involve them; the quote rule's pair search skips the rest."""
from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from conftest import make_article, make_fact
from factcheck.compare.context import Comparison
from factcheck.compare.quotes import _norm, attribution_conflicts, attribution_pairs
from factcheck.extract.names import NameMatcher
from factcheck.rules import load_rules

RULES = load_rules(Path(__file__).resolve().parents[1] / "rules")
PARAMS = RULES.params("attribution")
NAMES = NameMatcher.from_rules(RULES)

ROOT = Path(__file__).resolve().parents[1]
PHRASES = ["한국은 가장 모범적인 AI 테스트베드", "반도체 공급망의 핵심 파트너가 될 것", "협력의 폭을 더 넓혀 나가겠다",
           "투자 규모를 단계적으로 늘리겠다", "수익구조를 한 단계 끌어올릴 것"]
SPEAKERS = ["샘 올트먼", "샘 알트먼", "이재명", "이재용", "젠슨 황", "김민수", "김민주"]


def quote_facts(seed: int, n: int = 40):
    rng = random.Random(seed)
    facts = []
    for i in range(n):
        words = " ".join(rng.sample(PHRASES, 2))
        if rng.random() < 0.3:
            words = words.replace("것", "거")  # near-copies
        a = make_article(f"a{i % 12}", f"{i % 12}.txt", f"그는 \u201c{words}\u201d라고 말했다.")
        facts.append(make_fact(a, f"f{i + 1}", "quote", words, words, speaker=rng.choice(SPEAKERS),
                               speaker_strong=True))
    return facts


def reference_pairs(facts) -> set[tuple[str, str]]:
    """The rule's definition, pair by pair: different articles and speakers, a shared
    8-character shingle, the same words (partial ratio >= 85)."""
    out = set()
    for a, b in combinations(facts, 2):
        na, nb = _norm(a.value), _norm(b.value)
        if a.article == b.article or min(len(na), len(nb)) < PARAMS["min_quote_chars"] \
                or NAMES.same_person(a.speaker, b.speaker):
            continue
        shingles = lambda s: {s[i:i + 8] for i in range(max(1, len(s) - 7))}  # noqa: E731
        if shingles(na) & shingles(nb) and fuzz.partial_ratio(na, nb) >= PARAMS["similarity"]:
            out.add((a.id, b.id))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_attribution_pairs_match_the_rule_and_focus_keeps_its_share(seed):
    facts = quote_facts(seed)
    expected = reference_pairs(facts)
    found = [(a.id, b.id) for a, b in attribution_pairs(Comparison(facts, {}, RULES), PARAMS)]
    assert len(found) == len(set(found)) and set(found) == expected
    focus = frozenset({"a0", "a5"})
    article = {f.id: f.article for f in facts}
    focused = [(a.id, b.id)
               for a, b in attribution_pairs(Comparison(facts, {}, RULES, focus), PARAMS)]
    assert set(focused) == {p for p in expected if article[p[0]] in focus or article[p[1]] in focus}
    # the conflicts join the pairs into one per disagreement: every pair's quotes are in one of them
    merged = [{f.id for f in p.facts} for p in attribution_conflicts(Comparison(facts, {}, RULES), PARAMS)]
    assert all(any({a, b} <= ids for ids in merged) for a, b in expected)


def conflicts_of(result, article_id: str) -> list:
    article = {f.id: f.article for f in result.facts}
    return sorted((c for c in result.conflicts if any(article[f] == article_id for f in c.facts)),
                  key=lambda c: c.id)


def test_a_focused_check_finds_every_conflict_of_its_articles():
    from factcheck.pipeline import check

    full = check([ROOT / "seeds"])
    assert full.conflicts
    for article in full.articles:
        focused = check([ROOT / "seeds"], focus=lambda a, path=article.path: a.path == path)
        assert conflicts_of(focused, article.id) == conflicts_of(full, article.id), article.path
