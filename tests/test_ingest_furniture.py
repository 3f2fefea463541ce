"""Page furniture: what is marked, and that body text (numbers included) is not."""
from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ingest import PageVocabulary, load_articles
from factcheck.ingest.furniture import furniture_spans
from factcheck.ingest.pubdate import find_datelines
from factcheck.ingest.textlines import iter_lines
from factcheck.pipeline import check
from factcheck.rules import load_rules

SHIPPED = Path(__file__).resolve().parents[1] / "rules"
RULES = load_rules(SHIPPED)
VOCABULARY = PageVocabulary.from_rules(RULES)
DEV = Path(__file__).resolve().parent / "data" / "corpora" / "dev-tariff"
BODY = "한미 양국은 29일 경주에서 열린 정상회담에서 3500억 달러 규모의 대미 투자에 합의했다. " * 2
LONG_COMMENT = "저는 이번 합의가 3500억 달러 규모라서 너무 크다고 생각합니다. " * 3


def covered(text: str, spans, needle: str) -> bool:
    start = text.index(needle)
    return any(s <= start and start + len(needle) <= e for s, e in spans)


def touched(text: str, spans, needle: str) -> bool:
    start = text.index(needle)
    return any(s < start + len(needle) and start < e for s, e in spans)


CASES = [
    # (id, text, furniture, not furniture)
    ("copyright line", f"{BODY}\nⓒ 예시일보. 무단전재·재배포 금지\n",
     ["ⓒ 예시일보. 무단전재·재배포 금지"], [BODY.strip()]),
    ("copyright words only", f"{BODY}\n저작권자 © 예시일보 무단 전재 및 재배포 금지\n무단 전재·재배포 금지\n",
     ["저작권자 © 예시일보 무단 전재 및 재배포 금지", "무단 전재·재배포 금지"], [BODY.strip()]),
    ("copyright after a caption", "트럼프 대통령이 발언하고 있다. ⓒAFP연합뉴스\n",
     ["ⓒAFP연합뉴스"], ["트럼프 대통령이 발언하고 있다."]),
    ("a sentence about copying is body", "정부는 기사의 무단 전재를 막는 법안을 냈다.\n",
     [], ["정부는 기사의 무단 전재를 막는 법안을 냈다."]),
    ("bylines", f"홍길동 기자\n{BODY}\n경주=○○○ 기자 / 세종=○○○ 기자\n워싱턴=이○○ 특파원\n"
                "기자명 김동원 기자\n정치부 ○○○ 기자 hong@example.com\n에포크타임스 편집부\n",
     ["홍길동 기자", "경주=○○○ 기자 / 세종=○○○ 기자", "워싱턴=이○○ 특파원", "기자명 김동원 기자",
      "정치부 ○○○ 기자 hong@example.com", "에포크타임스 편집부"], [BODY.strip()]),
    ("byline opening a paragraph", f"(서울=뉴스1) 권○○ 기자 = {BODY}\n[뉴스임팩트=이정희 기자] {BODY}\n",
     ["(서울=뉴스1) 권○○ 기자 = ", "[뉴스임팩트=이정희 기자] "], [BODY.strip()]),
    ("email inside body", f"{BODY} 문의는 news@example.co.kr 로 하면 된다.\n",
     ["news@example.co.kr"], [BODY.strip(), "문의는"]),
    ("related list until a long paragraph", f"{BODY}\n\n관련기사\n· 환율 1470원 돌파\n· 코스피 4000 돌파\n\n{BODY}\n",
     ["관련기사\n· 환율 1470원 돌파\n· 코스피 4000 돌파"], [BODY.strip()]),
    ("most-read list with an outlet name", f"{BODY}\n[세계일보 많이 본 기사]\n[설왕설래] 입장권 1장에 40만원\n[기고] 스마트 농업\n",
     ["[설왕설래] 입장권 1장에 40만원", "[기고] 스마트 농업"], [BODY.strip()]),
    ("list stops at a sentence", f"{BODY}\n▶ 함께 보면 좋은 기사\n· 대미 수출 628억 달러\n관세는 15%로 낮아졌다.\n",
     ["· 대미 수출 628억 달러"], ["관세는 15%로 낮아졌다."]),
    ("list stops at a subheading", f"{BODY}\n관련 기사\n- 환율 1470원\n◇ 투자 2000억 달러\n",
     ["- 환율 1470원"], ["◇ 투자 2000억 달러"]),
    ("inline list header", f"{BODY}\n추천 기사: 트럼프 \"미국에 투자할 때\" 500억\n이전글: 유가 60달러선\n",
     ["추천 기사: 트럼프 \"미국에 투자할 때\" 500억", "이전글: 유가 60달러선"], [BODY.strip()]),
    ("comments to the end", f"{BODY}\n댓글 12  |  공감순  최신순\n· 연 200억이 최선이었을 듯\n{LONG_COMMENT}\n",
     ["· 연 200억이 최선이었을 듯", LONG_COMMENT], [BODY.strip()]),
    ("comment form", f"{BODY}\n0 Comments\n답글 남기기\n",
     ["0 Comments\n답글 남기기"], [BODY.strip()]),
    ("share and subscribe widgets", f"{BODY}\n이 기사를 공유합니다\n본문 글씨 키우기\n카카오톡 페이스북 트위터\n"
                                    "AI 뉴스 구독하기\n공유하기  |  스크랩  |  인쇄\n좋아요 0   화나요 0\n",
     ["이 기사를 공유합니다", "본문 글씨 키우기", "카카오톡 페이스북 트위터", "AI 뉴스 구독하기",
      "공유하기  |  스크랩  |  인쇄", "좋아요 0   화나요 0"], [BODY.strip()]),
    ("hashtags", f"{BODY}\n#한미관세  #3500억달러  #마스가\n관련 태그  #러트닉\n",
     ["#한미관세  #3500억달러  #마스가", "관련 태그  #러트닉"], [BODY.strip()]),
    ("page header", f"예시일보  |  국제 > 미국\n최종편집 2025.08.02 11:20\n실시간\n\n제목 3500억달러 투자\n\n입력 2025.07.31 07:36\n{BODY}\n",
     ["예시일보  |  국제 > 미국", "최종편집 2025.08.02 11:20", "실시간", "입력 2025.07.31 07:36"],
     ["제목 3500억달러 투자", BODY.strip()]),
    ("section tag header", f"서울경제  [국제]\n제목\n{BODY}\n", ["서울경제  [국제]"], ["제목"]),
    ("breadcrumb shape in the body is body", f"{BODY}\n\n{BODY}\n수출 > 수입 | 3개월째\n",
     [], ["수출 > 수입 | 3개월째"]),
    ("number-only widget lines", f"{BODY}\n  • 0\n0 / 400\n", ["• 0", "0 / 400"], [BODY.strip()]),
    ("a bare number may be table data", f"{BODY}\n구분\n2025\n3,500\n", [], ["2025\n3,500"]),
    ("trailing headline list", f"{BODY}\n- [Why] 인공위성이 100만 기나 되는 이유\n- [Why] 미군 별들을 불러모았나\n"
                               "- 美판매 최고 실적, 친환경차 비중 38%\n- 관세위협에도 삼성·SK와 투자 확대\n",
     ["- [Why] 인공위성이 100만 기나 되는 이유", "- 관세위협에도 삼성·SK와 투자 확대"], [BODY.strip()]),
    ("closing summary bullets are body", f"{BODY}\n• 관세는 15%로 낮아졌습니다.\n• 투자는 3500억 달러입니다.\n"
                                         "• 연간 한도는 200억 달러입니다.\n• 분납은 10년입니다.\n",
     [], ["• 관세는 15%로 낮아졌습니다.", "• 분납은 10년입니다."]),
    ("three bullets are not enough", f"{BODY}\n- 환율 1470원\n- 코스피 4000\n- 유가 60달러\n", [], ["- 환율 1470원"]),
    ("photo caption and correction stay", "사진=뉴스1\n29일 정상회담이 열렸다. 2025.10.29/뉴스1\n\n■ 바로잡습니다\n"
                                          "'연간 250억 달러'는 '연간 200억 달러'의 잘못이므로 바로잡습니다. (2025.10.30 16:40 수정)\n",
     [], ["29일 정상회담이 열렸다. 2025.10.29/뉴스1", "■ 바로잡습니다", "'연간 200억 달러'의 잘못이므로"]),
    ("sources list", f"{BODY}\n출처:\n  • [AI타임스] 알트먼 방한 (확인일 2025-10-03)\n", ["[AI타임스] 알트먼 방한 (확인일 2025-10-03)"], []),
    ("출처 inside a caption is body", "반도체 공장 전경 (출처: 연합뉴스)\n",  [], ["반도체 공장 전경 (출처: 연합뉴스)"]),
]


