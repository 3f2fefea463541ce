"""Loading articles: formats, encodings, metadata, skipped files and problems."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.ingest import load_articles
from factcheck.ingest.pubdate import KST
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RULES = load_rules(ROOT / "rules")
DEV = Path(__file__).resolve().parent / "data" / "corpora" / "dev-tariff"


def K(*args) -> datetime:
    return datetime(*args, tzinfo=KST)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def furniture_text(article) -> list[str]:
    return [article.text[s:e] for s, e in article.furniture]


def in_furniture(article, needle: str) -> bool:
    start = article.text.index(needle)
    return article.in_furniture(start, start + len(needle))


# --- the seed articles -------------------------------------------------------------

def test_seeds_load_in_order_with_their_publication_times():
    articles, problems = load_articles([SEEDS], RULES)
    assert problems == []  # gold.yaml is skipped without a word
    assert [a.id for a in articles] == ["a1", "a2", "a3", "a4", "a5"]
    by_name = {Path(a.path).name[:3]: a for a in articles}
    assert by_name["000"].published == K(2025, 10, 3, 19, 40)  # "땡글오빠 2025. 10. 3. 19:40"
    assert by_name["000"].published_source == "dateline"
    # "최종편집:2025-11-26 07:49 (수)" in the page header is not the publication time
    assert by_name["001"].published == K(2025, 10, 2, 10, 3)
    assert by_name["001"].published_source == "dateline"
    # 002-004 print no date line at all; a date in the body is not a publication time
    for name in ("002", "003", "004"):
        assert by_name[name].published is None
        assert by_name[name].published_source == "none"


def test_seed_text_is_the_file_exactly():
    articles, _ = load_articles([SEEDS], RULES)
    for a in articles:
        raw = Path(a.path).read_bytes()
        assert a.text == raw.decode("utf-8")
        assert a.sha256 == hashlib.sha256(raw).hexdigest()
        assert a.encoding == "utf-8" and a.extracted is False
        assert a.path.endswith(".txt") and a.path.startswith(str(SEEDS))


def test_seed_001_furniture_keeps_the_body():
    articles, _ = load_articles([SEEDS / "001_063bba629b28a43c.txt"], RULES)
    (a,) = articles
    assert in_furniture(a, "최종편집:2025-11-26 07:49 (수)")
    assert in_furniture(a, "기자명 김동원 기자")
    assert in_furniture(a, "입력 2025.10.02 10:03")
    assert in_furniture(a, "이 기사를 공유합니다")
    assert in_furniture(a, "저작권자 © THE AI 무단전재 및 재배포 금지")
    assert in_furniture(a, "댓글 수정은 작성 후 1분내에만 가능합니다.")
    assert not in_furniture(a, "오픈AI는 2029년까지 90만 웨이퍼를 발주할 계획으로")
    assert not in_furniture(a, "이재명 대통령이 1일 오후 6시 오픈AI의 샘 올트먼")
    assert not in_furniture(a, "샘 올트먼 오픈AI CEO(왼쪽)가 이재명 대통령과 이야기를 나누고 있다. /대통령실")
    assert not in_furniture(a, "삼성·SK, 2029년까지 90만 웨이퍼 규모 파트너십")


# --- the dev corpus: a folder with meta.csv and gold.yaml ------------------------------

DEV_PUBLISHED = {
    "01_fnnews.txt": K(2025, 7, 31, 7, 36),  # meta day + "입력 2025.07.31 07:36"
    "02_busan.txt": K(2025, 7, 31, 8, 20, 55),
    "03_sedaily.txt": K(2025, 7, 31, 9, 48),  # not "최종수정 ... 10:05"
    "04_kpmg.txt": K(2025, 9, 1),  # "2025년 9월호" has no day: meta only
    "05_donga.txt": K(2025, 10, 29, 19, 2),  # "오후 7:02", not the 업데이트 stamp
    "06_segye.txt": K(2025, 10, 29, 17, 48, 2),
    "07_epochtimes.txt": K(2025, 10, 29, 18, 20),
    "13_kmib.txt": K(2025, 11, 14, 17, 26),
    "14_news1.txt": K(2025, 12, 4, 6, 41),
    "17_synthetic-july.txt": K(2025, 7, 31, 14, 5),
}


def test_dev_corpus_metadata():
    articles, problems = load_articles([DEV], RULES)
    assert problems == []
    assert len(articles) == 17
    by_name = {Path(a.path).name: a for a in articles}
    for name, published in DEV_PUBLISHED.items():
        assert by_name[name].published == published, name
        assert by_name[name].published_source == "meta"
    segye = by_name["06_segye.txt"]
    assert segye.outlet == "세계일보"
    assert segye.url == "https://www.segye.com/newsView/20251029520310"
    assert by_name["15_synthetic-spellings.txt"].url is None  # empty cell


# --- encodings ---------------------------------------------------------------------

ARTICLE = "한미 관세협상 타결\n입력 2025.10.30 14:02\n\n관세는 25%에서 15%로 낮아졌다.\n"


def test_cp949_file(tmp_path):
    f = write(tmp_path / "a.txt", ARTICLE.encode("cp949"))
    (a,), problems = load_articles([f], RULES)
    assert problems == []
    assert a.encoding == "cp949"
    assert a.text == ARTICLE
    assert a.published == K(2025, 10, 30, 14, 2)
    assert a.sha256 == hashlib.sha256(ARTICLE.encode("cp949")).hexdigest()


def test_euc_kr_file_reads_as_cp949(tmp_path):
    f = write(tmp_path / "a.txt", ARTICLE.encode("euc-kr"))
    (a,), _ = load_articles([f], RULES)
    assert (a.encoding, a.text) == ("cp949", ARTICLE)


def test_utf8_bom_stays_in_the_text(tmp_path):
    # the scorer decodes with plain utf-8, so the BOM is character 0 of its text too
    data = b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")
    f = write(tmp_path / "bom.txt", data)
    (a,), _ = load_articles([f], RULES)
    assert a.text == data.decode("utf-8") == "\ufeff" + ARTICLE
    assert a.encoding == "utf-8"
    start = a.text.index("25%")
    assert a.text[start:start + 3] == data.decode("utf-8")[start:start + 3]
    assert a.published == K(2025, 10, 30, 14, 2)


def test_line_ends_are_not_translated(tmp_path):
    data = ARTICLE.replace("\n", "\r\n").encode("utf-8")
    (a,), _ = load_articles([write(tmp_path / "crlf.txt", data)], RULES)
    assert a.text == data.decode("utf-8")
    assert "\r\n" in a.text
    (span,) = [s for s in a.furniture if "입력" in a.text[s[0]:s[1]]]
    assert a.text[span[0]:span[1]] == "입력 2025.10.30 14:02"


def test_undecodable_file(tmp_path):
    f = write(tmp_path / "bad.txt", bytes(range(0x80, 0x100)) * 4)
    articles, problems = load_articles([f], RULES)
    assert articles == []
    assert [(p.path, p.message, p.severity) for p in problems] == [
        (str(f), "cannot decode (not UTF-8, CP949 or EUC-KR)", "error")]


def test_confident_guess_is_used(tmp_path):
    text = "Привет, как дела? Это тестовый текст на русском языке, и он довольно длинный."
    (a,), problems = load_articles([write(tmp_path / "ru.txt", text.encode("cp1251"))], RULES)
    assert problems == []
    assert a.text == text and a.encoding not in ("utf-8", "cp949")


# --- unusable files ----------------------------------------------------------------

@pytest.mark.parametrize("data,message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, skipped"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + "본문".encode(), "binary file, skipped"),
    (b"", "empty file, skipped"),
    (b"  \n\t\r\n  ", "empty file, skipped"),
    (b"\xef\xbb\xbf\n\n", "empty file, skipped"),
    ("   \n".encode("cp949"), "empty file, skipped"),
])
def test_unusable_file(tmp_path, data, message):
    f = write(tmp_path / "x.txt", data)
    good = write(tmp_path / "y.txt", ARTICLE)
    articles, problems = load_articles([tmp_path], RULES)
    assert [a.path for a in articles] == [str(good)]
    assert [(p.path, p.message, p.severity) for p in problems] == [(str(f), message, "error")]


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    articles, problems = load_articles([missing], RULES)
    assert articles == []
    assert [(p.path, p.severity) for p in problems] == [(str(missing), "error")]
    assert "no such file" in problems[0].message


def test_unreadable_file(tmp_path, monkeypatch):
    f = write(tmp_path / "locked.txt", ARTICLE)
    write(tmp_path / "open.txt", ARTICLE)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles, problems = load_articles([tmp_path], RULES)
    assert [Path(a.path).name for a in articles] == ["open.txt"]
    assert [(p.path, p.message) for p in problems] == [(str(f), "cannot read file: Permission denied")]


def test_unknown_extension(tmp_path):
    named = write(tmp_path / "notes.docx", b"PK...")
    write(tmp_path / "in" / "other.docx", b"PK...")
    write(tmp_path / "in" / "a.txt", ARTICLE)
    write(tmp_path / "in" / "gold.yaml", "corpus: x\n")
    articles, problems = load_articles([named, tmp_path / "in", tmp_path / "in" / "gold.yaml"], RULES)
    assert [Path(a.path).name for a in articles] == ["a.txt"]
    assert [(p.path, p.severity) for p in problems] == [(str(named), "warning")]


# --- folders -----------------------------------------------------------------------

def test_folder_walk_skips_non_articles(tmp_path):
    for name in ("gold.yaml", "rules.yml", "data.json", "table.csv", ".hidden.txt",
                 ".factcheck/cache.txt", ".git/HEAD.txt", "notes.docx", "README"):
        write(tmp_path / name, ARTICLE)
    write(tmp_path / "meta.csv", "file,outlet\n")
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "a" / "z.md", ARTICLE)
    write(tmp_path / "a.txt", ARTICLE)
    articles, problems = load_articles([str(tmp_path)], RULES)
    assert problems == []
    assert [(a.id, a.path) for a in articles] == [
        ("a1", f"{tmp_path}/a/z.md"), ("a2", f"{tmp_path}/a.txt"), ("a3", f"{tmp_path}/b.txt")]


def test_order_does_not_depend_on_arguments_and_files_load_once(tmp_path):
    for name in ("c.txt", "a.txt", "sub/b.txt"):
        write(tmp_path / name, ARTICLE)
    one, _ = load_articles([tmp_path / "c.txt", tmp_path, tmp_path / "a.txt"], RULES)
    two, _ = load_articles([tmp_path], RULES)
    assert [a.path for a in one] == [a.path for a in two]
    assert [Path(a.path).name for a in one] == ["a.txt", "c.txt", "b.txt"]  # path parts: "sub" > "c.txt"
    assert len(one) == 3


def test_meta_csv_supplies_metadata(tmp_path):
    write(tmp_path / "meta.csv", (
        "file,outlet,url,published,language,extra\n"
        "a.txt,예시일보,https://example.com/a,2025-10-30,ko,x\n"
        "b.txt,다른신문,,2025-10-29T09:00:00+09:00,ko,\n"
        "c.txt,셋째일보,,someday,ko,\n"))
    write(tmp_path / "a.txt", ARTICLE)  # same day as its stamp: the stamp gives the time
    write(tmp_path / "b.txt", ARTICLE)  # a different day: meta.csv wins
    write(tmp_path / "c.txt", ARTICLE)  # unreadable date: reported, the text's stamp is used
    write(tmp_path / "d.txt", ARTICLE)  # not listed
    articles, problems = load_articles([tmp_path], RULES)
    a, b, c, d = articles
    assert (a.outlet, a.url, a.published, a.published_source) == (
        "예시일보", "https://example.com/a", K(2025, 10, 30, 14, 2), "meta")
    assert (b.outlet, b.url, b.published, b.published_source) == ("다른신문", None, K(2025, 10, 29, 9, 0), "meta")
    assert (c.outlet, c.published, c.published_source) == ("셋째일보", K(2025, 10, 30, 14, 2), "dateline")
    assert (d.outlet, d.published_source) == (None, "dateline")
    assert [(Path(p.path).name, p.line, p.severity) for p in problems] == [("meta.csv", 4, "error")]
    assert "someday" in problems[0].message


def test_meta_csv_applies_to_a_file_named_alone(tmp_path):
    write(tmp_path / "meta.csv", "\ufefffile,outlet,published\na.txt,예시일보,2025-10-29\n")
    (a,), problems = load_articles([write(tmp_path / "a.txt", ARTICLE)], RULES)
    assert problems == []
    assert (a.outlet, a.published, a.published_source) == ("예시일보", K(2025, 10, 29), "meta")


def test_meta_csv_without_file_column(tmp_path):
    write(tmp_path / "meta.csv", "name,outlet\na.txt,x\n")
    write(tmp_path / "a.txt", ARTICLE)
    (a,), problems = load_articles([tmp_path], RULES)
    assert a.outlet is None
    assert [(Path(p.path).name, p.severity) for p in problems] == [("meta.csv", "error")]


# --- Markdown ------------------------------------------------------------------------

MD = (
    "---\n"
    "title: 한미 관세협상 타결\n"
    "outlet: 예시일보\n"
    "url: https://example.com/md\n"
    "published: 2025-10-30 14:02\n"
    "---\n"
    "# 한미 관세협상 타결\n\n"
    "입력 2025.10.01 09:00\n\n"
    "관세는 25%에서 15%로 낮아졌다.\n"
)


def test_markdown_front_matter(tmp_path):
    (a,), problems = load_articles([write(tmp_path / "a.md", MD)], RULES)
    assert problems == []
    assert a.text == MD  # the full file: offsets index the file
    assert (a.title, a.outlet, a.url) == ("한미 관세협상 타결", "예시일보", "https://example.com/md")
    assert (a.published, a.published_source) == (K(2025, 10, 30, 14, 2), "front-matter")
    fm_end = MD.index("# 한미")
    assert a.furniture[0] == (0, fm_end)
    assert a.in_furniture(MD.index("2025-10-30 14:02"), MD.index("2025-10-30 14:02") + 16)
    assert not in_furniture(a, "관세는 25%에서 15%로 낮아졌다.")


def test_meta_csv_wins_over_front_matter(tmp_path):
    write(tmp_path / "meta.csv", "file,outlet,published\na.md,목록일보,2025-10-31\n")
    write(tmp_path / "a.md", MD)
    (a,), _ = load_articles([tmp_path], RULES)
    assert (a.title, a.outlet, a.published, a.published_source) == (
        "한미 관세협상 타결", "목록일보", K(2025, 10, 31), "meta")


def test_markdown_without_front_matter_uses_its_date_line(tmp_path):
    text = "# 제목\n\n입력 2025.10.01 09:00\n\n---\n\n본문\n"
    (a,), problems = load_articles([write(tmp_path / "a.md", text)], RULES)
    assert problems == []
    assert (a.published, a.published_source, a.title) == (K(2025, 10, 1, 9, 0), "dateline", None)


def test_bad_front_matter_is_reported_and_the_article_kept(tmp_path):
    text = "---\ntitle: [unclosed\noutlet: x\n---\n본문 3500억 달러.\n"
    (a,), problems = load_articles([write(tmp_path / "a.md", text)], RULES)
    assert a.text == text and a.title is None
    assert len(problems) == 1 and problems[0].severity == "error"
    assert "front matter" in problems[0].message and problems[0].line is not None


def test_leading_rule_is_not_front_matter(tmp_path):
    text = "---\n\n# 제목\n\n본문 3500억 달러.\n\n---\n끝\n"
    (a,), problems = load_articles([write(tmp_path / "a.md", text)], RULES)
    assert problems == []
    assert a.text == text and furniture_text(a) == ["---", "---"]


def test_a_single_path_may_be_given_bare(tmp_path):
    f = write(tmp_path / "a.txt", ARTICLE)
    assert [a.path for a in load_articles(str(f), RULES)[0]] == [str(f)]


def test_front_matter_date_that_does_not_parse(tmp_path):
    text = "---\npublished: next tuesday\n---\n입력 2025.10.01 09:00\n"
    (a,), problems = load_articles([write(tmp_path / "a.md", text)], RULES)
    assert (a.published, a.published_source) == (K(2025, 10, 1, 9, 0), "dateline")
    assert len(problems) == 1 and "next tuesday" in problems[0].message


# --- HTML ------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>관세 타결 | 예시일보</title>
<meta property="og:title" content="한미 관세협상 타결…상호관세 15%">
<meta property="og:site_name" content="예시일보">
<meta property="article:published_time" content="2025-10-29T08:48:02Z">
<link rel="canonical" href="https://example.com/news/1">
<script>var price = "9999억 달러"; window.ads = [];</script>
<style>.a { content: "1234" }</style>
</head><body>
<header><nav><a href="/">홈</a> <a href="/eco">경제 777</a></nav></header>
<div class="wrap">
<h1>한미 관세협상 타결…상호관세 15%</h1>
<article>
<p>입력 2025.10.29 17:48</p>
<p>한미 양국이 총 3500억 달러 규모의 관세협상에 합의했다.<br>자동차 관세는 25%에서 15%로 낮아졌다.</p>
<figure><img src="a.jpg"><figcaption>29일 경주에서 정상회담이 열렸다.</figcaption></figure>
<p>현금 투자는 2000억 달러이고, 연간 한도는 200억&nbsp;달러다.
   나머지 1500억 달러는 조선업 협력에 쓰인다.</p>
<div class="article-share">공유하기 카카오톡 페이스북 555</div>
<p>ⓒ 예시일보 무단전재 및 재배포 금지</p>
</article>
<aside><h3>많이 본 뉴스</h3><ul><li>환율 1470원 돌파</li></ul></aside>
<form><input name=q><button>검색 888</button></form>
</div>
<footer>회사소개 | Copyright 예시일보 666</footer>
</body></html>
"""

