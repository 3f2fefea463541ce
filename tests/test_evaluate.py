"""Scoring against labeled corpora: hand-made reports with known figures, gold
errors, and a differential check against the reference scorer when it is present."""
from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import json
import random
import sys
from pathlib import Path

import pytest
import yaml

from factcheck.evaluate import GoldError, Score, format_score, load_gold, score_path, score_report

CORPORA = Path(__file__).parent / "data" / "corpora"
DEV = CORPORA / "dev-tariff"
SEEDS = CORPORA / "seeds"
REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score.py"


def occurrences(text: str, surface: str) -> list[int]:
    found, i = [], text.find(surface)
    while i >= 0:
        found.append(i)
        i = text.find(surface, i + 1)
    return found


class Report:
    """Builds a report dict in the EVAL.md schema, one fact per quoted surface."""

    def __init__(self, corpus: Path):
        self.corpus = corpus
        files = sorted(p.name for p in corpus.glob("*.txt"))
        self.ids = {f: f"a{n}" for n, f in enumerate(files, 1)}
        self.data = {
            "schema": "factcheck-report/1",
            "articles": [{"id": self.ids[f], "path": f"corpora/{corpus.name}/{f}"} for f in files],
            "facts": [],
            "conflicts": [],
        }

    def fact(self, file: str, surface: str, occurrence: int = 1, shift: tuple[int, int] = (0, 0)) -> str:
        text = (self.corpus / file).read_bytes().decode("utf-8")
        start = occurrences(text, surface)[occurrence - 1] + shift[0]
        end = start + len(surface) + shift[1] - shift[0]
        fid = f"f{len(self.data['facts']) + 1}"
        self.data["facts"].append({"id": fid, "article": self.ids[file], "text": text[start:end],
                                   "start": start, "end": end})
        return fid

    def conflict(self, cid: str, facts: list[str], severity: str = "medium",
                 status: str = "open", kind: str = "numeric_value", explanation: str = "") -> None:
        self.data["conflicts"].append({"id": cid, "kind": kind, "severity": severity, "facts": facts,
                                       "explanation": explanation or f"explained {cid}", "status": status})


@pytest.fixture
def dev_gold() -> dict:
    return load_gold(DEV)


def test_gold_files_load():
    assert [g["id"] for g in load_gold(DEV)["conflicts"]] == [f"C{i}" for i in range(1, 12)]
    assert len(load_gold(SEEDS)["conflicts"]) == 4
    assert load_gold(SEEDS, SEEDS / "gold.yaml")["corpus"] == "seeds"


