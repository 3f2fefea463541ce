#!/usr/bin/env python3
"""Generate a synthetic corpus of Korean news articles for benchmarking ``factcheck``.

    python scripts/make_corpus.py OUT_DIR [-n 300] [--seed 7]

Articles are built from templates around "stories" (a deal between two
organisations: a meeting at a venue, an investment with a won conversion, a
supply volume per month and by a deadline, a market share, a tariff cut, a
multi-year plan, a quote, an acronym). Several articles report each story; a
share of them restate a figure with another scope or value, place the meeting
elsewhere, or give the quote to someone else, so that the checker has real
conflicts to find. Each file is a plain-text page with furniture (page stamps,
byline, share prompts, e-mail line, copyright, related-article list, comment
widget) and an "입력 YYYY.MM.DD HH:MM" date line; files are about 1.5-3 KB.

Everything is drawn from ``random.Random(seed)``: the same ``-n`` and ``--seed``
give byte-identical files. Write to a temporary folder or bench/out/ (ignored by
git); generated data is never committed.
"""
from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

# --- vocabularies ------------------------------------------------------------------

ORGS = ["삼성전자", "SK하이닉스", "LG에너지솔루션", "현대자동차", "한화오션", "HD현대중공업", "네이버",
        "카카오", "포스코홀딩스", "오픈AI", "엔비디아", "TSMC", "테슬라", "마이크론", "소프트뱅크",
        "아마존", "구글", "마이크로소프트", "삼성SDI", "LG전자", "기아", "SK텔레콤", "퀄컴", "브로드컴"]
# Known people (in rules/aliases.yaml) with the title news uses for them.
KNOWN_PEOPLE = [("이재명", "대통령"), ("샘 올트먼", "CEO"), ("젠슨 황", "CEO"), ("최태원", "회장"),
                ("이재용", "회장"), ("정의선", "회장"), ("구광모", "회장"), ("도널드 트럼프", "대통령"),
                ("손정의", "회장"), ("팀 쿡", "CEO"), ("사티아 나델라", "CEO"), ("하워드 러트닉", "장관")]
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구민유나진지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용"
GIVEN = "민서준도윤하지현우진수영호성재태경동훈석희정은혜미연아선주원혁철용규상병기찬빈유승환"
TITLES_GOV = [("산업통상자원부", "장관"), ("과학기술정보통신부", "장관"), ("기획재정부", "차관"),
              ("대통령실", "정책실장"), ("대통령실", "대변인"), ("국가안보실", "실장"),
              ("산업통상자원부", "통상교섭본부장"), ("금융위원회", "위원장")]
SHORT_TITLES = {"정책실장": "실장", "통상교섭본부장": "본부장", "최고재무책임자": "CFO", "대표이사": "대표"}
TITLES_BIZ = ["사장", "부사장", "대표이사", "부회장", "전무", "최고재무책임자"]
TITLES_EXPERT = [("한국개발연구원", "연구위원"), ("서울대", "교수"), ("카이스트", "교수"),
                 ("한국경제연구원", "선임연구위원"), ("대신증권", "애널리스트"), ("KB증권", "연구원")]
VENUES = ["용산 대통령실", "청와대", "서울 신라호텔", "부산 벡스코", "경주 화백컨벤션센터", "서울 롯데호텔",
          "판교 본사", "세종 정부서울청사", "여의도 국회의사당", "인천 송도컨벤시아", "워싱턴 백악관",
          "서울 코엑스", "수원 삼성전자 본사", "이천 SK하이닉스 본사"]
REGIONS = ["전남", "포항", "울산", "평택", "용인", "새만금", "충남", "경북", "부산", "광주", "대구", "청주"]
MARKETS = ["HBM", "D램", "낸드플래시", "파운드리", "전기차 배터리", "LNG선", "스마트폰", "AI 가속기"]
GOODS = [("웨이퍼", "웨이퍼"), ("장", "웨이퍼"), ("대", "차량"), ("톤", "철강재"), ("개", "모듈"), ("척", "선박")]
ITEMS = ["관세", "수수료", "법인세율", "전기요금 할인율", "수입 부담금"]
OUTLETS = ["한빛일보", "새벽경제", "미래뉴스", "테크데일리", "동해신문", "산업타임스", "아시아비즈",
           "코리아포스트", "누리경제", "바른뉴스", "서울이코노미", "디지털투데이"]
