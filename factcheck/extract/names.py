"""One spelling per person across the corpus.

Articles spell foreign names differently (알트먼/올트먼/알트만) and the rules
cannot list every name in the news. Names of speakers and event participants
are clustered on their jamo (NFD) form, so that events and quotes from
different articles meet; short Korean names never merge on score alone
(이재명 and 이재용 are two people).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from rapidfuzz import fuzz

from ..model import Fact

SIMILAR = 85


def jamo(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def same_person(a: str, b: str) -> bool:
    if a == b:
        return True
    a_last, b_last = a.split()[-1], b.split()[-1]
    if a_last == b_last and len(a_last) >= 3:
        return True
    if min(len(a_last), len(b_last)) < 3:
        return False
    # Korean personal names differ in one syllable for different people (이재명/이재용,
    # 김민수/김민주): they match only exactly. Transliterated names may vary.
    if _korean_name(a_last) or _korean_name(b_last):
        return False
    return fuzz.ratio(jamo(a_last), jamo(b_last)) >= SIMILAR


# The common Korean family names; a 2-4 syllable name starting with one is read
# as a Korean personal name.
_SURNAMES = frozenset("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍 유 고 문 양 손 배 백 허 "
                      "남 심 노 하 곽 성 차 주 우 구 민 류 나 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 "
                      "소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 "
                      "봉 사 부".split())


def _korean_name(name: str) -> bool:
    return bool(re.fullmatch(r"[가-힣]{2,4}", name)) and name[0] in _SURNAMES


def _participants(f: Fact) -> list[str]:
    if f.kind == "event" and f.subject:
        return f.subject.split("+")
    if f.kind == "place" and f.event:
        return f.event.split("|", 2)[2].split("+")
    return []


def unify_names(facts: list[Fact]) -> list[Fact]:
    counts = Counter(n for f in facts for n in _participants(f) + ([f.speaker] if f.speaker else []))
    representative: dict[str, str] = {}
    reps: list[str] = []
    by_last: dict[str, list[str]] = {}
    for name, _ in counts.most_common():
        last = name.split()[-1]
        # A Korean or short name can only be the same person as a name with the same
        # last word: look there instead of scoring every name seen (thousands).
        pool = reps if len(last) >= 3 and not _korean_name(last) else by_last.get(last, ())
        rep = next((r for r in pool if same_person(r, name)), None)
        if rep is None:
            reps.append(name)
            by_last.setdefault(last, []).append(name)
            rep = name
        representative[name] = rep
    if all(k == v for k, v in representative.items()):
        return facts
    return [_rename(f, representative) for f in facts]


def _rename(f: Fact, rep: dict[str, str]) -> Fact:
    def people(names: list[str]) -> str:
        return "+".join(sorted({rep.get(n, n) for n in names}))

    if f.kind == "event" and f.subject:
        return replace(f, subject=people(f.subject.split("+")))
    if f.kind == "place" and f.event:
        kind, day, who = f.event.split("|", 2)
        key = f"{kind}|{day}|{people(who.split('+'))}"
        return replace(f, event=key, subject=key)
    if f.speaker and rep.get(f.speaker, f.speaker) != f.speaker:
        return replace(f, speaker=rep[f.speaker])
    return f


# "오픈AI(OpenAI)", "SK하이닉스(SK hynix)", "OpenAI(오픈AI)": a name with its other-script form.
_PAIR = re.compile(r"(?<![\w])([A-Za-z0-9]{0,10}[가-힣][가-힣A-Za-z0-9]{1,20}|[A-Za-z][A-Za-z0-9]{1,20})\s?\(\s?"
                   r"([A-Za-z][A-Za-z0-9 .&-]{1,30}|[가-힣][가-힣A-Za-z0-9]{1,20})\s?\)")


def learn_aliases(texts: list[str]) -> dict[str, str]:
    """Names given in two scripts anywhere in the corpus: the Latin form -> the Hangul form."""
    learned: dict[str, str] = {}
    for text in texts:
        for m in _PAIR.finditer(text):
            a, b = m.group(1), m.group(2).strip()
            hangul, latin = (a, b) if re.search(r"[가-힣]", a) else (b, a)
            if not re.search(r"[가-힣]", hangul) or re.search(r"[가-힣]", latin) or len(latin) < 2:
                continue
            learned.setdefault(latin, hangul)
    return learned


def apply_aliases(facts: list[Fact], learned: dict[str, str]) -> list[Fact]:
    """Rewrite sentence context words so that facts naming one thing in two scripts meet."""
    if not learned:
        return facts
    out = []
    for f in facts:
        context = tuple(sorted({learned.get(w, w) for w in f.context}))
        out.append(replace(f, context=context) if context != f.context else f)
    return out
