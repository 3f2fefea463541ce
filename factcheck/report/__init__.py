"""Output stage: every format is rendered from the same Result records."""
from ..atomic import atomic_write_text
from .html import render_html, write_html
from .json_report import to_json_dict, write_json
from .tables import facts_frame, format_facts_text, write_facts_csv

__all__ = [
    "atomic_write_text",
    "facts_frame",
    "format_facts_text",
    "render_html",
    "to_json_dict",
    "write_facts_csv",
    "write_html",
    "write_json",
]
