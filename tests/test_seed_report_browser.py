"""The report of `factcheck check seeds` as an editor opens it, in Debian's headless Chromium."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = "seed-report.png"
# The seed conflicts an editor must see highlighted: both places of the meeting and
# both wafer figures.
MUST_MARK = ["청와대", "용산 대통령실", "90만 웨이퍼"]
ONE_OF_MARK = ["월 90만 장", "90만 장"]


@pytest.fixture
def seed_reports(tmp_path, monkeypatch) -> tuple[Path, dict]:
    """(HTML path, parsed JSON) of `factcheck check seeds` run from the project root."""
    monkeypatch.chdir(ROOT)
    html, js = tmp_path / "report.html", tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", "seeds", "--out", str(html), "--json", str(js), "-q"],
                                prog_name="factcheck", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return html, json.loads(js.read_text(encoding="utf-8"))


def test_seed_report_shows_the_seed_conflicts(seed_reports, browser_page, tmp_path, screenshot):
    html, report = seed_reports
    conflicts = report["conflicts"]
    assert len(conflicts) >= 4, [c["id"] for c in conflicts]
    page = browser_page
    page.goto(html.resolve().as_uri())

    cards = page.locator("article.conflict")
    expect(cards).to_have_count(len(conflicts))
    expect(page.locator("#n-conflicts")).to_have_text(str(len(conflicts)))
    for c in conflicts:  # one visible card per conflict, showing its kind and severity
        card = page.locator(f'article.conflict[id="{c["id"]}"]')
        expect(card).to_have_count(1)
        expect(card).to_be_visible()
        expect(card).to_have_attribute("data-kind", c["kind"])
        expect(card).to_have_attribute("data-severity", c["severity"])
        expect(card.locator(".evidence")).to_have_count(len(c["facts"]))

    marks = page.locator("article.conflict mark")
    texts = [t.strip() for t in marks.all_inner_texts()]
    for word in MUST_MARK:
        assert word in texts, f"{word!r} is not highlighted; marks: {texts}"
    assert any(word in texts for word in ONE_OF_MARK), f"no wafer-per-month mark; marks: {texts}"
    facts = {f["id"]: f["text"] for f in report["facts"]}
    assert sorted(texts) == sorted(facts[fid] for c in conflicts for fid in c["facts"])
    for word in MUST_MARK:
        mark = marks.filter(has_text=word).first
        mark.scroll_into_view_if_needed()
        expect(mark).to_be_visible()
        box = mark.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0

    # the filter bar counts all of them once the script has run
    expect(page.locator("#f-count")).to_have_text(f"{len(conflicts)} of {len(conflicts)} shown")

    shot = screenshot(page, SCREENSHOT)
    assert shot.stat().st_size > 10_000

    assert page.js_errors == []
    assert all(u.startswith(("file:", "data:")) for u in page.requested_urls), page.requested_urls