HTML_TEXT = (
    "한미 관세협상 타결…상호관세 15%\n\n"
    "입력 2025.10.29 17:48\n\n"
    "한미 양국이 총 3500억 달러 규모의 관세협상에 합의했다.\n"
    "자동차 관세는 25%에서 15%로 낮아졌다.\n\n"
    "29일 경주에서 정상회담이 열렸다.\n\n"
    "현금 투자는 2000억 달러이고, 연간 한도는 200억 달러다. 나머지 1500억 달러는 조선업 협력에 쓰인다.\n\n"
    "ⓒ 예시일보 무단전재 및 재배포 금지"
)


def test_html_page(tmp_path):
    data = HTML.encode("utf-8")
    (a,), problems = load_articles([write(tmp_path / "page.html", data)], RULES)
    assert problems == []
    assert a.extracted is True
    assert a.text == HTML_TEXT
    assert (a.title, a.outlet, a.url) == ("한미 관세협상 타결…상호관세 15%", "예시일보", "https://example.com/news/1")
    assert (a.published, a.published_source) == (K(2025, 10, 29, 17, 48, 2), "meta")
    assert a.sha256 == hashlib.sha256(data).hexdigest()
    assert furniture_text(a) == ["입력 2025.10.29 17:48", "ⓒ 예시일보 무단전재 및 재배포 금지"]
    for noise in ("9999", "1234", "777", "555", "1470", "888", "666"):
        assert noise not in a.text


