"""The human-readable CI report: what was checked, each conflict with both places, the verdict."""
from __future__ import annotations

from .describe import evidence, quoted, title, where
from .locate import file_of
from .outcome import SEVERITIES, Outcome


def render_text(outcome: Outcome) -> str:
    n = len(outcome.changed)
    since = f" since {outcome.base}" if outcome.base else ""
    if not n and not outcome.input_errors:
        return f"factcheck ci: no changed articles{since}; nothing to check\n"
    lines = [f"factcheck ci: {n} changed article{'s' * (n != 1)}{since}, checked against "
             f"{outcome.corpus_size} article{'s' * (outcome.corpus_size != 1)}"]
    lines += [f"  {file_of(a)[0]}" + (f" ({a.outlet})" if a.outlet else "") for a in outcome.changed]
    for p in outcome.input_errors:
        lines.append(f"  cannot check {p}")
    failing = {c.id for c in outcome.failing}
    for c in outcome.conflicts:
        items = evidence(c, outcome)
        mark = "FAIL" if c.id in failing else "    "
        lines += ["", f"{mark} {c.severity:<6} {c.code or c.kind} {title(c)} {c.id} ({c.status})"]
        width = max(len(where(e.location)) for e in items)
        for e in items:
            outlet = f"  {e.outlet}" if e.outlet else ""
            lines.append(f"  {where(e.location):<{width}}  {quoted(e.fact)}{outlet}")
        lines += [f"  {line}" for line in c.explanation.splitlines()]
        if c.note:
            lines.append(f"  note: {c.note}" + (f" ({c.decided_by})" if c.decided_by else ""))
    lines += ["", verdict(outcome)]
    return "\n".join(lines) + "\n"


def verdict(outcome: Outcome) -> str:
    policy = outcome.policy
    at = "/".join(SEVERITIES[: SEVERITIES.index(policy.fail_on) + 1])
    settled = sum(1 for c in outcome.conflicts if c.status in ("dismissed", "fixed"))
    n = len(outcome.conflicts)
    found = f"{n} conflict{'s involve' if n != 1 else ' involves'} the changed articles"
    if settled:
        found += f" ({settled} settled by editors)"
    if outcome.input_errors:
        return f"{found}; ERROR: {len(outcome.input_errors)} changed file(s) could not be checked"
    if not outcome.failing:
        return f"{found}; none open at {at}: OK"
    state = "reported only (--no-fail)" if policy.no_fail else "FAILED"
    return f"{found}; {len(outcome.failing)} open at {at}: {state}"
