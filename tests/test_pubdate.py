"""Publication-time parsing and date-line choice, as data tables."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from factcheck.ingest import PageVocabulary
from factcheck.ingest.pubdate import KST, choose, find_datelines, parse_datetime, resolve
from factcheck.rules import load_rules

VOCABULARY = PageVocabulary.from_rules(load_rules(Path(__file__).resolve().parents[1] / "rules"))


def D(*args) -> datetime:
    """A Korean-time datetime, as every parsed publication time is."""
    return datetime(*args, tzinfo=KST)


PARSE = [
    # (input, expected)
    ("2025-10-29T17:48:02+09:00", D(2025, 10, 29, 17, 48, 2)),
    ("2025-10-29T08:48:02Z", D(2025, 10, 29, 17, 48, 2)),  # UTC -> KST
    ("2025-10-29T08:48:02+00:00", D(2025, 10, 29, 17, 48, 2)),
    ("2025-07-31", D(2025, 7, 31)),
    ("2025.10.02 10:03", D(2025, 10, 2, 10, 3)),
    ("2025-10-02 07:53:08", D(2025, 10, 2, 7, 53, 8)),
    ("2025. 10. 3. 19:40", D(2025, 10, 3, 19, 40)),
    ("2025. 10. 3.", D(2025, 10, 3)),
    ("2025/10/30", D(2025, 10, 30)),
    ("2025년 10월 30일 10:22", D(2025, 10, 30, 10, 22)),
    ("2025년 10월 29일 오후 6:20", D(2025, 10, 29, 18, 20)),
    ("2025. 10. 29. 오후 7:02", D(2025, 10, 29, 19, 2)),
    ("2025.12.04 오전 6:41", D(2025, 12, 4, 6, 41)),
    ("2025.10.30 오후 12:05", D(2025, 10, 30, 12, 5)),
    ("2025.10.30 오전 12:05", D(2025, 10, 30, 0, 5)),
    ("2025.10.30 2:05 PM", D(2025, 10, 30, 14, 5)),
    ("2025년 11월 1일 오전 12시 1분", D(2025, 11, 1, 0, 1)),
    ("2025년 11월 1일 15시", D(2025, 11, 1, 15, 0)),
    ("2025.10.30(목) 10:22", D(2025, 10, 30, 10, 22)),
    ("2025-10-30 (목)", D(2025, 10, 30)),
    ("2025-13-01", None),
    ("2025-02-30", None),
    ("2025년 9월호", None),
    ("10월 30일", None),  # no year: not a publication stamp
    ("내일 오후", None),
    ("", None),
    ("2025-10-30 14:02 기사 본문", None),  # more than a date
    (date(2025, 10, 30), D(2025, 10, 30)),
    (datetime(2025, 10, 30, 1, 0, tzinfo=timezone.utc), D(2025, 10, 30, 10, 0)),
    (datetime(2025, 10, 30, 1, 0, tzinfo=timezone(timedelta(hours=-4))), D(2025, 10, 30, 14, 0)),
    (datetime(2025, 10, 30, 1, 0), D(2025, 10, 30, 1, 0)),  # naive: read as KST
    (20251030, None),
]


@pytest.mark.parametrize("value,expected", PARSE)
def test_parse_datetime(value, expected):
    assert parse_datetime(value) == expected


FILLER = "본문 문단입니다. 이 줄에는 날짜가 없습니다.\n"

HEADERS = [
    # (top of an article, expected publication time, kind of the chosen stamp)
    ("입력 2025.10.02 10:03\n", D(2025, 10, 2, 10, 3), "published"),
    ("입력 : 2025-10-29 17:48:02\n", D(2025, 10, 29, 17, 48, 2), "published"),
    ("기사입력 2025-07-31 08:20\n", D(2025, 7, 31, 8, 20), "published"),
    ("기사승인 : 2025-10-02 07:53:08\n", D(2025, 10, 2, 7, 53, 8), "published"),
    ("등록 2025.07.31\n", D(2025, 7, 31), "published"),
    ("발행일 2025-09-01\n", D(2025, 9, 1), "published"),
    ("승인 2025.10.30 12:00\n", D(2025, 10, 30, 12, 0), "published"),
    ("  • 입력 2025.10.02 10:03\n", D(2025, 10, 2, 10, 3), "published"),
    ("2025년 10월 30일 10:22\n", D(2025, 10, 30, 10, 22), "bare"),
    ("땡글오빠 2025. 10. 3. 19:40\n", D(2025, 10, 3, 19, 40), "bare"),
    ("김○○ 기자  2025-07-31 08:20:55\n", D(2025, 7, 31, 8, 20, 55), "bare"),
    ("작성자 뉴스봇  |  조회 132  |  2025-10-30 08:14\n", D(2025, 10, 30, 8, 14), "bare"),
    ("2025-10-31\n", D(2025, 10, 31), "bare"),
    # the site-wide stamp in the page header loses to the article's own 입력 line
    ("최종편집:2025-11-26 07:49 (수)\n실시간\n제목\n  • 입력 2025.10.02 10:03\n", D(2025, 10, 2, 10, 3), "published"),
    ("입력 2025.07.31 07:36   수정 2025.07.31 09:00\n", D(2025, 7, 31, 7, 36), "published"),
    ("수정 2025.07.31 09:00   입력 2025.07.31 07:36\n", D(2025, 7, 31, 7, 36), "published"),
    ("2025-07-31 09:48    |    최종수정 2025-07-31 10:05\n", D(2025, 7, 31, 9, 48), "bare"),
    ("2025. 10. 29. 오후 7:02   |   업데이트 2025. 10. 30. 오전 9:15\n", D(2025, 10, 29, 19, 2), "bare"),
    ("최종수정 2025.10.31 09:00\n홍길동 기자 2025.10.30 11:01\n", D(2025, 10, 30, 11, 1), "bare"),
    ("기사입력 2025-11-14 17:26   |   최종수정 2025-11-15 09:02\n", D(2025, 11, 14, 17, 26), "published"),
    # a modification stamp is the last resort
    ("업데이트 2025. 10. 30. 오전 9:15\n", D(2025, 10, 30, 9, 15), "modified"),
    ("최종편집:2025-11-26 07:49 (수)\n", D(2025, 11, 26, 7, 49), "modified"),
    ("(2025.10.30 16:40 수정)\n", D(2025, 10, 30, 16, 40), "modified"),
    # not date lines
    ("2025년 10월 29일 한미 정상회담 경주서 개최\n", None, None),  # a dated headline
    ("한미 양국은 지난달 14일 팩트시트를 냈다. 사진은 같은 날 평택항의 컨테이너. 2025.11.14/뉴스1\n", None, None),
    ("이 기사 둘째 문단의 '연간 250억 달러'는 '연간 200억 달러'의 잘못이므로 바로잡습니다. (2025.10.30 16:40 수정)\n", None, None),
    ("삼정KPMG 뉴스레터  |  2025년 9월호  |  Experts' Advice\n", None, None),
    (FILLER * 40 + "입력 2025.10.30 10:00\n", None, None),  # too far down: body text
    (FILLER * 39 + "입력 2025.10.30 10:00\n", D(2025, 10, 30, 10, 0), "published"),
    ("", None, None),
]


@pytest.mark.parametrize("header,expected,kind", HEADERS)
def test_dateline_choice(header, expected, kind):
    stamp = choose(find_datelines(header + FILLER, VOCABULARY))
    assert (stamp.value if stamp else None) == expected
    assert (stamp.kind if stamp else None) == kind


def test_dateline_reports_its_line():
    text = "제목\r\n입력 2025.10.30 14:02\r\n본문"
    (stamp,) = find_datelines(text, VOCABULARY)
    assert text[stamp.line_start:stamp.line_end] == "입력 2025.10.30 14:02"


def test_scan_starts_after_front_matter():
    text = "---\npublished: x\n---\n입력 2025.10.30 14:02\n"
    start = text.index("입력")
    assert [s.value for s in find_datelines(text, VOCABULARY, start)] == [D(2025, 10, 30, 14, 2)]


RESOLVE = [
    # (metadata value, source, article top, expected time, expected source)
    ("2025-07-31", "meta", "입력 2025.07.31 07:36\n", D(2025, 7, 31, 7, 36), "meta"),  # same day: time from text
    ("2025-07-30", "meta", "입력 2025.07.31 07:36\n", D(2025, 7, 30), "meta"),  # metadata wins
    ("2025-07-31T06:00:00+09:00", "meta", "입력 2025.07.31 07:36\n", D(2025, 7, 31, 6, 0), "meta"),
    ("2025-10-30 14:02", "front-matter", "입력 2025.10.01 09:00\n", D(2025, 10, 30, 14, 2), "front-matter"),
    (None, "none", "입력 2025.07.31 07:36\n", D(2025, 7, 31, 7, 36), "dateline"),
    ("not a date", "meta", "입력 2025.07.31 07:36\n", D(2025, 7, 31, 7, 36), "dateline"),
    (None, "none", "날짜 없는 글\n", None, "none"),
]


@pytest.mark.parametrize("meta,source,text,expected,expected_source", RESOLVE)
def test_resolve(meta, source, text, expected, expected_source):
    assert resolve(meta, source, text, VOCABULARY) == (expected, expected_source)
