"""The review page in Debian's headless Chromium: decide, reload, restart, triage by
keyboard, and hostile article text that must show as text and run nothing."""
from __future__ import annotations

import json
import re
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.serve import make_server

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NOTE = '같은 회동, 장소 표기만 다름 ("청와대" = 대통령실): 오류 아님'


@pytest.fixture
def corpus(seed_copy) -> Path:
    return seed_copy


@contextmanager
def serving(paths):
    server = make_server([str(p) for p in paths], port=0, reviewer="desk")
    server.app.current()  # check before the first page is asked for
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def check_json(corpus: Path, tmp_path: Path) -> dict:
    out = tmp_path / "check.json"
    result = CliRunner().invoke(main, ["check", str(corpus), "--no-html", "--json", str(out), "-q"],
                                prog_name="factcheck", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_dismissal_made_on_the_page_lasts(corpus, browser_page, tmp_path, screenshot):
    page = browser_page
    seeds_before = sorted(p.name for p in SEEDS.iterdir())
    with serving([corpus]) as server:
        page.goto(server.url)
        cards = page.locator("article.conflict")
        total = cards.count()
        assert total >= 3
        expect(page.locator(".review-bar .progress-text")).to_have_text(f"0 of {total} reviewed")
        card = page.locator('article.conflict[data-kind="entity"]').first
        cid = card.get_attribute("id")

        card.locator(".r-note").fill(NOTE)
        card.locator("button.r-dismissed").click()
        expect(card).to_have_attribute("data-status", "dismissed")
        expect(card.locator(".badge.status")).to_have_text("dismissed")
        expect(card.locator("p.note .note-text")).to_have_text(NOTE)
        expect(page.locator(".review-bar .progress-text")).to_have_text(f"1 of {total} reviewed")
        expect(page.locator("#toast")).to_have_text(f"{cid}: dismissed")

        page.reload()
        card = page.locator(f'article.conflict[id="{cid}"]')
        expect(card).to_have_attribute("data-status", "dismissed")
        expect(card.locator("p.note .note-text")).to_have_text(NOTE)
        expect(card.locator("p.note .note-by")).to_have_text("desk")
        expect(card.locator("details.history li")).to_have_count(1)
        expect(page.locator("#n-reviewed")).to_have_text("1")
        first_url = server.url

    # the CLI reads the same store
    report = check_json(corpus, tmp_path)
    decided = next(c for c in report["conflicts"] if c["id"] == cid)
    assert (decided["status"], decided["note"], decided["decided_by"]) == ("dismissed", NOTE, "desk")

    # a new server (new token) still shows it
    with serving([corpus]) as server:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(server.url)
        card = page.locator(f'article.conflict[id="{cid}"]')
        expect(card).to_have_attribute("data-status", "dismissed")
        expect(card.locator("p.note .note-text")).to_have_text(NOTE)
        expect(page.locator(".review-bar .progress-text")).to_have_text(f"1 of {total} reviewed")
        shot = screenshot(page, "review.png", full_page=False)
        screenshot(page, "review-full.png")
        assert 10_000 < shot.stat().st_size < 300_000
        origins = {first_url.rstrip("/"), server.url.rstrip("/")}

    assert page.js_errors == []
    assert page.requested_urls and all(any(u.startswith(o) for o in origins) for u in page.requested_urls)
    assert sorted(p.name for p in SEEDS.iterdir()) == seeds_before  # nothing written into seeds/
    assert (corpus / ".factcheck" / "decisions.jsonl").is_file()


def test_keyboard_triage_and_filters(corpus, browser_page):
    page = browser_page
    with serving([corpus]) as server:
        page.goto(server.url)
        cards = page.locator("article.conflict")
        total = cards.count()
        first, second, third = (cards.nth(i) for i in range(3))

        page.keyboard.press("j")
        expect(first).to_have_class(_has("current"))
        page.keyboard.press("j")
        expect(second).to_have_class(_has("current"))
        page.keyboard.press("k")
        expect(first).to_have_class(_has("current"))
        expect(second).not_to_have_class(_has("current"))

        page.keyboard.press("n")
        expect(first.locator(".r-note")).to_be_focused()
        page.keyboard.type("키보드로 확인")
        page.keyboard.press("Escape")
        page.keyboard.press("c")
        expect(first).to_have_attribute("data-status", "confirmed")
        expect(first.locator("p.note .note-text")).to_have_text("키보드로 확인")
        page.keyboard.press("j")
        page.keyboard.press("f")
        expect(second).to_have_attribute("data-status", "fixed")
        page.keyboard.press("j")
        page.keyboard.press("d")
        expect(third).to_have_attribute("data-status", "dismissed")
        expect(page.locator(".review-bar .progress-text")).to_have_text(f"3 of {total} reviewed")
        expect(page.locator("#n-open")).to_have_text(str(total - 3))

        # filters: status, then article, then free text (after "/")
        page.select_option("#f-status", "fixed")
        expect(page.locator("article.conflict:visible")).to_have_count(1)
        expect(second).to_be_visible()
        page.select_option("#f-status", "open")
        expect(page.locator("article.conflict:visible")).to_have_count(total - 3)
        page.select_option("#f-status", "")
        article = second.get_attribute("data-articles").split()[0]
        page.select_option("#f-article", article)
        for i in range(total):
            card = cards.nth(i)
            if article in card.get_attribute("data-articles").split():
                expect(card).to_be_visible()
            else:
                expect(card).to_be_hidden()
        page.select_option("#f-article", "")
        page.keyboard.press("/")
        expect(page.locator("#f-q")).to_be_focused()
        page.keyboard.type("키보드로")  # finds the note just written
        expect(page.locator("article.conflict:visible")).to_have_count(1)
        expect(first).to_be_visible()
        assert second.get_attribute("data-status") == "fixed"  # typing there decided nothing

        # the status filter hides a card as soon as it is decided
        page.fill("#f-q", "")
        page.select_option("#f-status", "open")
        remaining = page.locator("article.conflict:visible")
        expect(remaining).to_have_count(total - 3)
        target = remaining.first
        tid = target.get_attribute("id")
        target.locator("button.r-fixed").click()
        expect(page.locator(f'article.conflict[id="{tid}"]')).to_be_hidden()
        expect(page.locator("#f-count")).to_have_text(f"{total - 4} of {total} shown")
    assert page.js_errors == []


def _has(cls: str) -> re.Pattern:
    return re.compile(rf"(^|\s){cls}(\s|$)")


EVIL_A = """---
title: '<script>document.title="pwned-title"</script> "특보" & 속보'
---
입력 2025.10.02 10:03

관계자가 "</script><script>document.title='pwned'</script>"라고 쓴 팻말을 든 가운데 오픈AI는 2029년까지 90만 웨이퍼를 발주할 계획이다.
"""
EVIL_B = """입력 2025.10.02 11:00

한 직원이 '<img src=x onerror="document.title=1">'라고 적은 가운데 삼성전자와 SK하이닉스는 오픈AI에 월 90만 장의 웨이퍼를 공급한다.
"""


def test_hostile_article_text_shows_as_text_and_runs_nothing(tmp_path, browser_page):
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "a.md").write_text(EVIL_A, encoding="utf-8")
    (folder / "b.txt").write_text(EVIL_B, encoding="utf-8")
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(folder), "--out", str(report), "-q"],
                                prog_name="factcheck", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = browser_page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def shows_the_text_and_ran_nothing(title: str):
        cards = page.locator("article.conflict")
        expect(cards).to_have_count(1)
        sentence = cards.first.locator("blockquote.sentence").first
        expect(sentence).to_contain_text("</script><script>document.title='pwned'</script>")
        expect(cards.first.locator("blockquote.sentence").nth(1)).to_contain_text(
            "'<img src=x onerror=\"document.title=1\">'")
        expect(page.locator("#article-a1 .atitle")).to_have_text(
            '<script>document.title="pwned-title"</script> "특보" & 속보')
        assert page.title() == title
        assert page.locator("article.conflict img, article.conflict b, main script").count() == 0

    page.goto(report.resolve().as_uri())
    shows_the_text_and_ran_nothing("factcheck report")
    assert page.locator(".r-btn").count() == 0  # the static report has no buttons that cannot work
    expect(page.locator("#filters")).to_be_visible()

    with serving([folder]) as server:
        page.goto(server.url)
        shows_the_text_and_ran_nothing("factcheck review")
        card = page.locator("article.conflict").first
        card.locator(".r-note").fill("</script><script>document.title='note'</script>")
        card.locator("button.r-dismissed").click()
        expect(card).to_have_attribute("data-status", "dismissed")
        page.reload()
        expect(card.locator("p.note .note-text")).to_have_text("</script><script>document.title='note'</script>")
        shows_the_text_and_ran_nothing("factcheck review")

    assert dialogs == [] and page.js_errors == []
    assert not any(u.endswith("/x") for u in page.requested_urls)  # the <img> never loaded
