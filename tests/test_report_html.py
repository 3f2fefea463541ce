"""The HTML report: content, highlighting, escaping, self-containment, determinism."""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser

from factcheck.model import Conflict, Decision, Result
from factcheck.report import render_html, write_html


class Page(HTMLParser):
    """Start tags with their attributes, the text of <mark>s and of <script>s."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[str] = []
        self.scripts: list[str] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("mark", "script"):
            self._open.append(tag)
            (self.marks if tag == "mark" else self.scripts).append("")

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if self._open:
            target = self.marks if self._open[-1] == "mark" else self.scripts
            target[-1] += data

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_summary_counts(sample_result):
    html = render_html(sample_result)
    assert re.search(r'id="n-articles">2<', html)
    assert re.search(r'id="n-facts">7<', html)
    assert re.search(r'id="n-conflicts">2<', html)
    assert re.search(r'id="n-open">1<', html)
    assert re.search(r"<td>numeric_scope</td><td class=\"n\">1</td>", html)
    assert re.search(r"<td>high</td><td class=\"n\">1</td>", html)


def test_conflict_cards_have_ids_and_filter_attributes(sample_result):
    page = Page(render_html(sample_result))
    cards = [a for t, a in page.tags if t == "article" and "conflict" in a.get("class", "")]
    assert [(c["id"], c["data-kind"], c["data-severity"], c["data-status"]) for c in cards] == [
        ("3f9c0a1b2d4e5f60", "numeric_scope", "high", "open"),
        ("8a7b6c5d4e3f2a10", "entity", "medium", "confirmed"),
    ]
    # One column per side.
    assert [s["data-side"] for s in page.find("section") if "data-side" in s] == ["A", "B", "A", "B"]
    # The filter bar is hidden until the script shows it: with JS off all cards stay visible.
    assert "hidden" in page.find("form", id="filters")[0]
    assert all("hidden" not in c for c in cards)


def test_highlighted_spans_in_their_sentences(sample_result):
    html = render_html(sample_result)
    page = Page(html)
    assert page.marks == ["2029년까지 90만 웨이퍼", "월 90만 장", "청와대", "용산 대통령실"]
    assert "삼성·SK는 <mark>2029년까지 90만 웨이퍼</mark> 규모의 메모리를 공급하기로 했다." in html
    assert "이재명 대통령은 1일 <mark>용산 대통령실</mark>에서 샘 올트먼 오픈AI CEO를 접견했다." in html


def test_conflict_details_and_evidence(sample_result):
    html = render_html(sample_result)
    assert "오픈AI · 메모리 웨이퍼 물량" in html  # claim
    assert "90만 웨이퍼 -&gt; 900,000 wafer, scope by_date (2029)" in html  # explanation trace
    assert "[900,000, 900,000] wafer" in html  # interval
    assert "by_date (2029)" in html and "per_month" in html  # scopes
    assert "대통령실은 용산에 있다" in html and "desk@example" in html  # note and who
    assert "AI타임스" in html and "2025-10-02 10:03+09:00" in html  # source metadata
    assert 'href="#article-a1"' in html and 'id="article-a1"' in html


def test_most_severe_conflict_comes_first(sample_result):
    flipped = replace(sample_result, conflicts=tuple(reversed(sample_result.conflicts)))
    html = render_html(flipped)
    assert html.index('id="3f9c0a1b2d4e5f60"') < html.index('id="8a7b6c5d4e3f2a10"')


def test_problems_listed(sample_result):
    html = render_html(sample_result)
    assert 'id="problems"' in html
    assert "seeds/broken.txt" in html and "not valid UTF-8 (byte 0xff at offset 12)" in html
    clean = replace(sample_result, problems=())
    assert 'id="problems"' not in render_html(clean)


def test_article_sections_list_their_facts(sample_result):
    page = Page(render_html(sample_result))
    assert [d["id"] for d in page.find("details")] == ["article-a1", "article-a2"]
    assert [t["id"] for t in page.find("tr") if t.get("id", "").startswith("fact-")] == [
        "fact-f1", "fact-f2", "fact-f3", "fact-f4", "fact-f5", "fact-f6", "fact-f7"]
    # Facts in a conflict link back to its card.
    assert page.find("a", href="#3f9c0a1b2d4e5f60")


def test_deterministic_without_timestamps(sample_result):
    a, b = render_html(sample_result), render_html(sample_result)
    assert a == b
    assert "Generated" not in a
    assert "Generated 2025-10-03 09:00" in render_html(sample_result, generated="2025-10-03 09:00")


def test_self_contained_and_pinned_by_csp(sample_result):
    html = render_html(sample_result, title="검증 보고서")
    page = Page(html)
    assert "<title>검증 보고서</title>" in html
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert not any("src" in attrs for _, attrs in page.tags)  # nothing is loaded
    assert "@import" not in html and "url(" not in html
    hrefs = [a["href"] for a in page.find("a")]
    assert all(h.startswith("#") or h == "https://example.com/news/1" for h in hrefs)
    # The one script is ours, and the CSP allows exactly it.
    assert len(page.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_everything_from_articles_is_escaped(fact_builder):
    make_article, make_fact = fact_builder
    evil = "<script>alert(1)</script>"
    a = make_article(
        "x1", 'in/"evil"<b>.txt', f'기사 {evil} 그는 "5000억 달러" & \'최대\'라고 했다.',
        title=f"제목 {evil}", outlet='"><img src=x onerror=alert(2)>', url="javascript:alert(3)")
    f = make_fact(a, "fx", "quote", evil, evil, subject="<i>주어</i>", speaker='"화자"')
    g = make_fact(a, "fy", "quantity", '"5000억 달러"', '<u>"5000억"</u>')
    c = Conflict(id='c"><script>alert(4)</script>', kind="attribution", severity="low",
                 facts=("fx", "fy"), sides=(("fx",), ("fy",)), claim=f"주장 {evil}",
                 explanation=f"설명 {evil}", rule="r<1>", note=evil, decided_by="<b>me</b>")
    html = render_html(Result(articles=(a,), facts=(f, g), conflicts=(c,)), title=f"t {evil}")

    assert html.count("<script") == 1  # only the report's own script
    assert "alert(" not in Page(html).scripts[0]
    assert "<img" not in html and "<i>" not in html and "<u>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in html
    assert "&#34;5000억 달러&#34; &amp; &#39;최대&#39;" in html
    assert 'href="javascript:' not in html  # a non-web URL is shown, not linked
    page = Page(html)
    card = [a for t, a in page.tags if t == "article"][0]
    assert card["id"] == 'c"><script>alert(4)</script>'  # intact, inside the attribute


def test_missing_fact_is_reported_not_fatal(sample_result):
    broken = Conflict(id="dead", kind="date", severity="low", facts=("f1", "gone"),
                      sides=(("f1",), ("gone",)), claim="x", explanation="y", rule="z")
    html = render_html(replace(sample_result, conflicts=(broken,)))
    assert "fact gone is not in this report" in html


def test_no_conflicts(sample_result):
    html = render_html(replace(sample_result, conflicts=()))
    assert "No conflicts found." in html and 'id="filters"' not in html


def test_write_html(sample_result, tmp_path):
    p = tmp_path / "report.html"
    write_html(sample_result, p)
    assert p.read_text(encoding="utf-8") == render_html(sample_result)


def test_long_sentence_is_clipped_around_the_span(fact_builder):
    make_article, make_fact = fact_builder
    text = "가" * 1000 + " 월 90만 장 " + "나" * 1000 + "."
    a = make_article("a", "a.txt", text)
    f = make_fact(a, "f1", "quantity", "월 90만 장", "90만")
    c = Conflict(id="c1", kind="numeric_value", severity="low", facts=("f1",), sides=(("f1",),),
                 claim="c", explanation="e", rule="r")
    html = render_html(Result(articles=(a,), facts=(f,), conflicts=(c,)))
    quote = re.search(r'<blockquote class="sentence" lang="ko">(.*?)</blockquote>', html).group(1)
    assert quote == "…" + "가" * 239 + " <mark>월 90만 장</mark> " + "나" * 239 + "…"


def test_stale_decisions_listed(sample_result):
    stale = (Decision(conflict="old-id", status="dismissed", note="오탐", by="desk", at="2025-10-03"),)
    html = render_html(replace(sample_result, stale_decisions=stale))
    assert 'id="stale"' in html and "old-id" in html and "오탐" in html
    assert 'id="stale"' not in render_html(sample_result)
