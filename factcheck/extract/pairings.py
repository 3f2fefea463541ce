"""Which value belongs to which entity in an enumeration.

Korean news lists parallel clauses that bind values to entities one by one:

- "A는 3조 원, B는 2조 원을": each figure to the noun marked by a particle before it
  (은/는, 이/가, 에/에는, 의), with an attribute noun possibly in between
  ("A는 매출 3조 원", "A의 매출은 3조 원");
- "A·B·C에 각각 3만 대를", "A와 B가 100억 원씩": one figure to every member of a
  list, when a distributive word (각각) stands before it or a distributive suffix (씩)
  after it; without one, the figure belongs to the list as a whole (a total) and
  binds no member;
- "A(30%)와 B(25%)": a figure in brackets right after its noun;
- "김 의원은 국방위, 이 의원은 외통위에": a noun bound to a noun, in clauses that
  repeat the same shape, all but the last ending with a comma.

A sentence yields bindings only when it binds at least two different entities: one
topic with its figures is what numeric_value compares. Each binding becomes a
``pairing`` fact: subject = the entity, value = the bound Quantity or noun,
attribute = the noun between the entity and its figure (매출), qualifiers = the
figure's time words.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model import Fact, Quantity
from .sentences import Sentence, Token

_NOUN_TAGS = ("NNG", "NNP", "SL", "SH")
_BINDING_PARTICLES = ("JX", "JKS", "JKB", "JKG")
_LIST_TAGS = ("JC",)


def _tag(t: Token) -> str:
    return t.tag.split("+")[0]


def _is_noun(t: Token) -> bool:
    return _tag(t) in _NOUN_TAGS or (_tag(t) == "XSN" and t.text not in ("씩",))


@dataclass(frozen=True)
class Binding:
    entity: str
    start: int          # where the entity starts
    end: int            # where the bound value ends
    value: Quantity | str
    attribute: str | None
    how: str            # "clause", "distributive", "bracket", "noun"
    source: Fact | None = None  # the quantity fact of a figure
    particle: str = ""          # the tag of the particle after the entity, for parallel clauses
    alt: Binding | None = None  # "A는 B가 3조 원": B's reading, with A's as the other


def _whole_word(text: str, b: Binding) -> Binding:
    """The entity from the start of its written word: Kiwi may split a name
    ("한빛" as 한 + 빛)."""
    start = b.start
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    if start == b.start:
        return b
    return Binding(text[start:b.start] + b.entity, start, b.end, b.value, b.attribute, b.how, b.source,
                   b.particle)


def _parallel(found: list[Binding]) -> list[Binding]:
    """'A는 B가 3조 원' is B's figure when the other clauses mark their entity like B
    ('C가 2조 원'), else A's ('C는 2조 원', or nothing to tell)."""
    plain = {b.particle for b in found if b.alt is None}
    out = []
    for b in found:
        if b.alt is None:
            out.append(b)
        elif b.particle in plain and b.alt.particle not in plain:
            out.append(Binding(b.entity, b.start, b.end, b.value, b.attribute, b.how, b.source, b.particle))
        else:
            out.append(b.alt)
    return out