ACRONYMS = [("MASGA", ["Make American Shipbuilding Great Again", "Make America Shipbuilding Great Again"]),
            ("IRA", ["Inflation Reduction Act", "Investment Reinvestment Act"]),
            ("HBM", ["High Bandwidth Memory", "High Bit Memory"]),
            ("LOI", ["Letter of Intent", "Letter of Interest"]),
            ("CHIPS", ["Creating Helpful Incentives to Produce Semiconductors",
                       "Creating Helpful Initiatives to Produce Semiconductors"])]
# Quotes are built from four slots so that articles of one story share a quote
# and different stories almost never do.
QUOTE_SLOTS = [
    ["이번 합의는", "{a_wa} {b}의 협력은", "{region} 투자는", "{market} 사업은", "오늘 서명한 내용은",
     "양측이 확인한 원칙은", "{b}의 제안은", "새로 짓는 공장은", "우리가 준비한 계획은", "이 협력 모델은"],
    ["무엇보다", "분명히", "결국", "앞으로 상당 기간", "지금 이 시점에", "현장에서 보면", "숫자로 보면",
     "냉정하게 봐도", "누가 뭐래도", "정부 입장에서도"],
    ["{region}에서", "{b_wa} 함께", "{market} 분야에서", "{a} 안팎에서", "{region} 현장에서", "{b}의 기술로"],
    ["{market} 경쟁의 판도를", "지역 경제의 체질을", "공급망의 약한 고리를", "{a}의 수익 구조를",
     "일자리 지도를", "기술 격차를", "수출 전략을", "투자 심리를", "산업 생태계 전체를", "{region}의 미래를"],
    ["바꿔 놓을 것", "다시 짜게 만들 것", "단단하게 만들 것이다", "흔들 수 없을 것", "좌우하게 된다",
     "한 단계 끌어올릴 것", "새로 쓰게 될 것", "시험하는 무대가 될 것", "지켜내는 출발점이다", "넓혀 줄 것"],
]


def make_quote(rng: random.Random, words: dict) -> str:
    return " ".join(rng.choice(slot) for slot in QUOTE_SLOTS).format(**words)


FILLER = [
    "업계에서는 이번 결정이 {a}의 중장기 전략에 적지 않은 영향을 줄 것으로 보고 있다.",
    "{a} 관계자는 구체적인 일정과 조건은 아직 협의 중이라고 설명했다.",
    "시장에서는 후속 발표가 나오기 전까지 관망세가 이어질 것이라는 관측이 많다.",
    "{b}는 올해 들어 해외 생산 거점을 늘리며 공급망 재편에 속도를 내고 있다.",
    "증권가에서는 {a}의 내년 실적 전망치를 잇달아 올려 잡고 있다.",
    "정부는 관계 부처 합동으로 후속 지원 방안을 마련하겠다는 입장이다.",
    "다만 인력 확보와 전력 공급이 여전히 걸림돌로 꼽힌다.",
    "노동계 일각에서는 국내 일자리에 미칠 영향을 우려하는 목소리도 나온다.",
    "전문가들은 환율 변동성이 커진 만큼 계약 조건을 꼼꼼히 따져야 한다고 지적한다.",
    "{a}와 {b}의 협력은 지난해부터 물밑에서 논의돼 온 것으로 알려졌다.",
    "지방자치단체들도 유치전에 뛰어들며 경쟁이 달아오르고 있다.",
    "야당은 세부 내용을 국회에 보고하라고 요구했다.",
    "{b} 측은 공식 논평을 내지 않았지만 내부적으로는 환영하는 분위기다.",
    "이번 발표로 관련 협력사들의 주가도 일제히 강세를 보였다.",
    "해외 언론도 이번 합의를 비중 있게 다뤘다.",
]
RELATED = ["{a}, 신규 공장 착공… 총 {n}조원 투입", "[단독] {b} 협력 확대 검토", "{a} 주가 {p}% 급등",
           "정부, 첨단산업 지원책 발표", "{b} 실적 발표 앞두고 긴장감", "{region} 산업단지 조성 본격화"]
ROMAN = ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh"]


# --- Korean numbers ------------------------------------------------------------------

def korean_number(n: int) -> str:
    """1250000000000 -> '1조2500억', 900000 -> '90만', 35000000000 -> '350억'."""
    if n == 0:
        return "0"
    parts = []
    for unit, size in (("조", 10 ** 12), ("억", 10 ** 8), ("만", 10 ** 4)):
        q, n = divmod(n, size)
        if q:
            parts.append(f"{q}{unit}")
    if n:
        parts.append(str(n))
    return "".join(parts)


