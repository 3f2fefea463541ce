"""JUnit XML for CI systems that show test results: one test case per changed
article, one failure per conflict that fails the build, other conflicts as output."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .describe import evidence, message, title
from .locate import file_of
from .outcome import Outcome


# XML 1.0 cannot carry most control characters, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(outcome: Outcome) -> str:
    failing = {c.id for c in outcome.failing}
    fact_article = {f.id: f.article for f in outcome.result.facts}
    suite = ET.Element("testsuite", name="factcheck ci")
    failures = errors = 0
    for article in outcome.changed:
        file, _ = file_of(article)
        case = ET.SubElement(suite, "testcase", classname="factcheck", name=_safe(article.path), file=_safe(file))
        mine = [c for c in outcome.conflicts if any(fact_article[f] == article.id for f in c.facts)]
        notes = []
        for c in mine:
            text = message(c, evidence(c, outcome))
            if c.id in failing:
                failures += 1
                failure = ET.SubElement(case, "failure", type=c.kind,
                                        message=f"{title(c)} ({c.severity}, {c.id})")
                failure.text = _safe(text)
            else:
                notes.append(_safe(f"[{c.status}, {c.severity}] {c.id}\n{text}"))
        if notes:
            ET.SubElement(case, "system-out").text = "\n\n".join(notes)
    for p in outcome.input_errors:
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="factcheck", name=_safe(p.path), file=_safe(p.path))
        ET.SubElement(case, "error", type="input", message=_safe(p.message)).text = _safe(str(p))
    tests = str(len(outcome.changed) + len(outcome.input_errors))
    suite.set("tests", tests)
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root = ET.Element("testsuites", name="factcheck", tests=tests,
                      failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
