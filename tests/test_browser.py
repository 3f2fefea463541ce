"""The HTML report as an editor sees it, in Debian's headless Chromium."""
from __future__ import annotations


import pytest

from factcheck.report import write_html

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser


def test_report_renders_filters_and_stays_offline(sample_result, browser_page, tmp_path, screenshot):
    page = browser_page
    report = write_html(sample_result, tmp_path / "report.html")
    page.goto(report.resolve().as_uri())

    cards = page.locator("article.conflict")
    assert cards.count() == 2
    for i in range(2):
        assert cards.nth(i).is_visible()
    scope_card = page.locator('article.conflict[data-kind="numeric_scope"]')
    entity_card = page.locator('article.conflict[data-kind="entity"]')

    # The highlighted span is on screen, inside the sentence, side by side.
    mark = scope_card.locator("mark").first
    assert mark.is_visible() and mark.inner_text() == "2029년까지 90만 웨이퍼"
    a, b = scope_card.locator("section.side").all()
    box_a, box_b = a.bounding_box(), b.bounding_box()
    assert box_a["x"] + box_a["width"] <= box_b["x"] and abs(box_a["y"] - box_b["y"]) < 2

    # The script reveals the filter bar; choosing a kind hides the other kind's card.
    # (expect() polls without eval, which the report's CSP forbids.)
    expect(page.locator("#filters")).to_be_visible()
    expect(page.locator("#f-count")).to_have_text("2 of 2 shown")
    page.select_option("#f-kind", "entity")
    expect(scope_card).to_be_hidden()
    expect(entity_card).to_be_visible()
    expect(page.locator("#f-count")).to_have_text("1 of 2 shown")
    page.select_option("#f-kind", "")
    page.select_option("#f-severity", "high")
    expect(entity_card).to_be_hidden()
    expect(scope_card).to_be_visible()
    page.select_option("#f-severity", "")
    page.fill("#f-q", "용산")  # free text matches the sentence of the entity conflict
    expect(scope_card).to_be_hidden()
    expect(entity_card).to_be_visible()
    page.fill("#f-q", "없는 말")
    expect(page.locator("#f-none")).to_be_visible()
    page.click("button[type=reset]")
    expect(page.locator("article.conflict:visible")).to_have_count(2)
    expect(page.locator("#f-none")).to_be_hidden()

    shot = screenshot(page, "report.png")
    assert shot.stat().st_size > 10_000

    assert page.js_errors == []  # a CSP-blocked script or style would show up here
    assert page.requested_urls, "no request recorded at all"
    assert all(u.startswith(("file:", "data:")) for u in page.requested_urls), page.requested_urls


def test_report_without_javascript_shows_everything(sample_result, _chromium, tmp_path):
    report = write_html(sample_result, tmp_path / "report.html")
    context = _chromium.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto(report.resolve().as_uri())
        assert all(card.is_visible() for card in page.locator("article.conflict").all())
        assert page.locator("article.conflict").count() == 2
        assert not page.locator("#filters").is_visible()  # useless without JS, so hidden
        assert page.locator("#article-a2 tr#fact-f7").is_visible()
    finally:
        context.close()