@pytest.mark.parametrize("text,furniture,body", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_furniture_cases(text, furniture, body):
    spans = furniture_spans(text, VOCABULARY)
    for needle in furniture:
        assert covered(text, spans, needle), f"not furniture: {needle!r} in {spans}"
    for needle in body:
        assert not touched(text, spans, needle), f"wrongly furniture: {needle!r}"


def test_spans_start_after_front_matter():
    text = "---\ntitle: x\n---\n홍길동 기자\n본문"
    start = text.index("홍길동")
    assert furniture_spans(text, VOCABULARY, start) == [(start, start + len("홍길동 기자"))]


# --- the dev corpus ------------------------------------------------------------------------

def _gold_mentions(section: str):
    gold = yaml.safe_load((DEV / "gold.yaml").read_text(encoding="utf-8"))
    for entry in gold[section]:
        for mention in entry["mentions"]:
            yield entry["id"], mention


@pytest.fixture(scope="module")
def dev_articles():
    articles, problems = load_articles([DEV], RULES)
    assert problems == []
    return {Path(a.path).name: a for a in articles}


def test_gold_conflict_mentions_are_never_furniture(dev_articles):
    for conflict, mention in _gold_mentions("conflicts"):
        a = dev_articles[mention["file"]]
        starts = [m.start() for m in re.finditer(re.escape(mention["surface"]), a.text)]
        if "occurrence" in mention:
            starts = [starts[mention["occurrence"] - 1]]
        for start in starts:
            assert not a.in_furniture(start, start + len(mention["surface"])), (conflict, mention)


def test_related_headline_is_furniture(dev_articles):
    # N23: a related-articles headline about an earlier proposal is page furniture
    a = dev_articles["05_donga.txt"]
    assert covered(a.text, a.furniture, '"매년 250억달러씩 8년"')


@pytest.mark.parametrize("name,needle", [
    ("01_fnnews.txt", "· 원·달러 환율 1390원대 마감"),
    ("02_busan.txt", "3. 2026학년도 부산지역 대학 수시 모집 1만 8000명"),
    ("03_sedaily.txt", "· 美 2분기 GDP 잠정치 연율 3.0% 성장"),
    ("05_donga.txt", "· 외환시장 감안하면 연 200억이 최선이었을 듯"),
    ("06_segye.txt", "[설왕설래] 가을 야구 입장권 1장에 40만원 되팔이"),
    ("08_etoday.txt", "· 3분기 카드 승인액 310조원 돌파"),
    ("09_biznawa.txt", "다음글: 국제유가 배럴당 60달러선…산유국 증산 여파"),
    ("11_mt.txt", "· 삼성전자 3분기 영업이익 12조원대"),
    ("13_kmib.txt", "2. 11월 1~10일 수출 9% 증가"),
    ("14_news1.txt", "· 11월 소비자물가 2.4% 상승"),
    ("15_synthetic-spellings.txt", "#한미관세  #3500억달러  #마스가"),
    ("16_synthetic-attribution.txt", "· 10월 소비심리지수 109.8…석 달째 상승"),
    ("17_synthetic-july.txt", "· 올해 상반기 대미 수출 628억 달러"),
    ("12_newsway.txt", "저작권자 © 온라인 경제미디어 뉴스웨이 무단 전재 및 재배포 금지"),
    ("10_kbmaeil.txt", "ⓒ 경북매일. 무단전재 및 재배포 금지"),
    ("06_segye.txt", "입력 : 2025-10-29 17:48:02      최종편집:2025-11-02"),
    ("14_news1.txt", "(서울=뉴스1) 권○○ 김○○ 기자 = "),
])
def test_dev_page_noise_is_furniture(dev_articles, name, needle):
    a = dev_articles[name]
    assert covered(a.text, a.furniture, needle)


def test_dev_paragraphs_are_not_furniture(dev_articles):
    """No body paragraph loses more than an opening byline."""
    for name, a in dev_articles.items():
        for ls, le in iter_lines(a.text):
            if le - ls <= 100:
                continue
            lost = sum(max(0, min(e, le) - max(s, ls)) for s, e in a.furniture)
            assert lost <= 30, (name, a.text[ls:le][:60])


def test_dev_captions_are_not_furniture(dev_articles):
    for name, caption in [
        ("14_news1.txt", "사진은 같은 날 경기 평택항에 쌓여 있는 수출용 컨테이너. 2025.11.14/뉴스1"),
        ("11_mt.txt", "하워드 러트닉 미국 상무장관 /사진=AFPBBNews=뉴스1"),
        ("08_etoday.txt", "▲한미 관세협상 세부 합의 주요 내용 (그래픽=이투데이 디자인팀)"),
        ("07_epochtimes.txt", "악수하고 있다. | 연합뉴스"),
        ("15_synthetic-spellings.txt", "이 기사 둘째 문단의 '연간 250억 달러'는 '연간 200억 달러'의 잘못이므로"),
    ]:
        a = dev_articles[name]
        assert not touched(a.text, a.furniture, caption), (name, caption)


TOKENS = list("가나다 자ⓒ|>\n\r·-#09.:") + ["2025.10.30 ", "○○○ 기자", "관련기사", "댓글", "입력 ", "다.", "\n- "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=80).map("".join))
def test_spans_are_sorted_disjoint_and_in_bounds(text):
    spans = furniture_spans(text, VOCABULARY)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 < s2
    for s, e in spans:
        assert 0 <= s < e <= len(text)


