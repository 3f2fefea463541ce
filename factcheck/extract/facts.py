"""Turn one analysed article into facts with evidence.

Quantities (with scope, hedges and stated currency conversions), dates (with
deadline/start boundaries), quotes with speakers, event places, and acronym
expansions. Every fact carries its character span into ``article.text``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from ..model import Article, EventRef, Fact, FactKind, Quantity, Stance, Value
from ..normalize.dates import DateMention, scan_dates
from ..normalize.lexicon import Lexicon, lexicon_from_rules, words_pattern
from ..normalize.quantities import QuantityScanner
from .attributes import AttributeReader
from .events import EventFinder
from .expansions import find_expansions
from .names import NameMatcher
from .people import PeopleFinder, PersonMention
from .quotes import QUOTE_MARKS, QuoteReader
from .sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet

_TOPIC = re.compile(r"([A-Za-z0-9가-힣·]+?)(?:은|는|이|가)\s")
_WON = r"\d[\d,]*(?:\.\d+)?\s?원"
MARKET_SHARE = "market share"


class ArticleExtractor:
    """Holds what is built once per rule set (vocabularies, regexes); ``extract``
    runs per article. ``canonical``: surface -> canonical name (aliases)."""

    def __init__(self, rules: "RuleSet", canonical: Callable[[str], str]):
        self.canonical = canonical
        self.lexicon: Lexicon = lexicon_from_rules(rules)
        self.scanner = QuantityScanner(self.lexicon)
        aliases = rules.aliases
        person_aliases = {s: c for s, c in aliases.names().items() if aliases.alias_type(c) == "person"}
        names = NameMatcher.from_rules(rules)
        self.people = PeopleFinder(set(rules.titles), person_aliases, lambda n: rules.places.place(n) is not None,
                                   rules.org_suffixes, names.is_korean_name)
        self.events = EventFinder(rules.event_words, rules.places.names(), rules.words("venue_suffix"),
                                  rules.words("visit_verb"), canonical)
        self.encounters = rules.encounter_types
        self.quotes = QuoteReader(rules.words("pronoun"), rules.speech_verbs)
        self.attributes = AttributeReader(rules.words("time_word"), rules.words("attribute_filler"),
                                          rules.words("generic_noun"))
        self.generic = frozenset(rules.words("generic_noun"))
        self.acronym_minor = frozenset(rules.words("acronym_minor_word"))
        self.stances: list[tuple[Stance, re.Pattern[str]]] = [
            (stance, re.compile(words_pattern(words)))
            for stance in ("plan", "forecast") if (words := rules.stance_words(stance))]
        rate = words_pattern(rules.words("rate_word")) or "(?!)"
        self.stated_rate = re.compile(rf"(?:{rate})\s?{_WON}|{_WON}\s?(?:{rate})")
        # "HBM 시장 점유율은 50%", "D램 시장에서 70%": the market names the share.
        market = words_pattern(rules.words("market_word")) or "(?!)"
        self.market = re.compile(rf"([A-Za-z0-9가-힣]+)\s?(?:{market})(?:의|에서)?\s?(?:[가-힣]+\s)?$")
        corrections = rules.correction_words
        self.correction_re = re.compile(words_pattern(corrections)) if corrections else None

    def extract(self, article: Article, doc: Any) -> list[Fact]:
        text = article.text
        sentences = split_sentences(article, doc)
        contexts = {s.index: tuple(sorted({self.canonical(n) for n in s.nouns(self.generic)}))
                    for s in sentences}
        facts: list[Fact] = []
        dates = [d for d in scan_dates(text, article.published, zones=self.lexicon.zones)
                 if not article.in_furniture(d.start, d.end)]
        facts += self._quantities(article, sentences, contexts, [(d.start, d.end) for d in dates])
        facts += self._dates(article, sentences, dates, contexts)
        people = self.people.find(text, sentences)
        facts += self._quotes(article, sentences, people)
        facts += self._events(article, sentences, people, dates)
        for e in find_expansions(text, sentences, self.acronym_minor):
            sent = _sentence_at(sentences, e.start)
            if sent is not None:
                facts.append(self._fact(article, sent, "expansion", e.start, e.end, e.expansion, subject=e.acronym,
                                        attribute="expansion", trace=f"{e.acronym} = {e.expansion}"))
        facts = self._apply_corrections(article, sentences, facts)
        return sorted(facts, key=lambda f: (f.start, f.end, f.kind))

    def _fact(self, article: Article, sent: Sentence, kind: FactKind, start: int, end: int, value: Value,
              **kw: Any) -> Fact:
        return Fact(id="", article=article.id, kind=kind, text=article.text[start:end], start=start, end=end,
                    sentence_start=sent.start, sentence_end=sent.end, value=value, **kw)

    def _stance(self, text: str, sent: Sentence) -> Stance:
        """A plan or a forecast when the sentence says so (계획, 예정; 전망, 예상)."""
        for stance, pattern in self.stances:
            if pattern.search(text, sent.start, sent.end):
                return stance
        return "actual"

    def _quantities(self, article: Article, sentences: list[Sentence], contexts: dict[int, tuple[str, ...]],
                    date_spans: list[tuple[int, int]]) -> list[Fact]:
        text = article.text
        out = []
        for sent in sentences:
            # A date ("1일", "2029년") is not a duration figure.
            mentions = [m for m in self.scanner.scan(text, sent.start, sent.end)
                        if not any(m.start < e and s < m.end for s, e in date_spans)]
            stance = self._stance(text, sent)
            quoted = [(q.start(), q.end()) for q in QUOTE_MARKS.finditer(text, sent.start, sent.end)]
            rate_stated = bool(self.stated_rate.search(text, sent.start, sent.end))
            skip: set[int] = set()
            for i, m in enumerate(mentions):
                if i in skip or m.scope.kind == "change_from":
                    continue
                conversion: Quantity | None = None
                end = m.end
                nxt = mentions[i + 1] if i + 1 < len(mentions) else None
                if nxt and m.quantity.dimension == nxt.quantity.dimension == "currency" \
                        and nxt.quantity.unit != m.quantity.unit \
                        and re.fullmatch(r"\s?[(（]\s?(?:한화|원화|우리\s?돈|약|환산|\s)*", text[m.end:nxt.start]):
                    conversion, skip = nxt.quantity, skip | {i + 1}
                    end = nxt.end + 1 if text[nxt.end:nxt.end + 1] in ")）" else nxt.end
                subject, attribute, qualifiers = self._who_what(text, sent, m.start, m.quantity)
                q = m.quantity
                trace = q.trace + (f"; stated as {conversion.trace}" if conversion else "")
                out.append(self._fact(article, sent, "quantity", m.start, end, q, subject=subject,
                                      attribute=attribute, qualifiers=qualifiers, scope=m.scope.kind,
                                      scope_detail=m.scope.detail, period_days=m.scope.period_days,
                                      rate_stated=conversion is not None and rate_stated,
                                      stance="quoted" if any(s <= m.start < e for s, e in quoted) else stance,
                                      context=contexts[sent.index], conversion=conversion, trace=trace))
        return out

    def _who_what(self, text: str, sent: Sentence, start: int,
                  q: Quantity) -> tuple[str | None, str | None, tuple[str, ...]]:
        before = text[sent.start:start]
        qualifiers: tuple[str, ...] = ()
        attribute = None
        if q.dimension == "percent":
            m = self.market.search(before[-30:])
            if m:
                attribute, qualifiers = MARKET_SHARE, (m.group(1).upper(),)
        if attribute is None:
            attribute = self.attributes.before(sent, start)
            qualifiers = self.attributes.times(sent)
        topics = _TOPIC.findall(before)
        subject = self.canonical(topics[-1]) if topics else None
        return subject, attribute, qualifiers

    def _dates(self, article: Article, sentences: list[Sentence], dates: list[DateMention],
               contexts: dict[int, tuple[str, ...]]) -> list[Fact]:
        out = []
        for d in dates:
            sent = _sentence_at(sentences, d.start)
            if sent is None:
                continue
            scope = "by_date" if d.boundary == "until" else "from_date" if d.boundary == "from" else "point"
            out.append(self._fact(article, sent, "date", d.start, d.end, d.value, scope=scope,
                                  attribute=self.attributes.after(sent, d.end),
                                  qualifiers=self.attributes.times(sent),
                                  context=contexts[sent.index], trace=d.value.trace,
                                  stance=self._stance(article.text, sent)))
        return out

    def _quotes(self, article: Article, sentences: list[Sentence], people: list[PersonMention]) -> list[Fact]:
        out = []
        for q in self.quotes.find(article.text, sentences, people):
            sent = _sentence_at(sentences, q.start)
            if sent is None:
                continue
            out.append(self._fact(article, sent, "quote", q.start, q.end, q.inner,
                                  speaker=self.canonical(q.speaker) if q.speaker else None,
                                  speaker_strong=q.strong, attribute="quote",
                                  trace=f"speaker: {q.speaker or '?'} ({q.how})"))
        return out

    def _events(self, article: Article, sentences: list[Sentence], people: list[PersonMention],
                dates: list[DateMention]) -> list[Fact]:
        out = []
        for e in self.events.find(article.text, sentences, people, dates):
            if not e.date or len(e.participants) < 2:
                continue
            sent = sentences[e.sentence]
            d = e.date
            event = EventRef(e.type, d.value.iso()[:10], e.participants)
            if e.type in self.encounters:
                # When two or more people met: compared across articles by event_date.
                out.append(self._fact(article, sent, "event", d.start, d.end, d.value, attribute="date",
                                      event=event, trace=f"{e.type} of {event.label} on {d.value.iso()}"
                                                         f" ({d.value.trace})"))
            if not e.place:
                continue
            start, end, name = e.place
            out.append(self._fact(article, sent, "place", start, end, self.canonical(name),
                                  attribute="place", event=event,
                                  trace=f"{e.type} on {d.value.iso()} with {event.label}"
                                        f" at {name} ({d.value.trace})"))
        return out

    def _apply_corrections(self, article: Article, sentences: list[Sentence], facts: list[Fact]) -> list[Fact]:
        """A correction notice ('바로잡습니다') retracts the figures it names as wrong."""
        if not self.correction_re:
            return facts
        notices = [s for s in sentences if self.correction_re.search(article.text, s.start, s.end)]
        if not notices:
            return facts
        wrong = set()
        for s in notices:
            for f in facts:
                if isinstance(f.value, Quantity) and s.start <= f.start < s.end:
                    # "'X'는 'Y'의 잘못", "X가 아니라 Y": the figure marked as subject is the wrong one.
                    after = article.text[f.end:f.end + 8].lstrip("'\"’” ")
                    if re.match(r"(?:은|는|이|가)(?:\s|$)|(?:이|가)?\s?아니라", after):
                        wrong.add((f.value.value, f.value.unit))
        out = []
        for f in facts:
            if isinstance(f.value, Quantity):
                if (f.value.value, f.value.unit) in wrong:
                    f = replace(f, stance="retracted", trace=f.trace + "; retracted by the correction notice")
                elif any(s.start <= f.start < s.end for s in notices):
                    f = replace(f, stance="correction")
            out.append(f)
        return out


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None

