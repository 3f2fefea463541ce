"""Shared fixtures: hand-built Results (no NLP needed) and a headless Chromium page."""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from factcheck.model import Article, Conflict, DateValue, EventRef, Fact, Problem, Quantity, Result

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
KST = timezone(timedelta(hours=9))

# A sentence: from a non-space up to . ! ? or the end of the line.
_SENTENCE = re.compile(r"\S[^\n.!?]*[.!?]?")


def make_article(aid: str, path: str, text: str, **kw) -> Article:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=aid, path=path, text=text, sha256=sha, **kw)


def make_fact(article: Article, fid: str, kind: str, surface: str, value,
              occurrence: int = 1, **kw) -> Fact:
    """A Fact whose offsets are found, not typed: ``surface`` must occur in the text."""
    start = -1
    for _ in range(occurrence):
        start = article.text.index(surface, start + 1)
    end = start + len(surface)
    s_start, s_end = start, end
    for m in _SENTENCE.finditer(article.text):
        if m.start() <= start and end <= m.end():
            s_start, s_end = m.span()
            break
    return Fact(id=fid, article=article.id, kind=kind, text=surface, start=start, end=end,
                sentence_start=s_start, sentence_end=s_end, value=value, **kw)


@pytest.fixture
def fact_builder():
    """Builders for tests that need their own Result: (make_article, make_fact)."""
    return make_article, make_fact


TEXT_1 = (
    "최종편집:2025-11-26 07:49\n"
    "이재명 대통령 만난 오픈AI CEO \u201c한국 없인 AI 발전 불가능\u201d\n"
    "\n"
    "이재명 대통령이 1일 오후 6시 청와대에서 오픈AI의 샘 올트먼 CEO를 만났다. "
    "삼성·SK는 2029년까지 90만 웨이퍼 규모의 메모리를 공급하기로 했다. "
    "올트먼 CEO는 \u201c한국은 가장 모범적인 AI 테스트베드\u201d라고 말했다.\n"
)
TEXT_2 = (
    "이재명 대통령은 1일 용산 대통령실에서 샘 올트먼 오픈AI CEO를 접견했다.\n"
    "삼성전자와 SK하이닉스는 오픈AI에 월 90만 장의 D램 웨이퍼를 공급한다. "
    "전체 투자 규모는 최대 5000억 달러에 이른다.\n"
)