def test_hits_misses_tolerated_forbidden_dismissed(dev_gold):
    gold = copy.deepcopy(dev_gold)
    gold["may_flag"] = [{"id": "M1", "mentions": [
        {"file": "09_biznawa.txt", "surface": "최장 10년 분납"},
        {"file": "13_kmib.txt", "surface": "연 200억 달러 한도"}]}]
    r = Report(DEV)
    # K1 hits C3 (two mentions without side), severity agrees.
    r.conflict("K1", [r.fact("08_etoday.txt", "2029년 1월부터"), r.fact("13_kmib.txt", "2029년 1월까지")],
               severity="high", kind="date")
    # K2 hits C1 (side a and side b) but not C2 (only its side b); severity disagrees.
    r.conflict("K2", [r.fact("06_segye.txt", "기존보다 15% 인하"), r.fact("05_donga.txt", "25%에서 15%로")],
               severity="medium", kind="numeric_scope")
    # K3 covers two mentions on the same side b: agreeing sources, a false positive.
    r.conflict("K3", [r.fact("05_donga.txt", "25%에서 15%로", shift=(2, -1)),
                      r.fact("08_etoday.txt", "25%에서 15%로")], explanation="x" * 200)
    # K4 covers must_not_flag N1 and no gold conflict: forbidden.
    r.conflict("K4", [r.fact("11_mt.txt", "30일 X(옛 트위터)"), r.fact("12_newsway.txt", "29일(현지시간) 엑스(X)")],
               kind="date")
    # K5 hits C5 but is dismissed: not counted, C5 stays missed.
    r.conflict("K5", [r.fact("01_fnnews.txt", "3500억 달러(한화 약 455조 원)"),
                      r.fact("02_busan.txt", "3500억달러(약 487조원)")], status="dismissed")
    # K6 hits only may_flag M1: tolerated.
    r.conflict("K6", [r.fact("09_biznawa.txt", "최장 10년 분납"), r.fact("13_kmib.txt", "연 200억 달러 한도")])
    before = copy.deepcopy(gold)
    s = score_report(r.data, DEV, gold)
    assert gold == before
    assert s.corpus == "dev-tariff"
    assert (s.predicted, s.tolerated, s.true_positive, s.gold) == (4, 1, 2, 11)
    assert s.recalled == ["C1", "C3"]
    assert s.missed == ["C2", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11"]
    assert (s.precision, s.recall, s.f1, s.severity_agreement) == (0.5, 0.1818, 0.2667, 0.5)
    assert s.forbidden == [("K4", ["N1"])]
    donga = (DEV / "05_donga.txt").read_text(encoding="utf-8").find("25%에서 15%로")
    etoday = (DEV / "08_etoday.txt").read_text(encoding="utf-8").find("25%에서 15%로")
    assert s.false_positives[0] == {
        "id": "K3", "kind": "numeric_value", "explanation": "x" * 160,
        "where": [("05_donga.txt", donga + 2, donga + 9), ("08_etoday.txt", etoday, etoday + 10)]}
    assert [fp["id"] for fp in s.false_positives] == ["K3", "K4"]
    lines = format_score(s).splitlines()
    assert lines[0] == "corpus dev-tariff: 4 flagged (+1 on may_flag pairs), 11 gold"
    assert lines[1] == "missed: C2, C4, C5, C6, C7, C8, C9, C10, C11"
    assert lines[2].startswith("false positive K3 [numeric_value] " + "x" * 160 + " [('05_donga.txt', ")
    assert lines[3].startswith("false positive K4 [date] explained K4 [('11_mt.txt', ")
    assert lines[4:] == ["forbidden flag K4: covers must_not_flag N1",
                         "severity agreement on hits: 0.50",
                         "precision 0.500 recall 0.182 f1 0.267"]
    assert format_score(s, quiet=True) == "precision 0.500 recall 0.182 f1 0.267"


def test_overlap_edges_and_occurrence(dev_gold):
    r = Report(DEV)
    c3 = r.fact("13_kmib.txt", "2029년 1월까지")
    # Ending exactly where the mention starts (end exclusive) does not cover it.
    r.conflict("touch", [r.fact("08_etoday.txt", "2029년 1월부터", shift=(-3, -len("2029년 1월부터"))), c3])
    # One character of overlap is enough.
    r.conflict("one", [r.fact("08_etoday.txt", "2029년 1월부터", shift=(-3, -len("2029년 1월부터") + 1)), c3])
    # C7 picks the second "10월 29일" in 07_epochtimes: the first does not count.
    news1 = r.fact("14_news1.txt", "2025년 10월 31일")
    r.conflict("occ1", [r.fact("07_epochtimes.txt", "10월 29일", occurrence=1), news1])
    r.conflict("occ2", [r.fact("07_epochtimes.txt", "10월 29일", occurrence=2), news1])
    s = score_report(r.data, DEV, dev_gold)
    assert s.recalled == ["C3", "C7"]
    assert [fp["id"] for fp in s.false_positives] == ["touch", "occ1"]
    assert (s.predicted, s.true_positive, s.precision, s.recall, s.f1) == (4, 2, 0.5, 0.1818, 0.2667)


def test_gold_hit_wins_over_must_not_and_unknown_facts_are_ignored(dev_gold):
    r = Report(DEV)
    # Covers C5 (01 vs 02) and N4 (02 vs 05): a true positive, not a forbidden flag.
    r.conflict("both", [r.fact("01_fnnews.txt", "3500억 달러(한화 약 455조 원)"),
                        r.fact("02_busan.txt", "3500억달러(약 487조원)"),
                        r.fact("05_donga.txt", "3500억 달러(약 500조 원)"), "no-such-fact"], severity="medium")
    # A path whose file name is not in the corpus covers nothing.
    r.data["articles"].append({"id": "elsewhere", "path": "other/01_fnnews.txt:3"})
    r.data["facts"].append({"id": "fx", "article": "elsewhere", "start": 0, "end": 10_000})
    r.conflict("lost", ["fx", r.fact("02_busan.txt", "3500억달러(약 487조원)")])
    s = score_report(r.data, DEV, dev_gold)
    assert s.recalled == ["C5"] and s.forbidden == []
    assert (s.true_positive, s.predicted, s.severity_agreement) == (1, 2, 1.0)
    assert [place[0] for place in s.false_positives[0]["where"]] == ["01_fnnews.txt:3", "02_busan.txt"]


def test_empty_report_and_seed_hits():
    gold = load_gold(SEEDS)
    empty = score_report({"articles": [], "facts": [], "conflicts": []}, SEEDS, gold)
    assert empty == Score(corpus="seeds", predicted=0, tolerated=0, true_positive=0, gold=4, recalled=[],
                          missed=["C1", "C2", "C3", "C4"], precision=0.0, recall=0.0, f1=0.0,
                          severity_agreement=0.0, forbidden=[], false_positives=[])
    r = Report(SEEDS)
    r.conflict("x1", [r.fact("001_063bba629b28a43c.txt", "2029년까지 90만 웨이퍼"),
                      r.fact("003_6ac7e01af26be90b.txt", "월 90만 장")], severity="high")
    r.conflict("x2", [r.fact("000_bc1429f349696240.txt", "청와대"),
                      r.fact("002_e6d7e86e84895ee3.txt", "용산 대통령실")], severity="low")
    r.conflict("x3", [r.fact("004_143b1e4936bdc2a2.txt", "2025년 2월 4일"),
                      r.fact("000_bc1429f349696240.txt", "10월 1일")])
    s = score_report(r.data, SEEDS, gold)
    assert (s.precision, s.recall, s.f1, s.severity_agreement) == (0.6667, 0.5, 0.5714, 0.5)
    assert s.forbidden == [("x3", ["N4"])]


def test_score_path_reads_files(tmp_path):
    r = Report(SEEDS)
    r.conflict("x1", [r.fact("000_bc1429f349696240.txt", "청와대"),
                      r.fact("002_e6d7e86e84895ee3.txt", "용산 대통령실")], severity="high")
    report = tmp_path / "r.json"
    report.write_text(json.dumps(r.data, ensure_ascii=False), encoding="utf-8")
    s = score_path(report, SEEDS)
    assert (s.recalled, s.precision, s.recall) == (["C2"], 1.0, 0.25)


def _corpus(tmp_path: Path, gold: dict) -> Path:
    (tmp_path / "a.txt").write_text("한국은 3500억 달러를, 3500억 달러를 낸다.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("미국은 350조 원을 받는다.", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    return tmp_path


def _gold(*mentions: dict) -> dict:
    return {"corpus": "t", "conflicts": [{"id": "C1", "severity": "high", "mentions": list(mentions)}]}


def test_gold_error_surface_not_found(tmp_path):
    corpus = _corpus(tmp_path, _gold({"file": "a.txt", "surface": "3500억 달러"},
                                     {"file": "b.txt", "surface": "3500조 원"}))
    with pytest.raises(GoldError) as e:
        load_gold(corpus)
    assert "b.txt" in str(e.value) and "3500조 원" in str(e.value) and "C1" in str(e.value)


def test_gold_error_occurrence_out_of_range(tmp_path):
    corpus = _corpus(tmp_path, _gold({"file": "a.txt", "surface": "3500억 달러", "occurrence": 3},
                                     {"file": "b.txt", "surface": "350조 원"}))
    with pytest.raises(GoldError) as e:
        load_gold(corpus)
    assert "a.txt" in str(e.value) and "3500억 달러" in str(e.value) and "occurs 2x" in str(e.value)


def test_gold_error_missing_file_and_structure(tmp_path):
    corpus = _corpus(tmp_path, _gold({"file": "c.txt", "surface": "x"}, {"file": "b.txt", "surface": "350조 원"}))
    with pytest.raises(GoldError, match="c.txt"):
        load_gold(corpus)
    with pytest.raises(GoldError, match="two or more mentions"):
        load_gold(_corpus(tmp_path, _gold({"file": "a.txt", "surface": "3500억 달러"})))
    with pytest.raises(GoldError, match="cannot read gold file"):
        load_gold(tmp_path, tmp_path / "absent.yaml")


# --- differential check against the reference scorer --------------------------------

KINDS = ["numeric_value", "numeric_scope", "entity", "date", "attribution", None]
STATUSES = ["open", "open", "dismissed", "accepted", None]
WORDS = "가나다라 관세 인하 투자 달러 the cut [x] 'q' , % 15"


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.is_file():
        pytest.skip("reference scorer not present")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_variant(corpus: Path, rng: random.Random) -> dict:
    """The corpus gold plus may_flag entries: reused must_not pairs, gold pairs, random facts."""
    gold = yaml.safe_load((corpus / "gold.yaml").read_text(encoding="utf-8"))
    may = [{"id": f"M{n}", "mentions": copy.deepcopy(e["mentions"])}
           for n, e in enumerate(rng.sample(gold["must_not_flag"], 2), 1)]
    may.append({"id": "M3", "mentions": copy.deepcopy(rng.choice(gold["conflicts"])["mentions"])})
    for n in range(4, 7):
        pair = rng.sample(gold["facts"], 2)
        may.append({"id": f"M{n}", "mentions": [{"file": f["file"], "surface": f["surface"],
                                                  **({"occurrence": f["occurrence"]} if "occurrence" in f else {})}
                                                 for f in pair]})
    gold["may_flag"] = may
    return gold


def random_report(corpus: Path, gold: dict, rng: random.Random) -> dict:
    files = sorted(p.name for p in corpus.glob("*.txt"))
    texts = {f: (corpus / f).read_bytes().decode("utf-8") for f in files}
    entries = [e for s in ("conflicts", "must_not_flag", "may_flag") for e in gold.get(s) or []]
    articles, ids = [], {}
    for n, f in enumerate(files):
        if rng.random() < 0.05:
            continue  # no article record: facts fall back to the raw article id
        ids[f] = f"a{n}"
        path = rng.choice([f, f"{corpus.name}/{f}", f"/abs/{corpus.name}/{f}", f"{f}:2", f"x/{f}"])
        articles.append({"id": ids[f], "path": path, "published": "2025-10-30"})
    facts: list[dict] = []

    def add(file: str, start: int, end: int) -> str:
        fid = rng.choice(facts)["id"] if facts and rng.random() < 0.03 else f"f{len(facts)}"
        article = ids.get(file, file if rng.random() < 0.5 else f"a{files.index(file)}")
        fact = {"id": fid, "article": article, "start": start, "end": end, "text": texts[file][start:end]}
        if rng.random() < 0.03:
            fact["start"], fact["end"] = str(start), str(end)
        facts.append(fact)
        return fid

    def near(mention: dict) -> str:
        """A fact overlapping one occurrence of the mention, touching it, or inside it."""
        file, surface = mention["file"], mention["surface"]
        gs = rng.choice(occurrences(texts[file], surface))
        ge = gs + len(surface)
        mode = rng.random()
        if mode < 0.7:
            start = max(0, rng.randint(gs - 6, ge - 1))
            end = rng.randint(max(start + 1, gs + 1), ge + 6)
        elif mode < 0.8:
            start, end = (max(0, gs - rng.randint(1, 8)), gs) if rng.random() < 0.5 else (ge, ge + rng.randint(1, 8))
        elif mode < 0.9:
            start = end = rng.randint(gs, ge)  # empty range
        else:
            start = max(0, gs - rng.randint(0, 300))
            end = start + rng.randint(1, 40)
        return add(file, start, end)

    for _ in range(rng.randint(0, 25)):  # background facts anywhere
        f = rng.choice(files)
        start = rng.randrange(len(texts[f]))
        add(f, start, start + rng.randint(1, 30))
    conflicts = []
    for n in range(rng.randint(0, 14)):
        chosen: list[str] = []
        for _ in range(rng.choice([1, 1, 1, 2])):
            entry = rng.choice(entries)
            for m in rng.sample(entry["mentions"], min(len(entry["mentions"]), rng.randint(1, 3))):
                chosen.append(near(m))
        for _ in range(rng.choice([0, 0, 1, 2])):
            chosen.append(rng.choice(facts)["id"] if facts and rng.random() < 0.8 else "missing")
        rng.shuffle(chosen)
        c = {"id": rng.choice([f"k{n}", f"k{n}", "k0", None]), "facts": chosen,
             "kind": rng.choice(KINDS), "severity": rng.choice(["high", "medium", "low", None])}
        if rng.random() < 0.9:
            c["explanation"] = "".join(rng.choice(WORDS) for _ in range(rng.randint(0, 220)))
        status = rng.choice(STATUSES)
        if status is not None:
            c["status"] = status
        conflicts.append({k: v for k, v in c.items() if v is not None or k == "id"})
    return {"schema": "factcheck-report/1", "articles": articles, "facts": facts, "conflicts": conflicts}


def reference_output(reference, report: Path, corpus: Path, gold: Path) -> str:
    out, argv = io.StringIO(), sys.argv
    sys.argv = ["score.py", str(report), str(corpus), "--gold", str(gold)]
    try:
        with contextlib.redirect_stdout(out):
            reference.main()
    finally:
        sys.argv = argv
    return out.getvalue()


@pytest.mark.parametrize("corpus", [DEV, SEEDS], ids=lambda p: p.name)
def test_agrees_with_reference(reference, corpus, tmp_path):
    rng = random.Random(f"differential-{corpus.name}")
    golds = [load_gold(corpus)]
    for n in range(2):
        variant = gold_variant(corpus, rng)
        path = tmp_path / f"gold{n}.yaml"
        path.write_text(yaml.safe_dump(variant, allow_unicode=True, sort_keys=False), encoding="utf-8")
        golds.append(load_gold(corpus, path))
    gold_paths = [corpus / "gold.yaml", tmp_path / "gold0.yaml", tmp_path / "gold1.yaml"]
    report_path = tmp_path / "report.json"
    seen = {"tp": 0, "fp": 0, "tolerated": 0, "forbidden": 0}
    for i in range(150):
        which = i % 3
        report = random_report(corpus, golds[which], rng)
        mine = score_report(report, corpus, golds[which])
        theirs = reference.score(copy.deepcopy(report), corpus, copy.deepcopy(golds[which]))
        assert mine.as_dict() == theirs, f"report {i}"
        report_path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        assert format_score(mine) + "\n" == reference_output(reference, report_path, corpus, gold_paths[which]), i
        seen["tp"] += mine.true_positive
        seen["fp"] += len(mine.false_positives)
        seen["tolerated"] += mine.tolerated
        seen["forbidden"] += len(mine.forbidden)
    assert all(seen.values()), seen  # every branch of the rule was exercised