# --- long lines ----------------------------------------------------------------------------

@pytest.mark.parametrize("letter", ["가", "a"])
def test_a_long_line_without_an_address_is_read_in_linear_time(letter):
    # a searched e-mail regex re-reads a run of word characters from every start
    started = time.perf_counter()
    furniture_spans(f"{BODY}\n{letter * 300_000}\n", VOCABULARY)
    assert time.perf_counter() - started < 5


# --- furniture rules (rules/furniture.yaml) --------------------------------------------------

# (text, a line that only a furniture rule marks: the word lists and shapes miss it)
RULE_EXAMPLES = [
    (f"{BODY}\n예시일보 무단 복제 및 배포 금지\n", "예시일보 무단 복제 및 배포 금지"),
    (f"{BODY}\n이전 기사 | 유가 60달러선 회복\n", "이전 기사 | 유가 60달러선 회복"),
    (f"{BODY}\n\n댓글 3개\n· 연 200억이 최선이었을 듯\n", "· 연 200억이 최선이었을 듯"),
    (f"{BODY}\n홍길동 기자 구독\n", "홍길동 기자 구독"),
    (f"{BODY}\n등록번호 서울 아01234 | 발행·편집인 홍길동 | 대표전화 02-123-4567\n", "대표전화 02-123-4567"),
    (f"{BODY}\n정치부 홍길동 hong@example.com\n", "정치부 홍길동"),
    (f"작성자 홍길동\n{BODY}\n", "작성자 홍길동"),
    (f"{BODY}\n태그 러트닉, 반도체관세\n", "태그 러트닉, 반도체관세"),
    (f"제목\n{BODY}\n" + "관세는 15%로 낮아졌다.\n" * 40 + "입력 2025.10.30 10:00\n", "입력 2025.10.30 10:00"),
]
# sentences near those lines that stay body
RULE_BODY = ["정부는 기사의 무단 복제를 금지하는 법안을 냈다.", "이전 기사에서 보도한 대로 관세는 15%다.",
             "댓글 3개가 달렸다.", "작성자 A씨는 지난달 글을 올렸다.", "회사는 이용약관을 바꿨다고 밝혔다.",
             "태그 매치에서 두 선수가 맞붙었다."]