def has_final(word: str) -> bool:
    """Whether the word ends in a consonant when read aloud (for 은/는, 이/가, ...)."""
    last = word.rstrip()[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    if last.isdigit():
        return last in "013678"
    return last.upper() in "LMN"


def j(word: str, pair: str) -> str:
    """Word plus the right form of a particle: j('삼성전자', '은/는') -> '삼성전자는'."""
    with_final, without = pair.split("/")
    return word + (with_final if has_final(word) else without)


def quoted(q: str) -> str:
    """'“…것”이라고' or '“…이다”라고'."""
    return f"“{q}”{j(q, '이라고/라고')[len(q):]}"


def money(n: int, currency: str, rng: random.Random) -> str:
    """'3500억 달러', '487조 원', '1조2000억원' (spacing varies like real copy)."""
    space = " " if currency == "달러" or rng.random() < 0.5 else ""
    return f"{korean_number(n)}{space}{currency}"


def round_sig(x: float, digits: int = 3) -> int:
    if x <= 0:
        return 0
    magnitude = 10 ** (len(str(int(x))) - digits)
    return int(round(x / magnitude) * magnitude) if magnitude >= 1 else int(round(x))


# --- stories ----------------------------------------------------------------------------

@dataclass
class Person:
    name: str
    title: str
    org: str = ""

    @property
    def full(self) -> str:  # "산업통상자원부 김민준 장관" / "샘 올트먼 오픈AI CEO"
        return f"{self.org} {self.name} {self.title}".strip() if self.org else f"{self.name} {self.title}"

    @property
    def short(self) -> str:  # "김 장관" for a Korean name, the family name otherwise
        if " " in self.name:
            return self.name.split()[-1]
        return f"{self.name[0]} {SHORT_TITLES.get(self.title, self.title)}"


@dataclass
class Story:
    index: int
    a: str
    b: str
    leader_a: Person
    leader_b: Person
    official: Person
    expert: Person
    day: datetime            # the meeting day (KST)
    hour: int
    venue: str
    region: str
    invest_usd: int          # in dollars
    rate: float              # won per dollar used for the conversion
    volume: int              # units per month
    good: tuple[str, str]    # (counter word, thing)
    deadline: int            # year
    market: str
    share: int               # percent
    item: str
    cut_from: int
    cut_to: int
    plan_years: int
    plan_usd: int
    quote: str
    acronym: tuple[str, list[str]]
    extras: dict = field(default_factory=dict)


def korean_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def make_story(i: int, rng: random.Random, start: datetime) -> Story:
    a, b = rng.sample(ORGS, 2)
    known = rng.sample(KNOWN_PEOPLE, 2)
    leader_a = Person(*known[0])
    leader_b = Person(korean_name(rng), rng.choice(TITLES_BIZ), b) if rng.random() < 0.5 else Person(*known[1])
    org, title = rng.choice(TITLES_GOV)
    official = Person(korean_name(rng), title, org)
    org, title = rng.choice(TITLES_EXPERT)
    expert = Person(korean_name(rng), title, org)
    day = start + timedelta(days=rng.randrange(0, 60))
    invest = rng.choice([150, 200, 250, 350, 500, 700, 1200, 2000, 3500, 5000]) * 10 ** 8
    story = Story(
        index=i, a=a, b=b, leader_a=leader_a, leader_b=leader_b, official=official, expert=expert,
        day=day, hour=rng.choice([9, 10, 11, 14, 15, 16, 18]), venue=rng.choice(VENUES),
        region=rng.choice(REGIONS), invest_usd=invest, rate=rng.uniform(1360, 1460),
        volume=rng.choice([5, 10, 20, 30, 45, 60, 90, 120]) * 10 ** 4, good=rng.choice(GOODS),
        deadline=rng.choice([2027, 2028, 2029, 2030, 2032]), market=rng.choice(MARKETS),
        share=rng.choice([20, 25, 30, 35, 40, 50, 60, 70]), item=rng.choice(ITEMS),
        cut_from=rng.choice([20, 25, 30]), cut_to=rng.choice([10, 12, 15]),
        plan_years=rng.choice([3, 4, 5, 10]), plan_usd=rng.choice([100, 200, 300, 550, 800]) * 10 ** 8,
        quote="", acronym=rng.choice(ACRONYMS),
    )
    words = {"a": story.a, "a_wa": j(story.a, "과/와"), "b": story.b, "b_wa": j(story.b, "과/와"),
             "market": story.market,
             "region": story.region}
    story.quote = make_quote(rng, words)
    story.extras = {k: make_quote(rng, words) for k in ("official_quote", "expert_quote", "plan_quote")}
    return story


# Ways an article can get a figure "wrong" (or differently scoped) against the others.
PERTURBATIONS = ["scope", "value", "magnitude", "currency", "conversion", "place", "speaker",
                 "change", "period", "share", "acronym", "date"]


def article_text(story: Story, k: int, rng: random.Random, perturb: str | None) -> tuple[str, str]:
    """One article about ``story``; returns (file name stem, text)."""
    s = story
    outlet = rng.choice(OUTLETS)
    published = s.day + timedelta(days=rng.choice([0, 0, 1]))
    pub_hour = (s.hour + rng.randrange(1, 5)) if published.date() == s.day.date() else rng.randrange(6, 11)
    published = published.replace(hour=min(pub_hour, 23), minute=rng.randrange(60))
    when = f"{s.day.day}일" if published.date() == s.day.date() and rng.random() < 0.5 else \
        f"{s.day.month}월 {s.day.day}일"
    if perturb == "date":
        when = f"{s.day.month}월 {(s.day + timedelta(days=2)).day}일"
    ampm = "오전" if s.hour < 12 else "오후"
    hour12 = s.hour if s.hour <= 12 else s.hour - 12

    venue = s.venue
    if perturb == "place":
        venue = rng.choice([v for v in VENUES if v != s.venue])
    la, lb = s.leader_a, s.leader_b
    speaker = lb if perturb == "speaker" else la

    invest = s.invest_usd
    if perturb == "value":
        invest = int(invest * rng.choice([0.8, 0.9, 1.2, 1.5]))
    rate = s.rate if perturb != "conversion" else s.rate * rng.choice([0.9, 1.1])
    won = round_sig(invest * rate, 3)
    invest_text = money(invest // 1, "달러", rng)
    if perturb == "magnitude":
        invest_text = f"{invest // 10 ** 8}달러"
    elif perturb == "currency":
        invest_text = money(invest, "원", rng)
    hedge = rng.choice(["약 ", "", "", "최대 "])
    counter, thing = s.good
    vol = korean_number(s.volume)
    if perturb == "scope":
        volume_text = f"{s.deadline}년까지 {vol} {counter}"
    else:
        volume_text = f"월 {vol} {counter}"
    share = s.share if perturb != "share" else s.share + rng.choice([-10, 10, 15])
    change = f"{s.cut_to}% 인하" if perturb == "change" else f"{s.cut_to}%로 인하"
    years = s.plan_years + 1 if perturb == "period" else s.plan_years
    acro, expansions = s.acronym
    expansion = expansions[1] if perturb == "acronym" else expansions[0]

    short_quote = " ".join(s.quote.split()[:3])
    title = rng.choice([
        f"{s.a}·{s.b}, {money(invest, '달러', rng)} 규모 협력… {venue.split()[-1]}서 서명",
        f"{la.name} {la.title} “{s.quote}”",
        f"{s.a}, {j(s.b, '과/와')} {s.market} 동맹… {vol} {counter} 공급",
        f"[종합] {s.a}-{s.b} {acro} 협력 합의",
    ])
    reporter = korean_name(rng)
    email = f"{rng.choice(ROMAN)}{rng.randrange(10, 99)}@{'news' if rng.random() < .5 else 'daily'}.example.kr"

    head = [
        f"최종편집:{(published + timedelta(days=rng.randrange(20, 50))).strftime('%Y-%m-%d %H:%M')}",
        "실시간",
        title,
        "",
        f"기자명 {reporter} 기자",
        f"입력 {published.strftime('%Y.%m.%d %H:%M')}",
    ]
    if rng.random() < 0.4:
        head.append(f"수정 {(published + timedelta(hours=rng.randrange(1, 6))).strftime('%Y.%m.%d %H:%M')}")
    head += ["본문 글씨 키우기", "이 기사를 공유합니다", ""]

    sub = [f"{s.a}, {s.region}에 대규모 생산시설 구축", f"{s.deadline}년까지 {s.market} 공급 확대",
           f"“{short_quote}” 강조"]
    lead = (f"{j(la.full, '이/가')} {when} {ampm} {hour12}시 {venue}에서 {j(lb.full, '과/와')} 만나 양측의 협력 방안을 논의했다. "
            f"이 자리에서 {j(s.a, '과/와')} {j(s.b, '은/는')} {hedge}{invest_text}({'약 ' if rng.random() < .7 else ''}"
            f"{money(won // 10 ** 8 * 10 ** 8, '원', rng)}) 규모의 투자 계획을 담은 양해각서(MOU)를 체결했다.")
    # Leave out some paragraphs (articles differ) and pad with filler to a 1.5-3 KB file.
    kept = [True] + [rng.random() < 0.8 for _ in range(6)]
    # "김 장관" only after "산업통상자원부 김민준 장관" has been named
    official_again = s.official.short if kept[3] else s.official.full
    body = [
        lead,
        (f"◇ {s.region}에 생산 거점… “{short_quote}”"),
        (f"{j(s.a, '은/는')} {s.region} 지역에 신규 공장을 짓고 {volume_text}의 {j(thing, '을/를')} {s.b}에 공급하기로 했다. "
         f"이는 현재 {j(s.b, '이/가')} 확보한 물량의 {rng.choice([2, 3, 1.5])}배 수준이다."),
        (f"{speaker.name} {j(speaker.title, '은/는')} {quoted(s.quote)} 말했다. "
         f"{j(s.official.full, '은/는')} {quoted(s.extras['official_quote'])} 화답했다."),
        (f"{j(s.expert.full, '은/는')} {s.market} 시장에서 {s.a}의 점유율이 {share}%에 이른다고 분석했다. "
         f"그는 {quoted(s.extras['expert_quote'])} 내다봤다."),
        (f"양측은 {j(s.item, '을/를')} {s.cut_from}%에서 {change}하는 방안에도 합의했다. "
         f"{j(official_again, '은/는')} {quoted(s.extras['plan_quote'])} 밝혔다."),
        (f"{j(s.a, '은/는')} 향후 {years}년간 {money(s.plan_usd, '달러', rng)}를 추가로 투자할 계획이다. "
         f"업계에서는 {acro}({expansion}) 구상의 첫 결실로 평가한다."),
    ]
    keep = [p for p, k in zip(body, kept) if k]
    filler = [f.format(a=s.a, b=s.b) for f in rng.sample(FILLER, len(FILLER))]
    target = rng.randint(1500, 3000)
    tail = [
        "",
        f"{reporter} 기자 {email}",
        f"ⓒ {outlet} 무단전재 및 재배포 금지",
        "",
        "관련기사",
        *[r.format(a=s.a, b=s.b, n=rng.randrange(2, 30), p=rng.randrange(2, 15), region=s.region)
          for r in rng.sample(RELATED, 3)],
        "",
        "댓글 0",
        "로그인 후 의견을 남겨주세요",
    ]

    def render(paragraphs: list[str]) -> str:
        return "\n".join(head + sub + [""] + "\n\n".join(paragraphs).split("\n") + tail) + "\n"

    paragraphs = list(keep)
    while filler and len(render(paragraphs).encode("utf-8")) < target:
        at = rng.randrange(1, len(paragraphs) + 1)
        extra = " ".join(filler.pop() for _ in range(min(2, len(filler))))
        paragraphs.insert(at, extra)
    text = render(paragraphs)
    while len(text.encode("utf-8")) > 3000 and len(paragraphs) > 3:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
        text = render(paragraphs)
    stem = f"{published.strftime('%Y%m%d')}_{s.index:03d}_{k}"
    return stem, text


def make_corpus(out: Path, n: int = 300, seed: int = 7, conflict_rate: float = 0.35) -> list[Path]:
    """Write ``n`` articles into ``out`` (created if needed); returns the paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    start = datetime(2025, 9, 1)
    stories: list[Story] = []
    written: list[Path] = []
    while len(written) < n:
        story = make_story(len(stories), rng, start)
        stories.append(story)
        for k in range(min(rng.randint(2, 6), n - len(written))):
            perturb = rng.choice(PERTURBATIONS) if k > 0 and rng.random() < conflict_rate else None
            stem, text = article_text(story, k, rng, perturb)
            path = out / f"{len(written):04d}_{stem}.txt"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the articles into")
    parser.add_argument("-n", type=int, default=300, help="number of articles (default 300)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--conflict-rate", type=float, default=0.35,
                        help="share of follow-up articles that restate a figure differently")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.glob("*.txt")):
        print(f"make_corpus: {args.out} already holds .txt files; use an empty folder", file=sys.stderr)
        return 2
    paths = make_corpus(args.out, args.n, args.seed, args.conflict_rate)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1024:.0f} KB, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
