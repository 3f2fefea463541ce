"""Turn one analysed article into facts with evidence.

Quantities (with scope, hedges and stated currency conversions), dates (with
deadline/start boundaries), quotes with speakers, event places, and acronym
expansions. Every fact carries its character span into ``article.text``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Fact, Quantity
from ..normalize.dates import scan_dates
from .events import EventFinder
from .attributes import attribute_after, attribute_before, time_words
from .expansions import find_expansions
from .people import PeopleFinder
from .quotes import QUOTE_MARKS, find_quotes
from .sentences import Sentence, split_sentences

_PLAN = re.compile(r"계획|예정|전망|목표|방침|할 것|키로|기로|추진")
_STATED_RATE = re.compile(r"달러당\s?\d[\d,]*(?:\.\d+)?\s?원|환율\s?\d[\d,]*(?:\.\d+)?\s?원|\d[\d,]*(?:\.\d+)?\s?원\s?(?:기준|환율|으로 환산)")
_MARKET = re.compile(r"([A-Za-z0-9가-힣]+)\s?시장(?:의|에서)?\s?(?:점유율\s?(?:은|는|이|가|을|를)?)?\s?(?:[가-힣]+\s)?$")
# Event types in which the participants meet; briefings and announcements are one-sided.
ENCOUNTERS = frozenset({"meeting", "visit", "summit", "talks", "signing", "deal", "conference"})
_TOPIC = re.compile(r"([A-Za-z0-9가-힣·]+?)(?:은|는|이|가)\s")


class ArticleExtractor:
    """Holds what is built once (vocabularies, regexes); ``extract`` runs per article."""

    def __init__(self, scanner, people: PeopleFinder, events: EventFinder,
                 canonical, correction_words: list[str]):
        self.scanner = scanner
        self.people = people
        self.events = events
        self.canonical = canonical  # surface -> canonical name (aliases), or the surface
        self.correction_re = re.compile("|".join(re.escape(w) for w in correction_words)) \
            if correction_words else None

    def extract(self, article: Article, doc) -> list[Fact]:
        text = article.text
        sentences = split_sentences(article, doc)
        contexts = {s.index: tuple(sorted({self.canonical(n) for n in s.nouns()})) for s in sentences}
        facts: list[Fact] = []
        dates = [d for d in scan_dates(text, article.published) if not article.in_furniture(d.start, d.end)]
        facts += self._quantities(article, sentences, contexts, [(d.start, d.end) for d in dates])
        facts += self._dates(article, sentences, dates, contexts)
        people = self.people.find(text, sentences)
        facts += self._quotes(article, sentences, people)
        facts += self._events(article, sentences, people, dates)
        facts += [self._fact(article, _sentence_at(sentences, e.start), "expansion", e.start, e.end, e.expansion,
                             subject=e.acronym, attribute="expansion", trace=f"{e.acronym} = {e.expansion}")
                  for e in find_expansions(text, sentences)]
        facts = self._apply_corrections(article, sentences, facts)
        return sorted(facts, key=lambda f: (f.start, f.end, f.kind))

    def _fact(self, article: Article, sent: Sentence, kind: str, start: int, end: int, value, **kw) -> Fact:
        return Fact(id="", article=article.id, kind=kind, text=article.text[start:end], start=start, end=end,
                    sentence_start=sent.start, sentence_end=sent.end, value=value, **kw)

    def _quantities(self, article, sentences, contexts, date_spans) -> list[Fact]:
        text = article.text
        out = []
        for sent in sentences:
            # A date ("1일", "2029년") is not a duration figure.
            mentions = [m for m in self.scanner.scan(text, sent.start, sent.end)
                        if not any(m.start < e and s < m.end for s, e in date_spans)]
            plan = "plan" if _PLAN.search(text, sent.start, sent.end) else "actual"
            quoted = [(q.start(), q.end()) for q in QUOTE_MARKS.finditer(text, sent.start, sent.end)]
            skip = set()
            for i, m in enumerate(mentions):
                if i in skip or m.scope.kind == "change_from":
                    continue
                conversion, end, detail = None, m.end, m.scope.detail
                nxt = mentions[i + 1] if i + 1 < len(mentions) else None
                if nxt and m.quantity.dimension == nxt.quantity.dimension == "currency" \
                        and nxt.quantity.unit != m.quantity.unit \
                        and re.fullmatch(r"\s?[(（]\s?(?:한화|원화|우리\s?돈|약|환산|\s)*", text[m.end:nxt.start]):
                    conversion, skip = nxt.quantity, skip | {i + 1}
                    end = nxt.end + 1 if text[nxt.end:nxt.end + 1] in ")）" else nxt.end
                    if _STATED_RATE.search(text, sent.start, sent.end):
                        detail = "stated rate"
                subject, attribute, qualifiers = self._who_what(text, sent, m.start, m.quantity)
                q = m.quantity
                trace = q.trace + (f"; stated as {conversion.trace}" if conversion else "")
                if m.scope.period_days:
                    detail = f"{m.scope.detail} ({m.scope.period_days} days)"
                out.append(self._fact(article, sent, "quantity", m.start, end, q, subject=subject,
                                      attribute=attribute, qualifiers=qualifiers, scope=m.scope.kind,
                                      scope_detail=detail,
                                      status="quoted" if any(s <= m.start < e for s, e in quoted) else plan,
                                      context=contexts[sent.index], conversion=conversion,
                                      trace=trace))
        return out

    def _who_what(self, text: str, sent: Sentence, start: int, q: Quantity):
        before = text[sent.start:start]
        qualifiers: tuple[str, ...] = ()
        attribute = None
        if q.dimension == "percent":
            m = _MARKET.search(before[-30:])
            if m:
                attribute, qualifiers = "market share", (m.group(1).upper(),)
        if attribute is None:
            attribute = attribute_before(sent, start)
            qualifiers = time_words(sent)
        topics = _TOPIC.findall(before)
        subject = self.canonical(topics[-1]) if topics else None
        return subject, attribute, qualifiers

    def _dates(self, article, sentences, dates, contexts) -> list[Fact]:
        out = []
        for d in dates:
            sent = _sentence_at(sentences, d.start)
            if sent is None:
                continue
            scope = {"until": "by_date", "from": "from_date"}.get(d.boundary or "", "point")
            out.append(self._fact(article, sent, "date", d.start, d.end, d.value, scope=scope,
                                  attribute=attribute_after(sent, d.end), qualifiers=time_words(sent),
                                  context=contexts[sent.index], trace=d.value.trace,
                                  status="plan" if _PLAN.search(article.text, sent.start, sent.end) else "actual"))
        return out

    def _quotes(self, article, sentences, people) -> list[Fact]:
        out = []
        for q in find_quotes(article.text, sentences, people):
            sent = _sentence_at(sentences, q.start)
            out.append(self._fact(article, sent, "quote", q.start, q.end, q.inner,
                                  speaker=self.canonical(q.speaker) if q.speaker else None,
                                  attribute="quote", qualifiers=("speaker:strong",) if q.strong else (),
                                  trace=f"speaker: {q.speaker or '?'} ({q.how})"))
        return out

    def _events(self, article, sentences, people, dates) -> list[Fact]:
        out = []
        for e in self.events.find(article.text, sentences, people, dates):
            if not e.date or len(e.participants) < 2:
                continue
            sent = sentences[e.sentence]
            if e.type in ENCOUNTERS:
                # When two or more people met: compared across articles by event_date.
                d = e.date
                out.append(self._fact(article, sent, "event", d.start, d.end, d.value,
                                      subject="+".join(e.participants), attribute="date", event=e.type,
                                      trace=f"{e.type} of {', '.join(e.participants)} on {d.value.iso()}"
                                            f" ({d.value.trace})"))
            if not e.place:
                continue
            key = f"{e.type}|{e.date.value.iso()[:10]}|{'+'.join(e.participants)}"
            start, end, name = e.place
            out.append(self._fact(article, sent, "place", start, end, self.canonical(name), subject=key,
                                  attribute="place", event=key,
                                  trace=f"{e.type} on {e.date.value.iso()} with {', '.join(e.participants)}"
                                        f" at {name} ({e.date.value.trace})"))
        return out

    def _apply_corrections(self, article, sentences, facts: list[Fact]) -> list[Fact]:
        """A correction notice ('바로잡습니다') retracts the figures it names as wrong."""
        if not self.correction_re:
            return facts
        notices = [s for s in sentences if self.correction_re.search(article.text, s.start, s.end)]
        if not notices:
            return facts
        wrong = set()
        for s in notices:
            in_notice = [f for f in facts if f.kind == "quantity" and s.start <= f.start < s.end]
            for f in in_notice:
                # "'X'는 'Y'의 잘못", "X가 아니라 Y": the figure marked as subject is the wrong one.
                after = article.text[f.end:f.end + 8].lstrip("'\"’” ")
                if re.match(r"(?:은|는|이|가)(?:\s|$)|(?:이|가)?\s?아니라", after):
                    wrong.add((f.value.value, f.value.unit))
        out = []
        for f in facts:
            in_notice = any(s.start <= f.start < s.end for s in notices)
            if f.kind == "quantity" and (f.value.value, f.value.unit) in wrong:
                f = replace(f, status="retracted", trace=f.trace + "; retracted by the correction notice")
            elif in_notice and f.kind == "quantity":
                f = replace(f, status="correction")
            out.append(f)
        return out


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None

