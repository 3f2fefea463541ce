"""Every rule kind, and every named word list, is data the pipeline reads: changing
one entry in a copy of rules/ changes what the checker finds in a small corpus.

Each row names a rule file, an edit of one entry (a word taken out of a list, a
value changed), articles written for the row, and what to look at in the result.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from factcheck.model import Result
from factcheck.pipeline import check
from factcheck.rules.lists import WORD_LISTS
from factcheck.rules.schema import KINDS

SHIPPED = Path(__file__).resolve().parents[1] / "rules"
HEAD = "입력 2025.03.15 09:00\n\n"


def facts(result: Result) -> list[str]:
    """Every fact with everything it was read as."""
    return sorted(repr(f) for f in result.facts)


def conflicts(result: Result) -> list[str]:
    return sorted(repr((c.rule, c.severity, c.facts)) for c in result.conflicts)


@dataclass(frozen=True)
class Edit:
    file: str
    old: str
    new: str

    def apply(self, directory: Path) -> None:
        path = directory / self.file
        text = path.read_text(encoding="utf-8")
        assert text.count(self.old) == 1, f"{self.file}: {self.old!r} must occur once"
        path.write_text(text.replace(self.old, self.new), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    word_list: str | None
    edit: Edit
    articles: tuple[str, ...]
    probe: Callable[[Result], list[str]] = facts


MEET_A = "홍길동 장관은 14일 정부서울청사에서 클라우디아 레이먼드 대표와 회동했다."
MEET_B = "클라우디아 레이몬드 대표는 14일 세종청사에서 홍길동 장관과 만났다."

CASES = [
    Case("unit", "unit", None, Edit("units.yaml", "words: [웨이퍼, wafer, wafers]", "words: [wafer, wafers]"),
         ("오픈AI는 90만 웨이퍼를 주문했다.",)),
    Case("hedge", "hedge", None, Edit("hedges.yaml", "words: [약, 대략,", "words: [대략,"),
         ("수출액은 약 100억 달러로 집계됐다.",)),
    Case("scope", "scope", None, Edit("scopes.yaml", "words: [월, 월간,", "words: [월간,"),
         ("공급량은 월 90만 장에 이른다.",)),
    Case("alias", "alias", None, Edit("aliases.yaml", "aliases: [OpenAI, 오픈에이아이]", "aliases: [오픈에이아이]"),
         ("OpenAI는 90만 장을 주문했다.",)),
    Case("place", "place", None,
         Edit("places.yaml", "name: 청와대, type: venue, within: 종로구,", "name: 청와대, type: venue, within: 부산광역시,"),
         ("홍길동 장관은 14일 청와대에서 클라우디아 레이먼드 대표와 회동했다.",
          "클라우디아 레이먼드 대표는 14일 종로구에서 홍길동 장관과 만났다."), conflicts),
    Case("title", "title", None, Edit("vocabulary.yaml", "words: [장관, 차관,", "words: [차관,"),
         (MEET_A, MEET_B), conflicts),
    Case("org_suffix", "org_suffix", None, Edit("vocabulary.yaml", "words: [전자, 그룹,", "words: [그룹,"),
         ("한빛전자 회장은 14일 서울 플라자호텔에서 홍길동 장관과 만났다.",)),
    Case("event_word", "event_word", None, Edit("vocabulary.yaml", "회동, 면담,", "면담,"),
         (MEET_A, MEET_B), conflicts),
    Case("speech_verb", "speech_verb", None, Edit("vocabulary.yaml", "  words: [말했, 밝혔, ", "  words: [말했, "),
         ("\u201c수출 회복세가 하반기에도 이어질 것\u201d이라고 홍길동 장관이 밝혔다.",)),
    Case("correction", "correction", None, Edit("vocabulary.yaml", "words: [바로잡습니다, ", "words: ["),
         ("수출액은 120억 달러다.\n\n바로잡습니다: 기사 중 '120억 달러'는 '100억 달러'의 잘못이기에 바로잡습니다.",)),
    Case("stance", "stance", None, Edit("stances.yaml", "words: [계획, 예정,", "words: [예정,"),
         ("정부는 내년에 100억 달러를 투입할 계획이다.",)),
    Case("setting", "setting", None, Edit("lexicon.yaml", "  name: name_similarity\n  value: 85",
                                         "  name: name_similarity\n  value: 100"),
         (MEET_A, MEET_B), conflicts),
    Case("conflict", "conflict", None, Edit("conflicts.yaml", "rule: event_place\n  severity: high",
                                           "rule: event_place\n  severity: low"),
         (MEET_A, MEET_B), conflicts),
    Case("conflict-params", "conflict", None,
         Edit("conflicts.yaml", "params: {window_days: 7}", "params: {window_days: 1}"),
         ("홍길동 장관은 14일 클라우디아 레이먼드 대표와 회동했다.",
          "클라우디아 레이먼드 대표는 12일 홍길동 장관과 만났다."), conflicts),
    # -- the named word lists ------------------------------------------------------------
    Case("time_word", "word_list", "time_word", Edit("lexicon.yaml", "[올해, 올, 내년,", "[올해, 올,"),
         ("정부는 내년 예산을 677조 원으로 편성했다.",)),
    Case("attribute_filler", "word_list", "attribute_filler",
         Edit("lexicon.yaml", "최소, 총, 평균, 각각,", "최소, 총, 각각,"), ("수출 단가는 평균 30달러다.",)),
    Case("generic_noun", "word_list", "generic_noun", Edit("lexicon.yaml", "기자, 뉴스, 관련,", "기자, 뉴스,"),
         ("정부 관계자는 관련 예산이 100억 달러라고 밝혔다.",)),
    Case("surname", "word_list", "surname", Edit("lexicon.yaml", "[김, 이, 박,", "[이, 박,"),
         ("김민수 장관은 14일 한빛호텔에서 클라우디아 레이먼드 대표와 회동했다.",
          "클라우디아 레이먼드 대표는 14일 서울호텔에서 김민주 장관과 만났다."), conflicts),
    Case("venue_suffix", "word_list", "venue_suffix", Edit("lexicon.yaml", "센터, 호텔,", "센터,"),
         ("홍길동 장관은 14일 한빛호텔에서 클라우디아 레이먼드 대표와 회동했다.",)),
    Case("visit_verb", "word_list", "visit_verb", Edit("lexicon.yaml", "[을 방문, 를 방문,", "[를 방문,"),
         ("홍길동 장관과 클라우디아 레이먼드 대표는 14일 한빛박물관을 방문했다.",)),
    Case("pronoun", "word_list", "pronoun", Edit("lexicon.yaml", "words: [그, 그녀]", "words: [그녀]"),
         ("홍길동 장관은 14일 국회에 출석했다. 그는 \u201c수출 회복세가 하반기에도 이어질 것\u201d이라고 말했다.",)),
    Case("market_word", "word_list", "market_word", Edit("lexicon.yaml", "list: market_word\n  words: [시장]", "list: market_word\n  words: [시세]"),
         ("한빛전자의 HBM 시장 점유율은 50%다.",)),
    Case("rate_word", "word_list", "rate_word", Edit("lexicon.yaml", "[달러당, 환율,", "[환율,"),
         ("투자액은 100억 달러(약 14조 원)로 달러당 1,400원을 적용했다.",)),
    Case("age_noun", "word_list", "age_noun", Edit("lexicon.yaml", "[남성, 여성,", "[여성,"),
         ("사고로 30대 남성이 다쳤다.",)),
    Case("unit_compound", "word_list", "unit_compound", Edit("lexicon.yaml", "[분기, 주년,", "[주년,"),
         ("한빛전자는 1분기 매출 10조 원을 기록했다.",)),
    Case("local_time_marker", "word_list", "local_time_marker",
         Edit("lexicon.yaml", "['현지\\s?시간', ", "["), ("백악관은 1일(현지시간) 발표했다.",)),
    Case("korea_time_marker", "word_list", "korea_time_marker",
         Edit("lexicon.yaml", "['한국\\s?시간', ", "["), ("회견은 2일(한국시간) 열렸다.",)),
    Case("acronym_minor_word", "word_list", "acronym_minor_word", Edit("lexicon.yaml", "[of, the, and,", "[the, and,"),
         ("마스가(MASGA·Make America Shipbuilding Great Again) 사업이다. 회의(BOE·Board of Energy)를 열었다.",)),
    Case("extension_word", "word_list", "extension_word", Edit("lexicon.yaml", "words: [연장]", "words: [연장계약]"),
         ("한빛건설은 2027년까지 관리 계약을 맺었고, 2028년까지 연장 옵션이 있다. 회사는 최대 4년의 연장 옵션을 확보했다.",),
         conflicts),
    Case("rank_scope_word", "word_list", "rank_scope_word", Edit("lexicon.yaml", "words: [역대, 사상]", "words: [사상]"),
         ("올해 수출액은 역대 최대 규모다.",)),
    Case("superlative_high", "word_list", "superlative_high",
         Edit("lexicon.yaml", "words: [최고, 최대, 최다,", "words: [최고, 최다,"), ("올해 수출액은 역대 최대 규모다.",)),
    Case("superlative_low", "word_list", "superlative_low",
         Edit("lexicon.yaml", "words: [최저, 최소,", "words: [최소,"), ("실업률은 역대 최저 수준이다.",)),
    Case("native_ordinal", "word_list", "native_ordinal",
         Edit("lexicon.yaml", "words: [첫, 두, 세,", "words: [첫, 세,"), ("올해 수출액은 역대 두 번째로 큰 규모다.",)),
    Case("rank_low_adjective", "word_list", "rank_low_adjective",
         Edit("lexicon.yaml", "words: [작, 적, 낮,", "words: [작, 적,"), ("실업률은 역대 두 번째로 낮은 수준이다.",)),
    Case("correction_wrote_verb", "word_list", "correction_wrote_verb",
         Edit("lexicon.yaml", "words: [적었, 적어,", "words: [적어,"),
         ("수출액은 530억 달러다.\n\n■ 바로잡습니다\n첫 출고본은 수출액을 '530억 달러'로 적었습니다.",)),
    Case("correction_right_word", "word_list", "correction_right_word",
         Edit("lexicon.yaml", "words: [맞, 옳, 정확]", "words: [옳, 정확]"),
         ("수출액은 350억 달러다.\n\n■ 바로잡습니다\n'350억 달러'가 맞습니다.",)),
    Case("asof_marker", "word_list", "asof_marker", Edit("lexicon.yaml", "words: [기준, 현재, 집계]", "words: [현재, 집계]"),
         ("구청은 오후 3시 기준 대피 인원이 420명이라고 밝혔다.",)),
    Case("settled_marker", "word_list", "settled_marker",
         Edit("lexicon.yaml", "words: [최종, 확정, 확정치, 최종치]", "words: [확정치, 최종치]"),
         ("입력 2025.03.15 22:00\n\n화재 사망자는 최종 12명으로 확정됐다.",
          "입력 2025.03.17 09:00\n\n그 화재 사망자 10명을 기리는 분향소가 차려졌다."), conflicts),
    Case("preliminary_marker", "word_list", "preliminary_marker",
         Edit("lexicon.yaml", "words: [잠정, 잠정치, 속보치, 가집계, 중간 집계]", "words: [잠정치, 속보치, 가집계, 중간 집계]"),
         ("잠정 실적에서 가람전자의 2분기 영업이익은 1조2000억 원으로 크게 늘었다.",
          "가람전자의 2분기 영업이익은 1조3500억 원으로 크게 늘었다."), conflicts),
    Case("part_marker", "word_list", "part_marker",
         Edit("lexicon.yaml", "words: [가운데, 중]", "words: [중]"),
         ("입력 2025.03.15 22:00\n\n화재 사망자는 최종 12명으로 확정됐다.",
          "입력 2025.03.16 09:00\n\n투숙객 15명 가운데 12명이 숨진 화재였다.",
          "입력 2025.03.17 09:00\n\n투숙객 15명 가운데 10명이 숨진 화재였다."), conflicts),
    Case("per_unit_marker", "word_list", "per_unit_marker", Edit("lexicon.yaml", "'각각', ", ""),
         ("두 회사가 낸 출연금은 각각 300억 원이다.", "두 회사가 낸 출연금은 600억 원이다."), conflicts),
    Case("distributive_word", "word_list", "distributive_word",
         Edit("lexicon.yaml", "words: [각각, 각, 저마다, 제각기]", "words: [각, 저마다, 제각기]"),
         ("가온모터스는 미국·유럽에 각각 3만 대를, 브라질에는 4만 대를 공급한다.",)),
    Case("distributive_suffix", "word_list", "distributive_suffix",
         Edit("lexicon.yaml", "words: [씩]", "words: [마다]"),
         ("가온물산과 누리상사가 100억 원씩 출자한다.",)),
    Case("binding_particle", "word_list", "binding_particle",
         Edit("lexicon.yaml", "words: [은, 는, 이, 가, 도,", "words: [이, 가, 도,"),
         ("반도체 부문은 매출 3조 원, 가전 부문은 2조 원을 기록했다.",)),
    Case("enumeration_conjunction", "word_list", "enumeration_conjunction",
         Edit("lexicon.yaml", "words: [및, 그리고]", "words: [그리고]"),
         ("가온모터스는 미국, 유럽 및 일본에 각각 3만 대를, 브라질에는 4만 대를 공급한다.",)),
    Case("aligned_dimension", "word_list", "aligned_dimension",
         Edit("lexicon.yaml", "words: [length, area,", "words: [area,"),
         ("새 전망대의 높이 120m 철골 구조물이 완공됐다.", "새 전망대의 높이 150m 철골 구조물이 완공됐다."), conflicts),
    Case("identifier_word", "word_list", "identifier_word", Edit("lexicon.yaml", "words: [편, 호기]", "words: [호기]"),
         ("한빛항공 HB4127편은 14일 오후 김포공항을 떠나 제주로 가다 회항했다.",)),
    Case("exclusive_pair", "word_list", "exclusive_pair",
         Edit("lexicon.yaml", "words: [왼발/오른발, ", "words: ["),
         ("주장 박태오는 전반 12분 페널티박스 바깥에서 왼발 중거리 슛으로 한빛FC의 선제골을 터뜨렸다.",)),
    Case("sole_title", "word_list", "sole_title", Edit("lexicon.yaml", "총재, 위원장, 검찰총장, 감사원장, 국회의장, 회장, 사장,",
                                                          "총재, 위원장, 검찰총장, 감사원장, 국회의장, 회장,"),
         ("홍길동 한빛전자 사장은 14일 신제품을 소개했다.",)),
    Case("common_noun_title", "word_list", "common_noun_title",
         Edit("lexicon.yaml", "list: common_noun_title\n  words: [시장]", "list: common_noun_title\n  words: [시세]"),
         ("클라우드 시장은 \"올해 20% 커질 것\"이라는 전망이 나왔다.",)),
    Case("named_office", "word_list", "named_office",
         Edit("lexicon.yaml", "words: [국회의장, 대법원장,", "words: [대법원장,"),
         ("우원석 국회의장은 본회의 직후 기자들과 만나 예산안 처리 과정을 설명했다.",)),
    Case("role_time_word", "word_list", "role_time_word",
         Edit("lexicon.yaml", "차기, 신임, 초대,", "차기, 초대,"),
         ("홍길동 한빛전자 신임 사장은 14일 신제품 발표회를 찾았다.",)),
]


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("shipped")


def run(rules_dir: Path, articles: tuple[str, ...], folder: Path) -> Result:
    folder.mkdir()
    for i, text in enumerate(articles, 1):
        # An article that gives its own date line ("입력 …") keeps it: rules that compare days.
        (folder / f"{i:02d}.txt").write_text(("" if text.startswith("입력 ") else HEAD) + text + "\n",
                                             encoding="utf-8")
    return check([folder], rules_dir=rules_dir)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_editing_one_entry_changes_the_result(case, tmp_path):
    edited = tmp_path / "rules"
    shutil.copytree(SHIPPED, edited)
    case.edit.apply(edited)
    before = case.probe(run(SHIPPED, case.articles, tmp_path / "before"))
    after = case.probe(run(edited, case.articles, tmp_path / "after"))
    assert before != after, f"editing {case.edit.file} changed nothing for {case.id}"


def test_every_kind_and_every_extraction_list_has_a_row():
    page_lists = {name for name in WORD_LISTS if name.startswith(PAGE_LIST_PREFIXES)}
    assert {c.kind for c in CASES} | {"furniture"} == set(KINDS)
    assert {c.word_list for c in CASES if c.word_list} | page_lists == set(WORD_LISTS)


# Lists that read page furniture and date lines; tests/test_ingest_furniture.py edits them.
PAGE_LIST_PREFIXES = ("published_", "modified_", "copyright_", "byline_", "widget_", "comment_",
                      "list_", "tag_", "html_")
