#!/usr/bin/env python3
"""Benchmark ``factcheck``: start-up, time to first output, throughput, peak memory.

    .venv/bin/python scripts/benchmark.py              # 300 synthetic articles, print a table
    .venv/bin/python scripts/benchmark.py --write      # ... and update docs/benchmark.md
    .venv/bin/python scripts/benchmark.py --corpus DIR # measure a folder of real articles
    .venv/bin/python scripts/benchmark.py --profile    # also print a cProfile of one warm check

What is measured:

1. Start-up. ``factcheck --help`` as a subprocess (median of 5), next to a bare
   ``python -c pass``; a probe process imports ``factcheck.cli``, runs ``--help`` and
   lists which heavy modules got imported (spaCy and Kiwi must not be).
   Time to first output: ``factcheck check ONE_ARTICLE --out report.html`` as a
   subprocess, polling for the report file; the time until it exists and until
   the process ends (median of 3).
2. Throughput, in this process: loading the models, a first ``check`` of N
   articles (it also builds Kiwi's dictionary with the rule gazetteer), then warm
   ``check`` runs of the same articles (what a long-running process sees; the
   fastest of ``--repeat`` counts, since other load only ever adds time), with the
   stage times from ``Result.timings``; then warm checks of smaller and larger
   prefixes of the corpus (N/4, N/2, 2N by default) to show how the cost grows.
3. Peak memory: ``factcheck check`` of 1 and of N articles (HTML and JSON reports
   written) as child processes; ``ru_maxrss`` of each child from ``os.wait4``,
   so that the benchmark's own memory does not count.

4. CI (``--ci``, a separate run of about 4 minutes): one new article checked by
   ``factcheck ci --changed`` against 2,000 articles whose facts are cached,
   next to a cold full ``factcheck check --no-cache`` of the same corpus, both as
   child processes; the target is at most 10 % of the cold time.

The corpus comes from scripts/make_corpus.py (seeded, deterministic) and is
written to bench/out/, which git ignores. Keep the default run under ~3 minutes
on 2 cores.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DOC = ROOT / "docs" / "benchmark.md"
BEGIN, END = "<!-- benchmark:begin -->", "<!-- benchmark:end -->"
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
HEAVY_MODULES = ("spacy", "thinc", "kiwipiepy", "pandas", "numpy", "jinja2", "rapidfuzz", "yaml")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus  # noqa: E402


# --- helpers ---------------------------------------------------------------------------

def factcheck_command() -> list[str]:
    """The installed console script next to this Python, else ``python -m factcheck.cli``."""
    script = Path(sys.executable).with_name("factcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck.cli"]


def run_child(cmd: list[str], watch: Path | None = None, timeout: float = 600) -> dict:
    """Run ``cmd``; return wall time, exit code, peak RSS (``ru_maxrss`` via wait4)
    and, if ``watch`` is given, the time until that file first exists."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        seen = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            now = time.perf_counter() - start
            if watch is not None and seen is None and watch.exists():
                seen = now
            if pid:
                break
            if now > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # we reaped it ourselves
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if watch is not None and seen is None and watch.exists():
        seen = wall
    return {"wall": wall, "rc": proc.returncode, "maxrss_mb": usage.ru_maxrss / 1024,
            "first_output": seen, "stderr": stderr}


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def kb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1024


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def severities(result) -> str:
    counts: dict[str, int] = {}
    for c in result.conflicts:
        counts[c.severity] = counts.get(c.severity, 0) + 1
    return ", ".join(f"{counts[s]} {s}" for s in ("high", "medium", "low") if s in counts) or "none"


def stages(result) -> dict[str, float]:
    t = result.timings
    ingest, extract, total = t.get("ingest", 0.0), t.get("extract", 0.0), t.get("total", 0.0)
    return {"ingest": ingest, "extract": extract, "compare": max(0.0, total - ingest - extract), "total": total}


