"""Word lists for date lines and page furniture.

Kept in one module, as plain strings, so they can later be loaded from rules/
data without touching the matching code in pubdate.py and furniture.py.
Every entry is general Korean web-page vocabulary, never the name of an outlet.
"""
from __future__ import annotations

import re

# --- date lines -------------------------------------------------------------

# Labels that introduce the first-publication time of an article.
PUBLISHED_LABELS = [
    "기사입력", "기사등록", "기사승인", "입력일시", "입력일", "입력",
    "등록일시", "등록일", "등록", "승인", "발행일시", "발행일", "발행",
    "게재일", "게재", "작성일시", "작성일", "송고시간", "송고",
    "Published", "Posted",
]
# Labels that introduce a later modification time (or a site-wide page stamp).
MODIFIED_LABELS = [
    "최종수정", "최종편집", "최종 업데이트", "최종업데이트", "수정일시", "수정일",
    "수정", "업데이트", "편집", "갱신", "Updated", "Modified",
]

# --- page furniture -----------------------------------------------------------

# Copyright marks: a line is furniture from the mark to its end.
COPYRIGHT_MARKS = [r"저작권자", r"ⓒ", r"©", r"Copyright", r"All rights reserved"]
# Copyright notices: furniture as a short line of their own ("○○일보 무단전재 및 재배포 금지").
COPYRIGHT_NOTICES = [r"무단\s*전재", r"재배포\s*금지", r"AI\s*학습\s*(?:및\s*)?활용\s*금지"]

# Journalist roles that end a byline ("○○○ 기자").
BYLINE_ROLES = [
    "선임기자", "전문기자", "객원기자", "인턴기자", "수습기자", "기자",
    "특파원", "논설위원", "편집위원", "통신원",
]
# Words that introduce a contributor line ("글 ○○○ (...)").
BYLINE_LEADS = ["기자명", "글", "정리", "취재", "사진", "그래픽", "기고"]
# Desks signing an article instead of a person ("○○ 편집부").
BYLINE_DESKS = ["편집부", "편집국", "뉴스팀", "취재팀", "저널리즘팀", "디지털팀"]

# Phrases that make a short line a share/subscribe/comment/UI widget on their own.
WIDGET_STRONG = [
    r"공유하기", r"기사를?\s*공유", r"공유\s*버튼", r"SNS\s*공유", r"URL\s*복사",
    r"링크\s*복사", r"구독하기", r"구독\s*신청", r"뉴스레터\s*구독", r"무료\s*구독",
    r"이메일로\s*받아", r"글씨\s*(?:키우기|줄이기|크기)", r"글자\s*크기",
    r"본문\s*듣기", r"기사\s*듣기", r"의견을\s*남겨", r"로그인\s*후",
    r"댓글\s*(?:정렬|쓰기|달기|삭제|수정|모음|보기)", r"BEST\s*댓글",
    r"추천수", r"이메일\s*주소는\s*공개되지", r"필수\s*필드는", r"개인정보처리방침",
    r"기사\s*제보", r"오탈자\s*신고", r"맨\s*위로",
]
# Words that are furniture only when a short line consists of nothing else.
WIDGET_WEAK = [
    r"실시간", r"카테고리\s*없음", r"전체\s*메뉴", r"모바일\s*버전", r"PC\s*버전",
    r"홈", r"메뉴", r"검색", r"로그인", r"로그아웃", r"회원가입", r"목록", r"글쓰기",
    r"인쇄", r"프린트", r"스크랩", r"이전", r"다음", r"닫기", r"더\s*보기", r"TOP",
    r"댓글", r"답글", r"추천", r"비추천", r"신고", r"삭제", r"공감순", r"최신순",
    r"과거순", r"좋아요", r"싫어요", r"화나요", r"슬퍼요", r"놀랐어요", r"훈훈해요",
    r"추천해요", r"(?:추가취재|후속기사)\s*원해요", r"카카오톡", r"카카오스토리",
    r"페이스북", r"트위터", r"엑스", r"밴드", r"네이버", r"링크드인", r"텔레그램",
    r"Comments?", r"Share", r"Print", r"Facebook", r"Twitter",
]
# Short lines that open the comment area; everything after them is furniture.
COMMENT_HEADERS = [
    r"(?:BEST\s*)?댓글(?:\s*\(?\d+\)?)?(?:\s*[|·].*)?",
    r"\d*\s*개의\s*댓글",
    r"\d*\s*Comments?",
    r"답글\s*남기기",
    r"(?:이\s*기사에\s*대한\s*)?의견을\s*남겨\s*주세요.*",
    r"댓글\s*(?:쓰기|달기|정렬)",
]
# Headers of related / most-read article lists; the short lines after them are
# headlines. They close a short line, after at most a short prefix ("[○○일보 많이 본 기사]").
LIST_HEADERS = [
    r"관련\s*(?:기사|뉴스)", r"많이\s*(?:본|읽은)\s*(?:기사|뉴스)", r"인기\s*(?:기사|뉴스)",
    r"주요\s*(?:뉴스|기사)", r"추천\s*(?:기사|뉴스)", r"최신\s*(?:기사|뉴스)",
    r"함께\s*(?:보면\s*좋은|볼만한|읽으면\s*좋은|읽을만한)\s*(?:기사|뉴스)",
    r"다른\s*기사", r"핫\s*이슈", r"랭킹\s*뉴스", r"포토\s*뉴스", r"이전\s*글", r"다음\s*글",
]
# Headers that count only when they are the whole line (they occur in body text too).
LIST_HEADERS_EXACT = [r"출처", r"참고\s*자료", r"참고\s*문헌", r"Sources?", r"References?"]

# Labels of a tag line ("관련 태그  #러트닉  #반도체관세").
TAG_LABELS = [r"관련\s*태그", r"태그", r"키워드", r"Tags?"]

# HTML: class/id tokens of page regions that are never article text.
HTML_NOISE_TOKENS = {
    "comment", "comments", "reply", "related", "share", "sharing", "sns", "social",
    "ad", "ads", "advert", "advertisement", "banner", "popular", "ranking",
    "recommend", "subscribe", "newsletter", "breadcrumb", "breadcrumbs", "cookie",
    "sidebar", "gnb", "lnb", "menu", "copyright", "hidden", "sr-only", "blind",
}
# HTML: class/id fragments (separators removed) that mark the article body.
HTML_BODY_HINTS = [
    "articlebody", "articlecontent", "articletext", "articletxt", "articleview",
    "newsbody", "newscontent", "newsview", "newsct", "storybody", "entrycontent",
    "postcontent", "viewcontent", "contentarea",
]


def alternation(words: list[str]) -> str:
    """One regex group matching any entry, longest first so 입력일 wins over 입력."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(w if _is_regex(w) else re.escape(w) for w in ordered) + ")"


def _is_regex(word: str) -> bool:
    return any(ch in word for ch in "\\[(?*+|")
