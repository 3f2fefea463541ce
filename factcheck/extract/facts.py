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
from ..normalize.dates import DateMention, scan_clock_times, scan_dates
from ..normalize.lexicon import Lexicon, lexicon_from_rules, words_pattern
from ..normalize.quantities import QuantityScanner
from .asof import StampReader, head_after, labelled_lines, line_key, stat_lines
from .attributes import AttributeReader
from .events import EventFinder
from .expansions import find_expansions
from .moments import clause_words
from .names import NameMatcher
from .corrections import CorrectionReader
from .ranks import RankReader
from .pairings import PairingReader, pairing_facts
from .people import PeopleFinder, PersonMention
from .quotes import QUOTE_MARKS, QuoteReader
from .sentences import Sentence, split_sentences
from .slots import RoleReader, SlotFinder

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
                                   rules.org_suffixes, names.is_korean_name, rules.words("common_noun_title"))
        self.events = EventFinder(rules.event_words, rules.places.names(), rules.words("venue_suffix"),
                                  rules.words("visit_verb"), canonical)
        self.encounters = rules.encounter_types
        self.slots = SlotFinder(rules.words("venue_suffix"), rules.words("identifier_word"),
                                rules.words("exclusive_pair"))
        self.roles = RoleReader(rules.words("sole_title"), rules.words("role_time_word"), rules.words("named_office"))
        self.quotes = QuoteReader(rules.words("pronoun"), rules.speech_verbs)
        self.attributes = AttributeReader(rules.words("time_word"), rules.words("attribute_filler"),
                                          rules.words("generic_noun"))
        self.generic = frozenset(rules.words("generic_noun"))
        self.stamps = StampReader(rules.words("asof_marker"))
        self.acronym_minor = frozenset(rules.words("acronym_minor_word"))
        self.pairings = PairingReader(rules.words("distributive_word"), rules.words("distributive_suffix"),
                                      rules.words("enumeration_conjunction"), rules.words("time_word"),
                                      rules.words("attribute_filler"), rules.words("binding_particle"),
                                      self.generic)
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
        self.ranks = RankReader(rules.words("rank_scope_word"), rules.words("superlative_high"),
                                rules.words("superlative_low"), rules.words("native_ordinal"),
                                rules.words("rank_low_adjective"))
        self.corrections = CorrectionReader.build(corrections, rules.words("correction_wrote_verb"),
                                                  rules.words("correction_right_word"))

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
        clocks = [c for c in scan_clock_times(text, article.published, dates, zones=self.lexicon.zones)
                  if not article.in_furniture(c.start, c.end)]  # "오전 9시 3분께" with no date of its own
        facts += self._dates(article, sentences, clocks, contexts)
        people = self.people.find(text, sentences)
        facts += self._quotes(article, sentences, people)
        facts += self._events(article, sentences, people, dates)
        facts += self._slots(article, sentences, contexts, facts)
        facts += self._roles(article, sentences, contexts, people)
        for e in find_expansions(text, sentences, self.acronym_minor):
            sent = _sentence_at(sentences, e.start)
            if sent is not None:
                facts.append(self._fact(article, sent, "expansion", e.start, e.end, e.expansion, subject=e.acronym,
                                        attribute="expansion", trace=f"{e.acronym} = {e.expansion}"))
        facts += self._ranks(article, sentences, contexts)
        facts += pairing_facts(self.pairings, text, sentences, facts, self.canonical,
                               lambda sent, start, end, value, **kw: self._fact(
                                   article, sent, "pairing", start, end, value, **{"context": contexts[sent.index], **kw}))
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
            stamps = self.stamps.stamps(text, sent.start, sent.end,
                                        article.published.date() if article.published else None)
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
                                      context=contexts[sent.index], conversion=conversion, trace=trace,
                                      as_of=self.stamps.stamp_for(text, sent.start, sent.end, stamps, m.start),
                                      head=head_after(sent.tokens, m.end, self.generic)))
            out += self._tallies(article, sent, contexts[sent.index], stance,
                                 date_spans + [(m.start, m.end) for m in mentions],
                                 [(m.start, m.end, m.quantity.value, m.quantity.unit) for m in mentions])
        return out

    def _tallies(self, article: Article, sent: Sentence, context: tuple[str, ...], stance: Stance,
                 taken: list[tuple[int, int]], figures: list[tuple[int, int, float, str]]) -> list[Fact]:
        """The figures of a stat line ("333경기 127골 77도움", "찬성 180명, 반대 95명, 기권
        12명"), each a tally of its counter or label; the line's items travel as
        qualifiers, so the line can be compared as a whole."""
        out = []
        for line in stat_lines(article.text, sent.tokens, taken) + labelled_lines(article.text, sent.tokens, figures):
            key = line_key(line)
            for t in line:
                q = Quantity(float(t.value), float(t.value), float(t.value), t.counter, "tally",
                             trace=f"{t.value} {t.counter} (a tally in the line {' '.join(key)})")
                topics = _TOPIC.findall(article.text[sent.start:line[0].start])
                out.append(self._fact(article, sent, "quantity", t.start, t.end, q, attribute=t.counter,
                                      subject=self.canonical(topics[-1]) if topics else None,
                                      qualifiers=key, stance=stance, context=context, trace=q.trace))
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
                                  stance=self._stance(article.text, sent),
                                  scope_detail="clock" if d.clock else None,
                                  frame=clause_words(sent, d.start, d.end, self.generic)))
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

    def _slots(self, article: Article, sentences: list[Sentence], contexts: dict[int, tuple[str, ...]],
               known: list[Fact]) -> list[Fact]:
        """Venues (as places without an event, unless an event place covers them),
        identifiers and exclusive terms: compared by compare/slots.py."""
        out = []
        places = [(f.start, f.end) for f in known if f.kind == "place"]
        for sent, m in self.slots.find(article.text, sentences):
            if article.in_furniture(m.start, m.end):
                continue
            if m.kind == "venue":
                if any(s < m.end and m.start < e for s, e in places):
                    continue
                out.append(self._fact(article, sent, "place", m.start, m.end, self.canonical(m.detail),
                                      attribute="venue", context=contexts[sent.index],
                                      trace=f"venue {m.detail}"))
            elif m.kind == "identifier":
                prefix, _, word = m.detail.partition("|")
                out.append(self._fact(article, sent, "identifier", m.start, m.end, m.value, subject=prefix or None,
                                      attribute=word, context=contexts[sent.index],
                                      trace=f"identifier {prefix}{m.value} ({word})"))
            else:
                out.append(self._fact(article, sent, "term", m.start, m.end, m.value, attribute=m.detail,
                                      context=contexts[sent.index], trace=f"{m.value} (not {m.detail})"))
        return out

    def _ranks(self, article: Article, sentences: list[Sentence], contexts: dict[int, tuple[str, ...]]) -> list[Fact]:
        """'역대 최고 X', '역대 두 번째로 큰 X': X's place in a ranking (factcheck.extract.ranks)."""
        out = []
        for r in self.ranks.find(article.text, sentences):
            sent = _sentence_at(sentences, r.start)
            if sent is None or article.in_furniture(r.start, r.end):
                continue
            order = "highest" if r.high else "lowest"
            value = Quantity(r.rank, r.rank, r.rank, "rank", "rank", trace=f"rank {r.rank} ({order} first)")
            out.append(self._fact(article, sent, "rank", r.start, r.end, value, attribute=self.canonical(r.attribute),
                                  qualifiers=tuple(self.canonical(d) for d in r.domain) + (order,),
                                  context=contexts.get(sent.index, ()),
                                  trace=f"rank {r.rank} of {r.attribute} ({order} first) within "
                                        f"{' '.join(r.domain) or '?'}"))
        return out

    def _roles(self, article: Article, sentences: list[Sentence], contexts: dict[int, tuple[str, ...]],
               people: list[PersonMention]) -> list[Fact]:
        """'홍길동 한빛전자 사장': who holds a sole office of an organisation."""
        out = []
        for r in self.roles.find(article.text, people):
            sent = _sentence_at(sentences, r.start)
            if sent is None or article.in_furniture(r.start, r.end):
                continue
            org = self.canonical(r.org)
            out.append(self._fact(article, sent, "role", r.start, r.end, self.canonical(r.name), subject=org,
                                  attribute=r.title, context=contexts[sent.index],
                                  trace=f"{r.name}: {org} {r.title}"))
        return out

    def _apply_corrections(self, article: Article, sentences: list[Sentence], facts: list[Fact]) -> list[Fact]:
        """A correction notice ('바로잡습니다') retracts the figures it names as wrong
        (factcheck.extract.corrections reads which)."""
        text = article.text
        notices = self.corrections.notices(text, sentences)
        if not notices:
            return facts
        wrong = set()
        for start, end in notices:
            for f in facts:
                if isinstance(f.value, Quantity) and start <= f.start < end \
                        and self.corrections.is_wrong(text, f.start, f.end, end):
                    wrong.add((f.value.value, f.value.unit))
        out = []
        for f in facts:
            if isinstance(f.value, Quantity):
                if (f.value.value, f.value.unit) in wrong:
                    f = replace(f, stance="retracted", trace=f.trace + "; retracted by the correction notice")
                elif any(start <= f.start < end for start, end in notices):
                    f = replace(f, stance="correction")
            out.append(f)
        return out


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None

