"""The review page: the HTML report plus decision controls, rendered for one server."""
from __future__ import annotations

import json

from ..model import Decision, Result
from ..report.html import environment, inline_assets, report_context
from ..review import STATUSES, DecisionLog, label_of, sides_of

CSS = ("report.css.j2", "review.css.j2")
JS = ("report.js.j2", "review.js.j2")


def script_json(data) -> str:
    """JSON safe inside <script type="application/json">: no "</script>", no "<!--",
    and the two line separators that old parsers treat as newlines."""
    text = json.dumps(data, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def decision_json(d: Decision, right_label: str | None = None) -> dict:
    return {"conflict": d.conflict, "status": d.status, "note": d.note, "by": d.by, "at": d.at,
            "right": d.right, "right_label": right_label}


def render_review_page(result: Result, log: DecisionLog, token: str, reviewer: str,
                       title: str = "factcheck review") -> tuple[str, str]:
    """(HTML, Content-Security-Policy) of the page for ``result``, which carries the
    decisions of ``log`` (factcheck.pipeline.with_decisions); ``log`` gives each
    conflict's history and the side its latest decision names."""
    latest = log.latest()
    sides, right, history, state = {}, {}, {}, {}
    for c in result.conflicts:
        sides[c.id] = sides_of(c, result)
        d = latest.get(c.id)
        right[c.id] = label_of(d.right, sides[c.id]) if d else None
        history[c.id] = log.history(c.id)
        state[c.id] = decision_json(d, right[c.id]) if d else {"status": "open"}

    context = report_context(result, title=title)
    context.update(inline_assets(CSS, JS, connect_self=True))
    context["statuses"] = list(STATUSES)  # every status can be chosen, not only those present
    data = {"token": token, "endpoint": "/api/decisions", "reviewer": reviewer,
            "statuses": list(STATUSES), "conflicts": state}
    context["review"] = {"reviewer": reviewer, "sides": sides, "right": right, "history": history,
                         "data_json": script_json(data)}
    html = environment().get_template("review.html.j2").render(**context)
    return html, context["csp"] + "; frame-ancestors 'none'"
