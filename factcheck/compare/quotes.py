"""Attribution conflicts: the same quote given to different speakers."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz

from ..extract.names import same_person
from ..model import Fact
from .proposal import Proposal

MIN_QUOTE_CHARS = 12


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


def attribution_conflicts(facts: list[Fact]) -> list[Proposal]:
    # Only speakers read from sentence structure; a guess from a neighbouring name is too weak.
    quotes = [f for f in facts if f.kind == "quote" and f.speaker and "speaker:strong" in f.qualifiers
              and len(_norm(str(f.value))) >= MIN_QUOTE_CHARS]
    # Block by a short fingerprint of the quote's content so that we never compare all pairs.
    blocks: dict[str, list[Fact]] = defaultdict(list)
    for f in quotes:
        norm = _norm(str(f.value))
        for shingle in {norm[i:i + 8] for i in range(0, max(1, len(norm) - 7))}:
            blocks[shingle].append(f)
    seen: set[tuple[str, str]] = set()
    out = []
    for group in blocks.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                pair = tuple(sorted((a.id, b.id)))
                if a.article == b.article or pair in seen or same_person(a.speaker, b.speaker):
                    continue
                seen.add(pair)
                na, nb = _norm(str(a.value)), _norm(str(b.value))
                if fuzz.partial_ratio(na, nb) < 85 or min(len(na), len(nb)) < MIN_QUOTE_CHARS:
                    continue
                out.append(Proposal("attribution", "attribution", f"quote|{min(na, nb, key=len)[:40]}",
                                    ((a,), (b,)),
                                    f"The same words are quoted from {a.speaker} ({a.trace}) and from "
                                    f"{b.speaker} ({b.trace})."))
    return out
