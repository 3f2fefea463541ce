"""SARIF 2.1.0 for code-scanning uploads: one result per conflict, reported in the
changed article, with the other sources as related locations.

Conflicts an editor dismissed or marked fixed carry an external, accepted
suppression, so code scanning shows them as closed rather than dropping them.
"""
from __future__ import annotations

import json

from .. import __version__
from ..compare.registry import RULES, RuleSpec
from ..model import Conflict
from .describe import Evidence, evidence, quoted, title
from .locate import Location, real_path, uri_of
from .outcome import Outcome

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}
FINGERPRINT = "factcheckConflictId/v1"
SRCROOT = "%SRCROOT%"


def _escape(text: str) -> str:
    # Brackets are link syntax in SARIF messages; literal ones are backslash-escaped.
    return text.replace("[", "\\[").replace("]", "\\]")


def _physical(loc: Location, snippet: str | None = None) -> dict:
    region: dict = {"startLine": loc.line}
    if loc.column is not None:  # the snippet is the region's text: only for an exact span
        region.update(startColumn=loc.column, endLine=loc.end_line, endColumn=loc.end_column)
        if snippet:
            region["snippet"] = {"text": snippet}
    return {"artifactLocation": {"uri": loc.uri, "uriBaseId": SRCROOT}, "region": region}


def _rule(spec: RuleSpec) -> dict:
    params = ", ".join(f"{k} {v:g}" for k, v in spec.params.items())
    return {
        "id": spec.code,
        "name": "".join(part.title() for part in spec.name.split("_")),
        "shortDescription": {"text": spec.title},
        "fullDescription": {"text": spec.help},
        "help": {"text": spec.help + " Check the sources; record an editor's decision to settle it."
                 + (f" Parameters (rules/conflicts.yaml): {params}." if params else "")},
        "defaultConfiguration": {"level": LEVELS[spec.severity]},
        "properties": {"rule": spec.name, "kind": spec.kind},
    }


def _result(c: Conflict, items: list[Evidence], rule_index: int) -> dict:
    here, others = items[0], items[1:]
    links = ", ".join(f"[{_escape(quoted(e.fact))} in {_escape(e.source)}]({i})" for i, e in enumerate(others, 1))
    text = f"{_escape(title(c))}: {_escape(quoted(here.fact))}" + (f" vs {links}" if links else "") \
        + f". {_escape(c.explanation)}"
    out = {
        "ruleId": RULES[c.rule].code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(c.severity, "warning"),
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(here.location, here.fact.text)}],
        "relatedLocations": [
            {"id": i, "physicalLocation": _physical(e.location, e.fact.text),
             "message": {"text": f"{quoted(e.fact)} in {e.source}"}}
            for i, e in enumerate(others, 1)
        ],
        "partialFingerprints": {FINGERPRINT: c.id},
        "properties": {"conflictId": c.id, "severity": c.severity, "status": c.status,
                       "rule": c.rule, "claim": c.claim},
    }
    if c.status in ("dismissed", "fixed"):
        justification = f"{c.status} by {c.decided_by or 'an editor'}" + (f": {c.note}" if c.note else "")
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return out


def to_sarif(outcome: Outcome) -> dict:
    specs = list(RULES.values())
    index = {spec.name: i for i, spec in enumerate(specs)}
    notifications = [
        {"level": "error" if p.severity == "error" else "warning", "message": {"text": p.message},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri_of(real_path(p.path), outcome.root)},
                                             **({"region": {"startLine": p.line}} if p.line else {})}}]}
        for p in outcome.result.problems
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": [_rule(spec) for spec in specs]}},
            "columnKind": "utf16CodeUnits",
            "invocations": [{"executionSuccessful": not outcome.input_errors,
                             "toolExecutionNotifications": notifications}],
            "results": [_result(c, evidence(c, outcome), index[c.rule]) for c in outcome.conflicts],
            "properties": {"failOn": outcome.policy.fail_on, "base": outcome.base,
                           "failing": [c.id for c in outcome.failing]},
        }],
    }


def render_sarif(outcome: Outcome) -> str:
    return json.dumps(to_sarif(outcome), ensure_ascii=False, indent=2) + "\n"