def build_sample_result() -> Result:
    """Two Korean articles, a numeric_scope conflict (high, open) and an entity
    conflict (medium, confirmed with a note), one skipped file."""
    a1 = make_article("a1", "seeds/001_openai.txt", TEXT_1, title="이재명 대통령 만난 오픈AI CEO",
                      outlet="AI타임스", url="https://example.com/news/1",
                      published=datetime(2025, 10, 2, 10, 3, tzinfo=KST),
                      published_source="dateline")
    a2 = make_article("a2", "seeds/003_memory.txt", TEXT_2, title="삼성·SK, 오픈AI에 D램 공급",
                      outlet="전자신문", published=datetime(2025, 10, 2, 9, 0, tzinfo=KST),
                      published_source="meta")
    meeting = EventRef("meeting", "2025-10-01", ("올트먼", "이재명"))
    wafer = dict(subject="오픈AI", attribute="메모리 웨이퍼 물량")
    f1 = make_fact(a1, "f1", "date", "1일 오후 6시", DateValue(2025, 10, 1, 18, 0),
                   attribute="일시", event=meeting)
    f2 = make_fact(a1, "f2", "place", "청와대", "청와대", attribute="장소", event=meeting)
    f3 = make_fact(a1, "f3", "quantity", "2029년까지 90만 웨이퍼",
                   Quantity(900000, 900000, 900000, "wafer", "count",
                            trace="90만 웨이퍼 -> 900,000 wafer"),
                   scope="by_date", scope_detail="2029", **wafer)
    f4 = make_fact(a1, "f4", "quote", "한국은 가장 모범적인 AI 테스트베드",
                   "한국은 가장 모범적인 AI 테스트베드", speaker="샘 올트먼", speaker_strong=True,
                   stance="quoted")
    f5 = make_fact(a2, "f5", "place", "용산 대통령실", "용산 대통령실", attribute="장소", event=meeting)
    f6 = make_fact(a2, "f6", "quantity", "월 90만 장",
                   Quantity(900000, 900000, 900000, "wafer", "count",
                            trace="월 90만 장 -> 900,000 wafer"),
                   scope="per_month", **wafer)
    f7 = make_fact(a2, "f7", "quantity", "최대 5000억 달러",
                   Quantity(5e11, 0, 5e11, "USD", "currency", hedge="최대",
                            trace="5000억 달러 -> 500,000,000,000 USD (hedge 최대: [0, 5e11])"),
                   subject="오픈AI", attribute="투자 규모", scope="total")
    c_scope = Conflict(
        id="3f9c0a1b2d4e5f60", kind="numeric_scope", severity="high",
        facts=("f3", "f6"), sides=(("f3",), ("f6",)),
        claim="오픈AI · 메모리 웨이퍼 물량",
        explanation=("같은 수치, 다른 범위:\n"
                     "90만 웨이퍼 -> 900,000 wafer, scope by_date (2029)\n"
                     "월 90만 장 -> 900,000 wafer, scope per_month"),
        rule="numeric_scope", code="FC102")
    c_place = Conflict(
        id="8a7b6c5d4e3f2a10", kind="entity", severity="medium",
        facts=("f2", "f5"), sides=(("f2",), ("f5",)),
        claim="이재명–올트먼 회동 (2025-10-01) · 장소",
        explanation="청와대 vs 용산 대통령실: 같은 행사, 다른 장소",
        rule="event_place", code="FC301", status="confirmed", note="대통령실은 용산에 있다", decided_by="desk@example")
    return Result(
        articles=(a1, a2),
        facts=(f1, f2, f3, f4, f5, f6, f7),
        conflicts=(c_scope, c_place),
        problems=(Problem("seeds/broken.txt", "not valid UTF-8 (byte 0xff at offset 12)",
                          severity="warning"),),
        rules_version="test-rules-1",
    )


@pytest.fixture
def sample_result() -> Result:
    return build_sample_result()


# -- browser ------------------------------------------------------------------

@pytest.fixture(scope="session")
def _chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(_chromium):
    """A fresh Playwright page (laptop-sized viewport) in Debian's headless Chromium.

    Every request the page makes is recorded in ``page.requested_urls`` and every
    console error or uncaught exception in ``page.js_errors``, listening from before
    the first navigation.

    The report's Content-Security-Policy forbids eval: ``page.wait_for_function``
    with a string fails there; use locators and ``expect`` instead.
    """
    context = _chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.requested_urls = []
    page.js_errors = []
    page.on("request", lambda req: page.requested_urls.append(req.url))
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.js_errors.append(msg.text))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def seed_copy(tmp_path):
    """The seed articles copied out of the repository, so tests that write a
    decision store or a cache never touch seeds/."""
    import shutil

    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"):
        shutil.copyfile(p, folder / p.name)
    return folder


@pytest.fixture
def screenshot(tmp_path):
    """save(page, name, full_page=True): a PNG into tmp_path and, when
    FACTCHECK_SCREENSHOT_DIR is set, a copy there (the test's visible output)."""
    import os
    import shutil

    def save(page, name: str, full_page: bool = True) -> Path:
        shot = tmp_path / name
        page.screenshot(path=str(shot), full_page=full_page)
        extra = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
        if extra:
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, Path(extra) / name)
        return shot

    return save


@pytest.fixture(scope="session")
def check_articles(tmp_path_factory):
    """Check invented articles, {file name: text}, as one corpus. A text without its
    own publication line ("입력 …") gets ``head``, so that dates and windows resolve."""
    from factcheck.pipeline import check

    def run(articles: dict[str, str], head: str = "입력 2024.03.15 09:00\n\n"):
        folder = tmp_path_factory.mktemp("articles")
        for name, text in articles.items():
            body = text if text.startswith("입력") else head + text
            (folder / name).write_text(body + "\n", encoding="utf-8")
        return check([folder])
    return run