NO_RULES = replace(VOCABULARY, furniture=())


def test_furniture_rules_mark_lines_the_word_lists_miss():
    for text, needle in RULE_EXAMPLES:
        assert covered(text, furniture_spans(text, VOCABULARY), needle), needle
        assert not touched(text, furniture_spans(text, NO_RULES), needle), needle
    text = BODY + "\n" + "\n".join(RULE_BODY) + "\n"
    assert furniture_spans(text, VOCABULARY) == []


@pytest.mark.parametrize("entry", RULES.furniture, ids=[f"line {f.line}" for f in RULES.furniture])
def test_every_shipped_furniture_rule_does_something(entry):
    others = replace(VOCABULARY, furniture=tuple(f for f in RULES.furniture if f is not entry))
    assert any(not covered(text, furniture_spans(text, others), needle) for text, needle in RULE_EXAMPLES)


def test_following_lines_reach_the_next_blank_line():
    text = f"{BODY}\n\n댓글 3개\n· 연 200억\n· 100억이면 된다\n\n{BODY}\n"
    assert [text[s:e] for s, e in furniture_spans(text, VOCABULARY)] == ["댓글 3개\n· 연 200억\n· 100억이면 된다"]


def test_a_furniture_rule_added_to_the_rules_hides_a_fact(tmp_path):
    edited = tmp_path / "rules"
    shutil.copytree(SHIPPED, edited)
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("입력 2025.03.15 09:00\n\n정부는 내년 예산을 100억 원 늘린다고 밝혔다.\n"
                                "광고문의 02-123-4567 월 50만 원\n", encoding="utf-8")
    before = {f.text for f in check([news], rules_dir=edited).facts}
    with (edited / "furniture.yaml").open("a", encoding="utf-8") as rules:
        rules.write("- kind: furniture\n  pattern: '^광고\\s*문의'\n  applies: line\n")
    after = {f.text for f in check([news], rules_dir=edited).facts}
    assert {"100억 원", "50만 원"} <= before
    assert "100억 원" in after and "50만 원" not in after