def test_html_without_article_element_and_in_cp949(tmp_path):
    body = "<p>" + "자동차 관세는 25%에서 15%로 낮아졌다. " * 6 + "</p>"
    page = (f'<html><head><meta charset="euc-kr"><title>제목</title></head><body>'
            f'<div id="menu"><a>메뉴 1</a></div><div class="content">{body}'
            f'<p>입력 2025.10.30 10:00</p></div><div class="comment-list"><p>댓글 100%</p></div></body></html>')
    (a,), problems = load_articles([write(tmp_path / "p.htm", page.encode("cp949"))], RULES)
    assert problems == []
    assert a.encoding == "cp949" and a.title == "제목"
    assert a.text.startswith("자동차 관세는") and "메뉴" not in a.text and "100%" not in a.text
    assert (a.published, a.published_source) == (K(2025, 10, 30, 10, 0), "dateline")


def test_html_with_no_text(tmp_path):
    f = write(tmp_path / "empty.html", "<html><head><script>x=1</script></head><body><nav>홈</nav></body></html>")
    articles, problems = load_articles([f], RULES)
    assert articles == []
    assert [(p.path, p.severity) for p in problems] == [(str(f), "error")]


# --- JSON Lines -------------------------------------------------------------------------

def test_jsonl(tmp_path):
    lines = [
        json.dumps({"text": "관세는 15%로 낮아졌다.", "title": "첫째", "outlet": "예시일보",
                    "published": "2025-10-30T14:02:00+09:00"}, ensure_ascii=False),
        '{"text": "broken',
        "",
        json.dumps({"body": "입력 2025.10.29 17:48\n투자는 3500억 달러다.", "url": "https://e.com/2"}),
        json.dumps({"content": 42}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"content": "세 번째 글", "published": "someday"}, ensure_ascii=False),
    ]
    f = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, problems = load_articles([f], RULES)
    assert [a.path for a in articles] == [f"{f}:1", f"{f}:4", f"{f}:7"]
    first, second, third = articles
    assert (first.text, first.title, first.outlet, first.extracted) == ("관세는 15%로 낮아졌다.", "첫째", "예시일보", True)
    assert (first.published, first.published_source) == (K(2025, 10, 30, 14, 2), "meta")
    assert first.sha256 == hashlib.sha256(lines[0].encode("utf-8")).hexdigest()
    assert (second.url, second.published, second.published_source) == ("https://e.com/2", K(2025, 10, 29, 17, 48), "dateline")
    assert third.published is None
    assert [(p.path, p.line) for p in problems] == [(str(f), 2), (str(f), 5), (str(f), 6), (str(f), 7)]
    assert all(p.severity == "error" for p in problems)
    assert str(problems[0]).startswith(f"{f}:2: bad JSON line")


