"""What the static report shows of the review: status and note, "N of M reviewed",
the number line of a numeric conflict, per-article counts by kind, the article
filter, and no controls that need a server."""
from __future__ import annotations

import math
import re
from dataclasses import replace

from factcheck.model import Conflict, Quantity, Result
from factcheck.report import render_html
from factcheck.report.numberline import PLOT, number_line

INF = math.inf


def q(value, low=None, high=None, unit="USD", hedge=None) -> Quantity:
    return Quantity(value, value if low is None else low, value if high is None else high, unit,
                    "currency", hedge=hedge)


def test_hedged_values_are_ranges_and_open_bounds_reach_the_edge():
    line = number_line([
        ("A · a1", q(100, high=INF, hedge="이상"), 0),
        ("B · a2", q(90, low=81, high=99, hedge="약"), 1),
        ("C · a3", q(50), 1),
        ("D · a4", q(70, low=-INF), 0),
        ("E · a5", "not a quantity", 1),
    ])
    a, b, c, d = line["rows"]
    assert [r["label"] for r in line["rows"]] == ["A · a1", "B · a2", "C · a3", "D · a4"]
    assert a["range"] and a["open_high"] and not a["open_low"] and a["x_high"] == PLOT[1]
    assert d["range"] and d["open_low"] and d["x_low"] == PLOT[0]
    assert b["range"] and b["x_low"] < b["x_value"] < b["x_high"] and not (b["open_low"] or b["open_high"])
    assert not c["range"] and c["x_value"] < b["x_low"] < a["x_value"]
    assert PLOT[0] < c["x_value"] and a["x_value"] < PLOT[1]  # finite values stay inside the axis
    assert [t["label"] for t in line["ticks"]] == ["50", "100"]
    assert a["text"] == "100 USD (이상)" and b["interval"] == "[81, 99] USD"
    assert not line["log"]


def test_far_apart_values_use_a_log_scale_and_one_value_is_centred():
    slip = number_line([("A", q(3500), 0), ("B", q(3.5e11), 1)])
    assert slip["log"]
    xs = [r["x_value"] for r in slip["rows"]]
    assert PLOT[0] < xs[0] < xs[1] < PLOT[1]
    same = number_line([("A", q(900000, unit="wafer"), 0), ("B", q(900000, unit="count"), 1)])
    x = same["rows"][0]["x_value"]
    assert x == same["rows"][1]["x_value"] == (PLOT[0] + PLOT[1]) / 2
    assert [t["label"] for t in same["ticks"]] == ["90만"]  # labels in 만/억/조
    assert same["rows"][0]["interval"] == "[900,000, 900,000] wafer"  # the tooltip in full
    assert number_line([("A", "text", 0)]) is None


def test_numeric_conflicts_get_an_svg_number_line(sample_result):
    html = render_html(sample_result)
    scope_card = re.search(r'<article class="conflict[^>]*id="3f9c0a1b2d4e5f60".*?</article>', html, re.S).group(0)
    entity_card = re.search(r'<article class="conflict[^>]*id="8a7b6c5d4e3f2a10".*?</article>', html, re.S).group(0)
    assert scope_card.count('<svg class="nl"') == 1 and '<svg class="nl"' not in entity_card
    assert scope_card.count('class="nl-value"') == 2
    assert "A · a1 · f3" in scope_card and "B · a2 · f6" in scope_card
    assert "url(" not in html  # the report's CSP-pinned page loads nothing, arrows included


def test_an_open_range_is_drawn_with_an_arrow(sample_result):
    f7 = sample_result.fact("f7")  # 최대 5000억 달러: [0, 5e11]
    above = replace(f7, id="f8", value=q(4e11, high=INF, hedge="이상"))
    c = Conflict(id="num-open", kind="numeric_value", severity="low", facts=("f7", "f8"),
                 sides=(("f7",), ("f8",)), claim="투자 규모", explanation="e", rule="r")
    html = render_html(replace(sample_result, facts=(*sample_result.facts, above), conflicts=(c,)))
    assert html.count('class="nl-open"') == 1  # the 이상 side, open to the right
    assert html.count('class="nl-range"') == 2 and "4,000억 USD (이상)" in html


def test_a_figure_repeated_by_many_sources_is_one_row(sample_result):
    f6 = sample_result.fact("f6")
    copies = [replace(f6, id=f"f6{k}", article=f"r{k}") for k in range(5)]
    c = replace(sample_result.conflicts[0], facts=("f3", "f6", *(f.id for f in copies)),
                sides=(("f3",), ("f6", *(f.id for f in copies))))
    html = render_html(replace(sample_result, facts=(*sample_result.facts, *copies), conflicts=(c,)))
    labels = re.findall(r'<text class="nl-label"[^>]*>(.*?)</text>', html)
    assert labels == ["A · a1 · f3", "B · 6 facts"]


def test_status_note_and_review_progress_are_shown(sample_result):
    html = render_html(sample_result)
    assert re.search(r'id="n-reviewed" class="n-reviewed">1<', html)
    assert re.search(r'id="n-total" class="n-total">2<', html)
    assert '<span class="badge status status-confirmed">confirmed</span>' in html
    assert '<span class="note-text">대통령실은 용산에 있다</span>' in html
    assert '<span class="note-by">desk@example</span>' in html


def test_per_article_counts_by_kind_and_the_article_filter(sample_result):
    html = render_html(sample_result)
    table = re.search(r'<table class="counts by-article" id="counts-article">.*?</table>', html, re.S).group(0)
    rows = re.findall(r'<tr data-article="(a\d)">.*?<td class="kinds">(.*?)</td>', table, re.S)
    kinds = {aid: re.findall(r"</span>(\w+ \d+)</span>", cells) for aid, cells in rows}
    assert kinds == {"a1": ["numeric_scope 1", "entity 1"], "a2": ["numeric_scope 1", "entity 1"]}
    assert table.count('<rect class="k-numeric_scope"') == 2
    assert 'data-articles="a1 a2"' in html
    options = re.search(r'<select id="f-article">(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\w*)"', options) == ["", "a1", "a2"]


def test_an_article_without_conflicts_is_not_in_the_chart(sample_result, fact_builder):
    make_article, _ = fact_builder
    quiet = make_article("a3", "quiet.txt", "아무 숫자도 없다.")
    html = render_html(replace(sample_result, articles=(*sample_result.articles, quiet)))
    assert 'data-article="a3"' not in html and 'id="article-a3"' in html


def test_the_static_report_has_no_controls_that_need_a_server(sample_result):
    html = render_html(sample_result)
    assert re.findall(r"<button[^>]*>", html) == ['<button type="reset">']
    assert 'class="review"' not in html and "application/json" not in html
    assert "X-Factcheck-Token" not in html and "fetch(" not in html
    empty = render_html(Result(articles=(), facts=(), conflicts=()))
    assert 'id="counts-article"' not in empty
    assert re.search(r'id="n-reviewed" class="n-reviewed">0<', empty)