def machine() -> dict:
    info = {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": "", "ram_gb": None,
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = int(line.split()[1]) / 1024 / 1024
    for package in ("factcheck", "kiwipiepy", "spacy"):
        try:
            info[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            info[package] = "?"
    return info


# --- measurements ---------------------------------------------------------------------------

PROBE = f"""
import contextlib, io, json, sys, time
t = time.perf_counter()
from factcheck.cli import main
imported = time.perf_counter() - t
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["--help"])
    except SystemExit:
        pass
print(json.dumps({{"import_s": imported,
                  "heavy": [m for m in {HEAVY_MODULES!r} if m in sys.modules]}}))
"""


def measure_startup(repeat: int = 5) -> dict:
    cmd = factcheck_command()
    help_runs = [run_child(cmd + ["--help"]) for _ in range(repeat)]
    if any(r["rc"] != 0 for r in help_runs):
        raise RuntimeError(f"factcheck --help failed: {help_runs[0]['stderr'][-2000:]}")
    bare = [run_child([sys.executable, "-c", "pass"])["wall"] for _ in range(repeat)]
    probes = []
    for _ in range(3):
        probe = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT)
        if probe.returncode != 0:
            raise RuntimeError(f"import probe failed: {probe.stderr[-2000:]}")
        probes.append(json.loads(probe.stdout.strip().splitlines()[-1]))
    return {"help_s": statistics.median(r["wall"] for r in help_runs), "help_min": min(r["wall"] for r in help_runs),
            "python_s": statistics.median(bare), "import_s": min(p["import_s"] for p in probes),
            "heavy": sorted({h for p in probes for h in p["heavy"]}),
            "help_rss_mb": statistics.median(r["maxrss_mb"] for r in help_runs)}


def measure_first_output(article: Path, work: Path, repeat: int = 3) -> dict:
    runs = []
    for i in range(repeat):
        html = work / f"first-{i}.html"
        html.unlink(missing_ok=True)
        r = run_child(factcheck_command() + ["check", str(article), "--out", str(html), "-q"], watch=html)
        if r["rc"] != 0 or r["first_output"] is None:
            raise RuntimeError(f"factcheck check (1 article) failed, exit {r['rc']}: {r['stderr'][-2000:]}")
        runs.append(r)
    return {"html_s": statistics.median(r["first_output"] for r in runs),
            "html_min": min(r["first_output"] for r in runs),
            "exit_s": statistics.median(r["wall"] for r in runs), "exit_min": min(r["wall"] for r in runs),
            "rss_mb": max(r["maxrss_mb"] for r in runs), "kb": article.stat().st_size / 1024}


MODEL_ONLY = """
from factcheck.analyze import get_nlp
get_nlp()("이재명 대통령이 1일 샘 올트먼 CEO를 만났다.")
"""


def measure_model_memory() -> dict:
    r = run_child([sys.executable, "-c", MODEL_ONLY])
    if r["rc"] != 0:
        raise RuntimeError(f"model probe failed: {r['stderr'][-2000:]}")
    return {"rss_mb": r["maxrss_mb"], "wall": r["wall"]}


def measure_cli(files: list[Path], work: Path) -> dict:
    html, js = work / "cli.html", work / "cli.json"
    r = run_child(factcheck_command() + ["check", *map(str, files), "--out", str(html), "--json", str(js), "-q"])
    if r["rc"] != 0:
        raise RuntimeError(f"factcheck check ({len(files)} articles) failed, exit {r['rc']}: {r['stderr'][-2000:]}")
    return {"wall": r["wall"], "rss_mb": r["maxrss_mb"],
            "html_kb": html.stat().st_size / 1024, "json_kb": js.stat().st_size / 1024}


def timed_check(check, files: list[Path], repeat: int):
    """The fastest of ``repeat`` runs (other processes only ever add time) and its result."""
    best = None
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        result = check(files)
        wall = time.perf_counter() - t
        if best is None or wall < best[1]:
            best = (result, wall)
    return best


def measure_inprocess(files: list[Path], scale: list[list[Path]], profile: bool, repeat: int = 3) -> dict:
    t = time.perf_counter()
    from factcheck.analyze import get_kiwi, get_nlp
    from factcheck.pipeline import check

    get_kiwi()
    get_nlp()
    load = time.perf_counter() - t

    t = time.perf_counter()
    first = check(files)
    first_wall = time.perf_counter() - t
    warm, warm_wall = timed_check(check, files, repeat)
    if first.problems:
        print(f"benchmark: {len(first.problems)} input problem(s), e.g. {first.problems[0]}", file=sys.stderr)

    rows = []
    for subset in scale:
        if len(subset) == len(files):
            result, wall = warm, warm_wall
        else:
            result, wall = timed_check(check, subset, min(repeat, 2))
        rows.append({"n": len(result.articles), "kb": kb(subset), "wall": wall, "facts": len(result.facts),
                     "conflicts": len(result.conflicts), **{k: v for k, v in stages(result).items() if k != "total"}})

    prof = None
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        check(files)
        profiler.disable()
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(30)
        prof = buffer.getvalue()

    return {"load": load, "first_wall": first_wall, "first_stages": stages(first), "warm_wall": warm_wall,
            "warm_stages": stages(warm), "n": len(warm.articles), "facts": len(warm.facts),
            "conflicts": len(warm.conflicts), "severities": severities(warm), "scale": rows,
            "profile": prof, "repeat": repeat}


# --- report -------------------------------------------------------------------------------------

def markdown(m: dict) -> str:
    info, corpus = m["machine"], m["corpus"]
    lines = [
        f"Measured {info['date']} on {info['nproc']} CPUs ({info['usable_cpus']} usable"
        + (f", {info['cpu']}" if info["cpu"] else "") + ")"
        + (f", {info['ram_gb']:.1f} GiB RAM" if info["ram_gb"] else "")
        + f", {info['platform']}, Python {info['python']}; factcheck {info['factcheck']},"
          f" kiwipiepy {info['kiwipiepy']}, spaCy {info['spacy']}"
        + (f"; 1-minute load average {info['load']:.2f} at the start" if info["load"] is not None else "")
        + (f", {m['load_end']:.2f} at the end" if m.get("load_end") is not None else "") + ".",
        "",
        f"Corpus: {corpus['description']}, {corpus['n']} articles, {corpus['kb']:.0f} KB"
        f" ({corpus['kb'] / max(1, corpus['n']):.1f} KB per article on average).",
        "",
        "| Measure | Result |",
        "|---|---|",
    ]
    s = m.get("startup")
    if s:
        heavy = ", ".join(s["heavy"]) if s["heavy"] else "none"
        nlp = [h for h in s["heavy"] if h in ("spacy", "thinc", "kiwipiepy")]
        lines += [
            f"| `factcheck --help`, wall (median of 5; best) | {fmt_s(s['help_s'])}; {fmt_s(s['help_min'])}"
            f" (bare `python -c pass`: {fmt_s(s['python_s'])}) |",
            f"| import of `factcheck.cli` (best of 3) | {fmt_s(s['import_s'])}; NLP model loaded:"
            f" {'**yes** (' + ', '.join(nlp) + ')' if nlp else 'no'}; heavy modules imported: {heavy} |",
        ]
    f = m.get("first")
    if f:
        lines += [
            f"| Time to first output: `factcheck check` of 1 article ({f['kb']:.1f} KB),"
            f" HTML report exists (median of 3; best) | {fmt_s(f['html_s'])}; {fmt_s(f['html_min'])} |",
            f"| ... process ended | {fmt_s(f['exit_s'])}; {fmt_s(f['exit_min'])} |",
        ]
    p = m.get("inprocess")
    if p:
        n, ckb = p["n"], corpus["kb"]
        fs, ws = p["first_stages"], p["warm_stages"]
        lines += [
            f"| In-process model load (Kiwi + spaCy) | {fmt_s(p['load'])} |",
            f"| `check` of {n} articles, first in the process | {fmt_s(p['first_wall'])}"
            f" ({n / p['first_wall']:.1f} articles/s; ingest {fmt_s(fs['ingest'])}, extract {fmt_s(fs['extract'])},"
            f" compare {fmt_s(fs['compare'])}) |",
            f"| `check` of {n} articles, warm (best of {p['repeat']} further runs) | {fmt_s(p['warm_wall'])}"
            f" (**{n / p['warm_wall']:.1f} articles/s**, {ckb / p['warm_wall']:.0f} KB/s; ingest {fmt_s(ws['ingest'])},"
            f" extract {fmt_s(ws['extract'])}, compare {fmt_s(ws['compare'])}) |",
            f"| Facts / conflicts found | {p['facts']} / {p['conflicts']} ({p['severities']}) |",
        ]
    c = m.get("cli")
    if c:
        lines += [
            f"| `factcheck check` CLI of {corpus['n']} articles with HTML + JSON reports, wall | {fmt_s(c['wall'])}"
            f" (HTML {c['html_kb']:.0f} KB, JSON {c['json_kb']:.0f} KB) |",
        ]
    mo = m.get("model")
    if f or c or mo:
        lines.append("| Peak memory (child `ru_maxrss`) | "
                     + "; ".join(x for x in (mo and f"models only (Kiwi + spaCy, one sentence): {mo['rss_mb']:.0f} MB",
                                             f and f"CLI, 1 article: {f['rss_mb']:.0f} MB",
                                             c and f"CLI, {corpus['n']} articles: {c['rss_mb']:.0f} MB") if x)
                     + " |")
    if p and p["scale"]:
        lines += ["", "Warm `check`, in-process, on prefixes of the corpus (best of 2 runs; the"
                  " corpus row repeats the line above):", "",
                  "| Articles | KB | Wall | Articles/s | Ingest | Extract | Compare | Facts | Conflicts |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in p["scale"]:
            lines.append(f"| {r['n']} | {r['kb']:.0f} | {fmt_s(r['wall'])} | {r['n'] / r['wall']:.1f} |"
                         f" {fmt_s(r['ingest'])} | {fmt_s(r['extract'])} | {fmt_s(r['compare'])} |"
                         f" {r['facts']} | {r['conflicts']} |")
    if m["errors"]:
        lines += ["", "Failed measurements:", ""] + [f"- {e}" for e in m["errors"]]
    lines += ["", f"Benchmark run time: {m['elapsed']:.0f} s (`{m['command']}`)."]
    return "\n".join(lines) + "\n"


DOC_TEMPLATE = """# Benchmark

`scripts/benchmark.py` measures how fast `factcheck` starts, how long one article
takes to produce a report, how many articles per second `check` handles and how
much memory a run needs. Run it with the project's environment:

    .venv/bin/python scripts/benchmark.py            # print the table
    .venv/bin/python scripts/benchmark.py --write    # and update this file

The corpus is synthetic (`scripts/make_corpus.py`, seeded): Korean news articles
built from templates, with page furniture, date lines, hedged figures with
억/조/만, quotes, places, and deliberate disagreements between articles of one
story. It is written to `bench/out/`, which git ignores. `--corpus DIR` measures a
folder of real articles instead.

## Results

{begin}
{end}
"""


def write_doc(table: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else DOC_TEMPLATE.format(begin=BEGIN, end=END)
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n## Results\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(f"{head}{BEGIN}\n{table}{END}{tail}", encoding="utf-8")


# --- CI: one new article against a cached corpus -----------------------------------------------

CI_BEGIN, CI_END = "<!-- benchmark-ci:begin -->", "<!-- benchmark-ci:end -->"
CI_TARGET = 0.10  # of a cold full check of the same corpus
CI_HEADING = """## CI: one new article against a cached corpus

`scripts/benchmark.py --ci` (about 4 minutes; `--write` updates this section only)
measures what a pull request that adds one article costs with the fact cache of
`factcheck ci`: the facts of the 2,000 corpus articles come from
`.factcheck/cache.sqlite`, only the new article is analysed, and comparison
judges the pairs that involve it. Every timing is a child process, model loading
included, as a CI job sees it. The new article is a corpus article with an added
paragraph: new bytes (a cache miss) and a story with conflicts to find.
"""


def new_article(source: Path, k: int) -> str:
    follow_up = f"(추가 {k}) 관계자는 후속 협의가 이어질 것이라고 전했다."
    return source.read_text(encoding="utf-8") + f"\n\n{follow_up}\n"


def measure_ci(n: int, seed: int, work: Path, repeat: int = 3) -> dict:
    folder = OUT / f"ci-corpus-{n}-seed{seed}"
    if folder.exists():
        shutil.rmtree(folder)
    make_corpus(folder, n, seed)
    files = article_files(folder)
    fc = factcheck_command()

    def ci(new: Path, *extra: str) -> tuple[dict, dict]:
        out = work / "ci.json"
        r = run_child(fc + ["ci", "--changed", "--corpus", str(folder), str(new), "--format", "json",
                            "--output", str(out), "-q", *extra], timeout=1800)
        if r["rc"] not in (0, 1):
            raise RuntimeError(f"factcheck ci failed, exit {r['rc']}: {r['stderr'][-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
        if report["ci"]["changed"] != [str(new)]:
            raise RuntimeError(f"factcheck ci checked {report['ci']['changed']}, not {new}")
        return r, report

    def cold_check(*output: str) -> dict:
        r = run_child(fc + ["check", str(folder), "--no-cache", "-q", *output], timeout=1800)
        if r["rc"] != 0:
            raise RuntimeError(f"cold check failed, exit {r['rc']}: {r['stderr'][-2000:]}")
        return r

    # Both sides write their JSON report: the cold check of the corpus, ci of the change;
    # then both with their HTML report (check's default output, the workflow's --html).
    cold = cold_check("--no-html", "--json", str(work / "cold.json"))
    cold_html = cold_check("--out", str(work / "cold.html"))
    first = folder / "new-0.txt"
    first.write_text(new_article(files[0], 0), encoding="utf-8")
    fill, _ = ci(first)  # empty cache: analyses everything and fills it
    first.unlink()
    runs = []
    for k in range(1, repeat + 1):
        new = folder / f"new-{k}.txt"
        new.write_text(new_article(files[k * 7 % len(files)], k), encoding="utf-8")
        runs.append(ci(new))
        new.unlink()  # the next run again has exactly the corpus cached
    new = folder / "new-html.txt"
    new.write_text(new_article(files[11], 11), encoding="utf-8")
    warm_html, _ = ci(new, "--html", str(work / "ci.html"))
    new.unlink()
    alone = work / "alone"
    alone.mkdir()
    (alone / "new.txt").write_text(new_article(files[0], 99), encoding="utf-8")
    single = run_child(fc + ["ci", "--changed", "--corpus", str(alone), str(alone / "new.txt"), "-q",
                             "--no-cache"])
    warm = statistics.median(r["wall"] for r, _ in runs)
    cache_file = folder / ".factcheck" / "cache.sqlite"
    return {"n": len(files), "kb": kb(files), "cold": cold["wall"], "cold_rss_mb": cold["maxrss_mb"],
            "fill": fill["wall"], "warm": warm, "warm_best": min(r["wall"] for r, _ in runs),
            "warm_rss_mb": max(r["maxrss_mb"] for r, _ in runs), "single": single["wall"],
            "conflicts": [len(report["conflicts"]) for _, report in runs],
            "cache_mb": cache_file.stat().st_size / 1024 / 1024 if cache_file.exists() else None,
            "ratio": warm / cold["wall"], "cold_html": cold_html["wall"], "warm_html": warm_html["wall"]}


def ci_markdown(m: dict, c: dict) -> str:
    info = m["machine"]
    verdict = "within" if c["ratio"] <= CI_TARGET else "**over**"
    lines = [
        f"Measured {info['date']} on {info['nproc']} CPUs ({info['usable_cpus']} usable), Python {info['python']};"
        f" factcheck {info['factcheck']}. Corpus: synthetic (`scripts/make_corpus.py`, seed {m['seed']}),"
        f" {c['n']} articles, {c['kb']:.0f} KB.",
        "",
        "| Measure | Result |",
        "|---|---|",
        f"| Cold full check: `factcheck check CORPUS --no-cache --no-html --json FILE` | {fmt_s(c['cold'])}"
        f" (peak {c['cold_rss_mb']:.0f} MB) |",
        f"| First `factcheck ci --changed NEW --format json --output FILE` (empty cache: analyses all,"
        f" fills the cache) | {fmt_s(c['fill'])}"
        + (f"; cache {c['cache_mb']:.1f} MB |" if c["cache_mb"] is not None else " |"),
        f"| `factcheck ci --changed NEW`, {c['n']} articles cached (median of {len(c['conflicts'])}; best)"
        f" | **{fmt_s(c['warm'])}**; {fmt_s(c['warm_best'])} (peak {c['warm_rss_mb']:.0f} MB;"
        f" conflicts with the new article: {', '.join(map(str, c['conflicts']))}) |",
        f"| ... as a share of the cold check | **{c['ratio'] * 100:.1f} %**"
        f" ({verdict} the {CI_TARGET * 100:.0f} % target) |",
        f"| With the HTML report on both sides: `check CORPUS --no-cache` (its default output) vs"
        f" `ci --changed NEW --html FILE` | {fmt_s(c['cold_html'])} vs {fmt_s(c['warm_html'])}"
        f" ({c['warm_html'] / c['cold_html'] * 100:.1f} %) |",
        f"| `factcheck ci` of the new article alone, no corpus, no cache (start-up and models)"
        f" | {fmt_s(c['single'])} |",
        "",
        f"Benchmark run time: {m['elapsed']:.0f} s (`{m['command']}`).",
    ]
    return "\n".join(lines) + "\n"


def write_ci_doc(table: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else DOC_TEMPLATE.format(begin=BEGIN, end=END)
    if CI_BEGIN not in text or CI_END not in text:
        text = text.rstrip("\n") + f"\n\n{CI_HEADING}\n{CI_BEGIN}\n{CI_END}\n"
    head, rest = text.split(CI_BEGIN, 1)
    _, tail = rest.split(CI_END, 1)
    DOC.write_text(f"{head}{CI_BEGIN}\n{table}{CI_END}{tail}", encoding="utf-8")


def main_ci(args, argv) -> int:
    started = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-ci-", dir=OUT))
    print(f"benchmark: CI, 1 new article against {args.ci_articles} cached ...", file=sys.stderr, flush=True)
    try:
        c = measure_ci(args.ci_articles, args.seed, work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    m = {"machine": machine(), "seed": args.seed, "elapsed": time.perf_counter() - started,
         "command": "scripts/benchmark.py " + " ".join(argv if argv is not None else sys.argv[1:])}
    table = ci_markdown(m, c)
    print(table)
    if args.write:
        write_ci_doc(table)
        print(f"benchmark: wrote the CI section of {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0 if c["ratio"] <= CI_TARGET else 1


# --- main -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark factcheck (see the module docstring).")
    parser.add_argument("-n", type=int, default=300, help="synthetic articles to check (default 300)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--corpus", type=Path, help="measure this folder of articles instead of a synthetic one")
    parser.add_argument("--scale", default="0.25,0.5,2",
                        help="extra corpus sizes for the scaling table, as fractions of N ('' to skip)")
    parser.add_argument("--write", action="store_true", help=f"update {DOC.relative_to(ROOT)}")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one warm check")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs of the full corpus; the fastest counts")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                        help="first wait up to SECONDS for the 1-minute load average to drop below 0.5")
    parser.add_argument("--ci", action="store_true",
                        help="measure only factcheck ci: one new article against a cached corpus (see 4.)")
    parser.add_argument("--ci-articles", type=int, default=2000, help="corpus size for --ci (default 2000)")
    args = parser.parse_args(argv)
    deadline = time.monotonic() + args.wait_idle
    while args.wait_idle and os.getloadavg()[0] >= 0.5 and time.monotonic() < deadline:
        time.sleep(5)
    if args.ci:
        return main_ci(args, argv)
    started = time.perf_counter()
    fractions = [float(x) for x in args.scale.split(",") if x.strip()]

    if args.corpus:
        all_files = article_files(args.corpus)
        if not all_files:
            parser.error(f"{args.corpus}: no articles")
        files = all_files[: args.n] if args.n < len(all_files) else all_files
        description = f"`{args.corpus}`"
        fractions = [x for x in fractions if x <= 1]
    else:
        largest = max([args.n] + [round(args.n * x) for x in fractions])
        folder = OUT / f"corpus-{largest}-seed{args.seed}"
        if folder.exists():
            shutil.rmtree(folder)
        make_corpus(folder, largest, args.seed)
        all_files = article_files(folder)
        files = all_files[: args.n]
        description = f"synthetic (`scripts/make_corpus.py`, seed {args.seed})"
    sizes = sorted({len(files)} | {min(len(all_files), max(1, round(len(files) * x))) for x in fractions})
    scale = [all_files[:k] for k in sizes]

    m: dict = {"machine": machine(), "errors": [],
               "corpus": {"n": len(files), "kb": kb(files), "description": description},
               "command": "scripts/benchmark.py " + " ".join(argv if argv is not None else sys.argv[1:])}
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-", dir=OUT))

    def step(name: str, fn):
        print(f"benchmark: {name} ...", file=sys.stderr, flush=True)
        try:
            return fn()
        except Exception as error:  # report and go on with the other measurements
            traceback.print_exc()
            m["errors"].append(f"{name}: {type(error).__name__}: {str(error).strip().splitlines()[-1] if str(error).strip() else ''}")
            return None

    try:
        m["startup"] = step("start-up", measure_startup)
        m["first"] = step("time to first output", lambda: measure_first_output(min(files, key=lambda p: p.stat().st_size), work))
        m["model"] = step("model memory", measure_model_memory)
        m["cli"] = step(f"CLI check of {len(files)} articles (peak memory)", lambda: measure_cli(files, work))
        m["inprocess"] = step(f"in-process check of {len(files)} articles",
                              lambda: measure_inprocess(files, scale, args.profile, args.repeat))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    m["elapsed"] = time.perf_counter() - started
    m["load_end"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None

    table = markdown(m)
    print(table)
    if m.get("inprocess") and m["inprocess"].get("profile"):
        print("cProfile of one warm check (cumulative):\n")
        print(m["inprocess"]["profile"])
    if args.write:
        if m["errors"]:
            print(f"benchmark: not writing {DOC.relative_to(ROOT)}: some measurements failed", file=sys.stderr)
        else:
            write_doc(table)
            print(f"benchmark: wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 1 if m["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