def test_jsonl_line_in_cp949_next_to_utf8(tmp_path):
    good = json.dumps({"text": "유니코드 줄"}, ensure_ascii=False).encode("utf-8")
    korean = json.dumps({"text": "완성형 줄"}, ensure_ascii=False).encode("cp949")
    f = write(tmp_path / "mixed.jsonl", good + b"\r\n" + korean + b"\r\n")
    articles, problems = load_articles([f], RULES)
    assert problems == []
    assert [(a.text, a.encoding) for a in articles] == [("유니코드 줄", "utf-8"), ("완성형 줄", "cp949")]


# --- properties -----------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda s: s.encode("utf-8"))))
def test_any_bytes_give_an_article_or_a_problem(tmp_path, data):
    f = write(tmp_path / "any.txt", data)
    articles, problems = load_articles([f], RULES)
    assert len(articles) + len(problems) == 1
    for a in articles:
        assert a.text == data.decode(a.encoding)
        for s, e in a.furniture:
            assert 0 <= s < e <= len(a.text)
        assert list(a.furniture) == sorted(a.furniture)


HTML_BITS = ["<p>", "</p>", "<div class='comment'>", "</div>", "<br>", "<article>", "</article>",
             "<script>", "</script>", "<h1>", "</h1>", "<li>", "&amp;", "&#x", "<!--", "-->",
             "<![CDATA[", "본문 3500억 달러. ", "입력 2025.10.30 10:00", "\n", "<", ">", "\""]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(HTML_BITS), max_size=60).map("".join))
def test_any_html_gives_an_article_or_a_problem(tmp_path, page):
    f = write(tmp_path / "any.html", page)
    articles, problems = load_articles([f], RULES)
    assert len(articles) + len(problems) == 1
    for a in articles:
        assert a.extracted and a.text.strip() and a.text == a.text.strip()