# --- the word lists (rules/pages.yaml) ---------------------------------------------------------

@dataclass(frozen=True)
class ListEdit:
    """One item taken out of a list of rules/pages.yaml, and a page that reads differently then."""

    list: str
    old: str
    new: str
    file: str  # name of the page file
    page: str


HTML_BODY = "<p>" + BODY + "</p>"
LIST_EDITS = [
    ListEdit("published_label", "입력일, 입력, ", "입력일, ", "a.txt", f"입력 2025.10.30 10:00\n\n{BODY}\n"),
    ListEdit("modified_label", "수정일, 수정, ", "수정일, ", "a.txt",
             f"입력 2025.10.30 10:00\n수정 2025.10.31 09:00\n\n{BODY}\n"),
    ListEdit("copyright_mark", "'저작권자', 'ⓒ', ", "'저작권자', ", "a.txt", f"{BODY}\nⓒ 예시일보\n"),
    ListEdit("copyright_notice", "'무단\\s*전재', '재배포\\s*금지', ", "'무단\\s*전재', ", "a.txt",
             f"{BODY}\n예시일보 재배포 금지\n"),
    ListEdit("byline_role", "기자, 특파원, ", "기자, ", "a.txt", f"{BODY}\n워싱턴=이○○ 특파원\n"),
    ListEdit("byline_lead", "글, 정리, ", "글, ", "a.txt", f"{BODY}\n정리 홍길동\n"),
    ListEdit("byline_desk", "[편집부, ", "[", "a.txt", f"{BODY}\n에포크타임스 편집부\n"),
    ListEdit("widget_strong", "'구독하기', ", "", "a.txt", f"{BODY}\nAI 뉴스 구독하기\n"),
    ListEdit("widget_weak", "['실시간', ", "[", "a.txt", f"실시간\n{BODY}\n"),
    ListEdit("comment_header", "'답글\\s*남기기',", "", "a.txt", f"{BODY}\n답글 남기기\n{BODY}\n"),
    ListEdit("list_header", "['관련\\s*(?:기사|뉴스)', ", "[", "a.txt", f"{BODY}\n관련기사\n· 환율 1470원 돌파\n"),
    ListEdit("list_header_exact", "['출처', ", "[", "a.txt", f"{BODY}\n출처:\n• [예시일보] 알트먼 방한\n"),
    ListEdit("tag_label", "'태그', '키워드', ", "'태그', ", "a.txt", f"{BODY}\n키워드 #러트닉\n"),
    ListEdit("html_noise_token", "reply, related, ", "reply, ", "a.html",
             f"<article>{HTML_BODY}<div class='related'>환율 1470원 돌파</div></article>"),
    ListEdit("html_body_hint", "[articlebody, ", "[", "a.html",
             f"<div class='article-body'>{HTML_BODY * 2}</div><div class='box'>{HTML_BODY * 3}</div>"),
]


def read_page(rules_dir: Path, folder: Path, edit: ListEdit) -> tuple:
    """What ingest makes of the page: its text, furniture, publication time and date-line kinds."""
    rules = load_rules(rules_dir)
    folder.mkdir()
    (folder / edit.file).write_text(edit.page, encoding="utf-8")
    (a,), problems = load_articles([folder], rules)
    assert problems == []
    kinds = [d.kind for d in find_datelines(a.text, PageVocabulary.from_rules(rules))]
    return a.text, [a.text[s:e] for s, e in a.furniture], a.published, kinds


def test_every_page_list_has_a_row():
    assert {e.list for e in LIST_EDITS} == {e.list for e in RULES.word_list_entries
                                            if Path(e.source).name == "pages.yaml"}


@pytest.mark.parametrize("edit", LIST_EDITS, ids=[e.list for e in LIST_EDITS])
def test_taking_an_item_out_of_a_page_list_changes_the_reading(edit, tmp_path):
    edited = tmp_path / "rules"
    shutil.copytree(SHIPPED, edited)
    pages = edited / "pages.yaml"
    text = pages.read_text(encoding="utf-8")
    assert text.count(edit.old) == 1, f"{edit.old!r} must occur once in pages.yaml"
    pages.write_text(text.replace(edit.old, edit.new), encoding="utf-8")
    before = read_page(SHIPPED, tmp_path / "before", edit)
    after = read_page(edited, tmp_path / "after", edit)
    assert before != after, f"taking an item out of {edit.list} changed nothing"