class PairingReader:
    """``distributive``: words before a figure that give it to every member of a
    list (각각); ``distributive_suffix``: endings right after it that do (씩);
    ``list_words``: words joining list members besides particles (및);
    ``stop``: time words and titles handled by the caller (a noun run does not
    start with a time word)."""

    def __init__(self, distributive: Iterable[str], distributive_suffix: Iterable[str],
                 list_words: Iterable[str], time_words: Iterable[str], fillers: Iterable[str],
                 particles: Iterable[str] = (), generic: Iterable[str] = (), max_gap: int = 6):
        self.particles = frozenset(particles)
        self.max_gap = max_gap
        self.distributive = frozenset(distributive)
        self.suffix = frozenset(distributive_suffix)
        self.list_words = frozenset(list_words)
        self.time_words = frozenset(time_words)
        self.fillers = frozenset(fillers)
        self.stop = self.time_words | self.fillers | frozenset(generic)

    # -- noun runs -------------------------------------------------------------
    def _run_before(self, tokens: tuple[Token, ...], i: int) -> int | None:
        """The first index of the noun run that ends at token ``i`` (inclusive):
        nouns written together or apart by one space, at most three, never a time
        word or a filler; None when token ``i`` is no noun."""
        if i < 0 or not _is_noun(tokens[i]) or tokens[i].text in self.stop:
            return None
        j = i
        while j - 1 >= 0 and i - j < 2:
            prev = tokens[j - 1]
            if not _is_noun(prev) or prev.text in self.stop \
                    or tokens[j].start - prev.end > 1:
                break
            j -= 1
        return j

    def _run_after(self, tokens: tuple[Token, ...], i: int) -> int | None:
        """The last index of the noun run that starts at token ``i``."""
        if i >= len(tokens) or not _is_noun(tokens[i]):
            return None
        j = i
        while j + 1 < len(tokens) and j - i < 2 and _is_noun(tokens[j + 1]) \
                and tokens[j + 1].start - tokens[j].end <= 1:
            j += 1
        return j

    # -- figures ---------------------------------------------------------------
    def bindings(self, text: str, sent: Sentence, figures: list[Fact]) -> list[Binding]:
        """The entity-figure and entity-noun bindings of one sentence (none unless
        it binds at least two different entities)."""
        out = [_whole_word(text, b) for b in self._bindings(text, sent, figures)]
        return [b for b in out if len(b.entity) > 1]

    def _bindings(self, text: str, sent: Sentence, figures: list[Fact]) -> list[Binding]:
        tokens = sent.tokens
        out: list[Binding] = []
        spans = [(f.start, f.end) for f in figures]
        for f in figures:
            if not isinstance(f.value, Quantity):
                continue
            k = next((i for i, t in enumerate(tokens) if t.start >= f.start), len(tokens))
            out += self._figure(text, tokens, k, f, spans)
        out = self._enumerations(_parallel(out))
        nouns = self._noun_pairs(text, tokens, spans)
        if len({b.entity for b in nouns}) >= 2 and len({b.value for b in nouns}) >= 2:
            out += nouns
        return out

    def _particle(self, t: Token) -> bool:
        return _tag(t) in _BINDING_PARTICLES and (not self.particles or t.text in self.particles)

    def _enumerations(self, found: list[Binding]) -> list[Binding]:
        """Bindings in a row (each entity at most max_gap characters after the
        previous figure, figures of one dimension) that bind at least two entities."""
        out: list[Binding] = []
        chain: list[Binding] = []

        def close() -> None:
            if len({b.entity for b in chain}) >= 2:
                # a later clause leaves out the attribute of the one before ("A는 매출 3조 원, B는 2조 원");
                # a noun right after the last figure ("2조 원의 매출을") is the attribute of all
                named = {b.attribute or (b.source.head if b.source else None) for b in chain} - {None}
                attribute = next(iter(named)) if len(named) == 1 else None
                for b in chain:
                    attribute = b.attribute or attribute
                    out.append(b if b.attribute or not attribute else
                               Binding(b.entity, b.start, b.end, b.value, attribute, b.how, b.source))

        for b in sorted(found, key=lambda b: (b.end, b.start)):
            if chain:
                prev = chain[-1]
                dim = isinstance(b.value, Quantity) and isinstance(prev.value, Quantity) \
                    and b.value.dimension == prev.value.dimension
                if not (b.end == prev.end or (dim and 0 <= b.start - prev.end <= self.max_gap)):
                    close()
                    chain = []
            chain.append(b)
        close()
        return out

    def _figure(self, text: str, tokens: tuple[Token, ...], k: int, f: Fact,
                spans: list[tuple[int, int]]) -> list[Binding]:
        q = f.value
        assert isinstance(q, Quantity)
        # "A(30%)": the figure in brackets right after its noun.
        if k >= 2 and tokens[k - 1].text in ("(", "（") and text[f.end:f.end + 1] in (")", "）"):
            first = self._run_before(tokens, k - 2)
            if first is not None:
                entity = text[tokens[first].start:tokens[k - 2].end]
                return [Binding(entity, tokens[first].start, f.end, q, None, "bracket", f)]
            return []
        distributive = text[f.end:f.end + 2].lstrip()[:1] in self.suffix
        i = k - 1
        # Fillers and distributive words between the particle and the figure.
        while i >= 0 and (tokens[i].text in self.fillers or tokens[i].text in self.distributive
                          or _tag(tokens[i]) == "MAG" and tokens[i].text in self.distributive):
            distributive = distributive or tokens[i].text in self.distributive
            i -= 1
        attribute: str | None = None
        if i >= 0 and _tag(tokens[i]) not in _BINDING_PARTICLES:
            # "A는 매출 3조 원": an attribute noun right before the figure.
            first = self._run_before(tokens, i)
            if first is None:
                return []
            attribute = text[tokens[first].start:tokens[i].end]
            i = first - 1
        if i < 1 or not self._particle(tokens[i]):
            return []
        last_particle = i
        while i >= 1 and self._particle(tokens[i - 1]):  # 에는
            i -= 1
        first = self._run_before(tokens, i - 1)
        if first is None:
            return []
        last = i - 1
        particle = _tag(tokens[i])
        alt: Binding | None = None
        # "A의 매출은 3조 원": the outer noun is the entity. "A는 매출이 3조 원" or "A는 B 부문이
        # 3조 원": either; the enumeration's other clauses tell which (see _parallel).
        if attribute is None and first >= 2 and _tag(tokens[first - 1]) in ("JX", "JKG") \
                and all(_tag(tokens[x]) in ("JX", "JKS") for x in range(i, last_particle + 1)):
            outer = self._run_before(tokens, first - 2)
            if outer is not None:
                inner_text = text[tokens[first].start:tokens[last].end]
                if _tag(tokens[first - 1]) == "JKG":
                    attribute = inner_text
                    first, last = outer, first - 2
                else:
                    alt = Binding(text[tokens[outer].start:tokens[first - 2].end], tokens[outer].start, f.end, q,
                                  inner_text, "clause", f, _tag(tokens[first - 1]))
        members = [(first, last)]
        # A list of members before it: "A·B·C에", "A와 B가", "A, B 및 C에".
        j = first - 1
        while j >= 1:
            sep = tokens[j]
            if not (sep.text in ("·", "ㆍ", ",", "/") or _tag(sep) in _LIST_TAGS or sep.text in self.list_words):
                break
            prev = self._run_before(tokens, j - 1)
            if prev is None:
                break
            members.append((prev, j - 1))
            j = prev - 1
        if len(members) > 1 and not distributive:
            return []  # "A와 B가 6만 대를": the figure is the list's, not a member's
        if any(s < tokens[m[0]].start < e for m in members for s, e in spans):
            return []
        how = "distributive" if len(members) > 1 else "clause"
        if len(members) > 1:
            alt = None
        return [Binding(text[tokens[a].start:tokens[b].end], tokens[a].start, f.end, q, attribute, how, f,
                        particle, alt) for a, b in reversed(members)]

    # -- nouns -----------------------------------------------------------------
    def _noun_pairs(self, text: str, tokens: tuple[Token, ...], spans: list[tuple[int, int]]) -> list[Binding]:
        """'김 의원은 국방위, 이 의원은 외통위에': runs of 'X은 Y,' clauses."""
        found: list[tuple[Binding, bool, bool]] = []  # (binding, ends with a comma, opens after one)
        for i, t in enumerate(tokens):
            if _tag(t) not in ("JX", "JKS") or i == 0:
                continue
            first = self._run_before(tokens, i - 1)
            last = self._run_after(tokens, i + 1)
            if first is None or last is None or last + 1 >= len(tokens):
                continue
            end_tok = tokens[last + 1]
            comma = end_tok.text == ","
            if not comma and _tag(end_tok) not in ("JKB", "JKO", "JX", "VCP", "JKC"):
                continue
            start, end = tokens[first].start, tokens[last].end
            if any(s < end and start < e for s, e in spans):
                continue
            value = text[tokens[i + 1].start:end]
            if any(tokens[x].text in self.time_words for x in range(i + 1, last + 1)):
                continue
            # a later clause must follow the previous clause's comma
            opens = first > 0 and tokens[first - 1].text == ","
            found.append((Binding(text[start:tokens[i - 1].end], start, end, value, None, "noun"), comma, opens))
        # keep runs: every clause but the last ends with a comma, each later one opens after it
        out: list[Binding] = []
        run: list[Binding] = []
        for b, comma, opens in found:
            if run and not opens:
                run = []
            run.append(b)
            if not comma:
                if len(run) >= 2:
                    out += run
                run = []
        return out


