"""The JSON format: the ``factcheck-report/1`` document of the changed articles and
the conflicts that involve them, plus a ``ci`` block with the verdict."""
from __future__ import annotations

import json

from ..report import to_json_dict
from .locate import file_of
from .outcome import Outcome


def to_ci_json(outcome: Outcome) -> dict:
    out = to_json_dict(outcome.result)
    out["ci"] = {
        "base": outcome.base,
        "changed": [file_of(a)[0] if file_of(a)[1] is None else a.path for a in outcome.changed],
        "fail_on": outcome.policy.fail_on,
        "no_fail": outcome.policy.no_fail,
        "failing": [c.id for c in outcome.failing],
        "input_errors": [str(p) for p in outcome.input_errors],
        "exit_code": outcome.exit_code,
    }
    return out


def render_json(outcome: Outcome) -> str:
    return json.dumps(to_ci_json(outcome), ensure_ascii=False, indent=1, allow_nan=False) + "\n"
