"""GitHub Actions output: workflow-command annotations on the changed articles'
lines, and a Markdown job summary with every conflict.

GitHub shows at most 10 annotations of each level per step; the summary
(``$GITHUB_STEP_SUMMARY``) is where the rest stay visible.
"""
from __future__ import annotations

import html
import os
from collections import Counter

from .describe import evidence, message, quoted, title, where
from .outcome import Outcome
from .text import verdict

LEVELS = {"high": "error", "medium": "warning", "low": "notice"}
ANNOTATION_CAP = 10
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotated(outcome: Outcome):
    # Settled conflicts (dismissed, fixed) are not flagged on the lines again.
    return [c for c in outcome.conflicts if c.status in ("open", "confirmed")]


def render_annotations(outcome: Outcome) -> str:
    lines = []
    for c in _annotated(outcome):
        items = evidence(c, outcome)
        loc = items[0].location
        props = [("file", loc.uri), ("line", str(loc.line))]
        if loc.column is not None:
            props += [("col", str(loc.column)), ("endLine", str(loc.end_line))]
        props.append(("title", f"factcheck: {title(c)} ({c.severity}, {c.id})"))
        body = ",".join(f"{k}={escape_property(v)}" for k, v in props)
        lines.append(f"::{LEVELS.get(c.severity, 'warning')} {body}::{escape_data(message(c, items))}")
    return "".join(line + "\n" for line in lines)


def _cell(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def _place(e) -> str:
    return f"`{_cell(where(e.location))}` {_cell(quoted(e.fact))}" + (f" ({_cell(e.outlet)})" if e.outlet else "")


def summary(outcome: Outcome) -> str:
    failing = {c.id for c in outcome.failing}
    state = "error" if outcome.input_errors else ("failed" if failing and not outcome.policy.no_fail else "passed")
    out = [f"## factcheck: {len(outcome.conflicts)} conflict{'s' * (len(outcome.conflicts) != 1)}"
           f" in changed articles ({state})", "", _cell(verdict(outcome)), ""]
    levels = Counter(LEVELS.get(c.severity, "warning") for c in _annotated(outcome))
    over = {level: n for level, n in levels.items() if n > ANNOTATION_CAP}
    if over:
        out += [f"GitHub shows {ANNOTATION_CAP} annotations of each level per step; "
                + ", ".join(f"{n} {level}s" for level, n in sorted(over.items()))
                + " were emitted. Every conflict is listed here.", ""]
    for p in outcome.input_errors:
        out.append(f"- **cannot check** `{_cell(str(p))}`")
    if outcome.conflicts:
        out += ["| | severity | conflict | changed article | other sources | status |",
                "|---|---|---|---|---|---|"]
        for c in outcome.conflicts:
            items = evidence(c, outcome)
            here, others = items[0], items[1:]
            settled = c.status in ("dismissed", "fixed")
            mark = "\u274c" if c.id in failing else ("\u2714\ufe0f" if settled else "\u26a0\ufe0f")
            status = c.status + (f": {c.note}" if c.note else "")
            out.append(f"| {mark} | {c.severity} | {_cell(title(c))}<br>`{c.id}` | {_place(here)} "
                       f"| {'<br>'.join(_place(e) for e in others)} | {_cell(status)} |")
        out += ["", "<details><summary>Why each is a conflict</summary>", ""]
        out += [f"- `{c.id}`: {_cell(c.explanation)}" for c in outcome.conflicts]
        out += ["", "</details>"]
    return "\n".join(out) + "\n"


def write_summary(outcome: Outcome, env=os.environ) -> str | None:
    """Append the summary to $GITHUB_STEP_SUMMARY when it is set (GitHub collects
    what each step appends); returns the path written."""
    target = env.get(SUMMARY_ENV)
    if not target:
        return None
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(summary(outcome))
    return target
