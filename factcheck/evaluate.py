"""Score a JSON report against a labeled corpus (the rule in shared/EVAL.md).

A predicted fact *covers* a gold mention when both sit in the same file and their
character ranges overlap. A predicted conflict *hits* a gold entry when it covers
mentions on at least two sides of it. The figures must agree to the last digit with
the reference scorer, so rounding, ordering and the text layout follow it exactly.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

Place = tuple[str, int, int]  # (file name, start, end exclusive)
SECTIONS = ("conflicts", "must_not_flag", "may_flag")


class GoldError(InputError):
    """A gold file cannot be used: bad structure, or a mention that is not in its file."""

    code = "E300"


@dataclass(frozen=True)
class Score:
    corpus: Any
    predicted: int  # flagged conflicts counted in precision
    tolerated: int  # left out: they hit only a may_flag entry
    true_positive: int
    gold: int
    recalled: list
    missed: list
    precision: float
    recall: float
    f1: float
    severity_agreement: float
    forbidden: list  # [(conflict id, [must_not_flag ids])]
    false_positives: list  # [{id, kind, explanation[:160], where: [(file, start, end)]}]

    def as_dict(self) -> dict:
        return asdict(self)


def _text(corpus: Path, file: str, cache: dict[str, str]) -> str:
    if file not in cache:
        try:
            # Offsets index the decoded bytes as they are: no newline translation.
            cache[file] = (corpus / file).read_bytes().decode("utf-8")
        except OSError as e:
            raise GoldError(str(corpus / file), f"cannot read mentioned file {file} ({e.strerror})") from e
        except UnicodeDecodeError as e:
            raise GoldError(str(corpus / file), f"mentioned file {file} is not UTF-8 ({e.reason})") from e
    return cache[file]


def mention_places(corpus_dir: Path, mention: dict, cache: dict[str, str] | None = None) -> list[Place]:
    """All places a gold mention may stand at: every occurrence, or the one it picks."""
    corpus = Path(corpus_dir)
    cache = {} if cache is None else cache
    file, surface = mention["file"], mention["surface"]
    text = _text(corpus, file, cache)
    places, i = [], text.find(surface)
    while i >= 0:  # overlapping occurrences count too, as find(i + 1) finds them
        places.append((file, i, i + len(surface)))
        i = text.find(surface, i + 1)
    if not places:
        raise GoldError(file, f"gold surface {surface!r} is not in {file}")
    occ = mention.get("occurrence")
    if occ is not None and occ != 0:  # 0/absent: any occurrence, like the reference
        if isinstance(occ, bool) or not isinstance(occ, int) or not 1 <= occ <= len(places):
            raise GoldError(file, f"gold surface {surface!r} occurs {len(places)}x in {file}, "
                                  f"occurrence {occ!r} is out of range")
        places = [places[occ - 1]]
    return places


def _sides(corpus: Path, entry: dict, cache: dict[str, str]) -> list[tuple[Any, list[Place]]]:
    # A mention without a side is a side of its own.
    return [(m.get("side", f"#{i}"), mention_places(corpus, m, cache))
            for i, m in enumerate(entry["mentions"])]


def _covers(fact_places: list[Place], places: list[Place]) -> bool:
    return any(f == g and s < ge and gs < e for f, s, e in fact_places for g, gs, ge in places)


def _hits(fact_places: list[Place], sides: list[tuple[Any, list[Place]]]) -> bool:
    return len({side for side, places in sides if _covers(fact_places, places)}) >= 2


def load_gold(corpus_dir: Path | str, gold_path: Path | str | None = None) -> dict:
    """Read and check a gold file: its structure and that every mention is in its file."""
    corpus = Path(corpus_dir)
    path = Path(gold_path) if gold_path is not None else corpus / "gold.yaml"
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldError(str(path), f"cannot read gold file ({e.strerror})") from e
    except yaml.YAMLError as e:
        raise GoldError(str(path), f"not valid YAML: {e}") from e
    if not isinstance(gold, dict):
        raise GoldError(str(path), "a gold file is a mapping with corpus, conflicts, ...")
    cache: dict[str, str] = {}
    seen: set = set()
    for section in SECTIONS:
        entries = gold.get(section) or []
        if not isinstance(entries, list):
            raise GoldError(str(path), f"{section} must be a list")
        for n, entry in enumerate(entries, 1):
            where = f"{section}[{n}]"
            if not isinstance(entry, dict) or "id" not in entry:
                raise GoldError(str(path), f"{where} needs an id")
            if entry["id"] in seen:  # recall is counted by id
                raise GoldError(str(path), f"{where}: id {entry['id']!r} is used twice")
            seen.add(entry["id"])
            mentions = entry.get("mentions")
            if not isinstance(mentions, list) or len(mentions) < 2:
                raise GoldError(str(path), f"{entry['id']}: needs two or more mentions")
            for m in mentions:
                if not isinstance(m, dict) or not m.get("file") or not m.get("surface"):
                    raise GoldError(str(path), f"{entry['id']}: a mention needs file and surface")
                try:
                    mention_places(corpus, m, cache)
                except GoldError as e:
                    raise GoldError(str(path), f"{entry['id']}: {e.message}") from e
    return gold


def score_report(report: dict, corpus_dir: Path | str, gold: dict) -> Score:
    """Score one report; `gold` is left unchanged."""
    corpus = Path(corpus_dir)
    cache: dict[str, str] = {}
    entries = {s: [(e, _sides(corpus, e, cache)) for e in gold.get(s) or []] for s in SECTIONS}
    # Gold names files, reports name articles by path: compare file names only.
    names = {a["id"]: Path(a["path"]).name for a in report.get("articles", [])}
    facts = {f["id"]: (names.get(f["article"], str(f["article"])), int(f["start"]), int(f["end"]))
             for f in report.get("facts", [])}

    def places(c: dict) -> list[Place]:
        return [facts[i] for i in c.get("facts", []) if i in facts]

    predicted, tolerated, tp, agree = 0, 0, 0, 0
    hit_ids: set = set()
    forbidden, fps = [], []
    for c in report.get("conflicts", []):
        if c.get("status") == "dismissed":
            continue
        cp = places(c)
        matched = [g for g, sides in entries["conflicts"] if _hits(cp, sides)]
        if not matched and any(_hits(cp, sides) for _, sides in entries["may_flag"]):
            tolerated += 1  # debatable pair: neither credited nor penalized
            continue
        predicted += 1
        if matched:
            tp += 1
            hit_ids.update(g["id"] for g in matched)
            agree += any(g.get("severity") == c.get("severity") for g in matched)
            continue
        fps.append({"id": c.get("id"), "kind": c.get("kind"),
                    "explanation": (c.get("explanation") or "")[:160], "where": cp})
        bad = [n["id"] for n, sides in entries["must_not_flag"] if _hits(cp, sides)]
        if bad:
            forbidden.append((c.get("id"), bad))
    gold_conflicts = [g for g, _ in entries["conflicts"]]
    recalled = [g["id"] for g in gold_conflicts if g["id"] in hit_ids]
    p = tp / predicted if predicted else 0.0
    r = len(recalled) / len(gold_conflicts) if gold_conflicts else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0  # from unrounded p and r
    return Score(
        corpus=gold.get("corpus"), predicted=predicted, tolerated=tolerated, true_positive=tp,
        gold=len(gold_conflicts), recalled=recalled,
        missed=[g["id"] for g in gold_conflicts if g["id"] not in hit_ids],
        precision=round(p, 4), recall=round(r, 4), f1=round(f1, 4),
        severity_agreement=round(agree / tp, 4) if tp else 0.0,
        forbidden=forbidden, false_positives=fps,
    )


def score_path(report_path: Path | str, corpus_dir: Path | str, gold_path: Path | str | None = None) -> Score:
    """Read a JSON report file and score it against the corpus's gold."""
    gold = load_gold(corpus_dir, gold_path)
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    return score_report(report, corpus_dir, gold)


def format_score(score: Score, quiet: bool = False) -> str:
    """The scorer's text, line for line (no trailing newline); `quiet` keeps the last line."""
    lines = []
    if not quiet:
        lines.append(f"corpus {score.corpus}: {score.predicted} flagged "
                     f"(+{score.tolerated} on may_flag pairs), {score.gold} gold")
        lines.append(f"missed: {', '.join(score.missed) or '-'}")
        lines += [f"false positive {fp['id']} [{fp['kind']}] {fp['explanation']} {fp['where']}"
                  for fp in score.false_positives]
        lines += [f"forbidden flag {cid}: covers must_not_flag {', '.join(bad)}"
                  for cid, bad in score.forbidden]
        lines.append(f"severity agreement on hits: {score.severity_agreement:.2f}")
    lines.append(f"precision {score.precision:.3f} recall {score.recall:.3f} f1 {score.f1:.3f}")
    return "\n".join(lines)