def pairing_facts(reader: PairingReader, text: str, sentences: list[Sentence], known: list[Fact],
                  canonical, make) -> list[Fact]:
    """The bindings of every sentence as ``pairing`` facts; ``make(sent, start, end,
    value, **fields)`` builds a fact of the article."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in known:
        if f.kind == "quantity" and f.stance not in ("retracted", "correction"):
            by_sentence.setdefault(f.sentence_start, []).append(f)
    out = []
    for sent in sentences:
        figures = sorted(by_sentence.get(sent.start, []), key=lambda f: f.start)
        found = reader.bindings(text, sent, figures)
        # whose enumeration it is: the nouns before it ("가온모터스는 미국에 3만 대, …")
        opening = min((b.start for b in found), default=sent.start)
        owner = tuple(sorted({canonical(t.text) for t in sent.tokens if t.end <= opening and _is_noun(t)
                              and len(t.text) > 1 and t.text not in reader.stop}))
        for b in found:
            src = b.source
            shown = src.display_value() if src is not None else str(b.value)
            fields: dict = {"subject": canonical(b.entity), "attribute": b.attribute, "frame": owner,
                            "trace": f"{b.entity} <- {shown} ({b.how}{', ' + b.attribute if b.attribute else ''})"}
            if src is not None:
                fields.update(qualifiers=src.qualifiers, scope=src.scope, scope_detail=b.how, stance=src.stance,
                              context=src.context, head=src.head, as_of=src.as_of)
            else:
                fields.update(value=canonical(b.value), scope_detail=b.how)
            value = fields.pop("value", b.value)
            out.append(make(sent, b.start, b.end, value, **fields))
    return out
