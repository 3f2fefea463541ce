"""``factcheck ci``: check the articles a change adds or edits against the whole corpus.

    outcome = run(Request(corpus=("articles",), base="origin/main"))
    sarif = render(outcome, "sarif")    # the verdict is outcome.exit_code
"""
from .github import write_summary
from .outcome import Outcome, Policy
from .runner import Request, run
from .text import verdict


def render(outcome: Outcome, fmt: str) -> str:
    """The outcome in one of the output formats: text, json, sarif, github, junit."""
    if fmt == "text":
        from .text import render_text

        return render_text(outcome)
    if fmt == "json":
        from .report_json import render_json

        return render_json(outcome)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(outcome)
    if fmt == "github":
        from .github import render_annotations

        return render_annotations(outcome)
    if fmt == "junit":
        from .junit import render_junit

        return render_junit(outcome)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = ["Outcome", "Policy", "Request", "render", "run", "verdict", "write_summary"]
