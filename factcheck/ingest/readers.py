"""One reader per format: bytes in, draft articles (text + what the file says about itself) out."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from ..model import Problem, PublishedSource
from .decode import decode, is_binary, is_blank
from .htmltext import PageRegions, extract
from .meta import split_front_matter
from .pubdate import parse_datetime

UNDECODABLE = "cannot decode (not UTF-8, CP949 or EUC-KR)"
TEXT_FIELDS = ("text", "body", "content")


@dataclass
class Draft:
    path: str
    text: str
    sha256: str
    encoding: str
    meta: dict = field(default_factory=dict)  # title/outlet/url/published found in the file
    meta_source: PublishedSource = "meta"  # how ``meta["published"]`` is reported
    extracted: bool = False
    body_start: int = 0  # where the article proper starts (after a front matter)
    furniture: list = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(kind: str, shown: str, data: bytes, problems: list[Problem], regions: PageRegions) -> list[Draft]:
    """The drafts of one file; ``regions`` tells the HTML reader which page parts are widgets."""
    if not data.strip():
        problems.append(Problem(shown, "empty file, skipped"))
        return []
    if is_binary(data):
        problems.append(Problem(shown, "binary file, skipped"))
        return []
    if kind == "jsonl":
        return _read_jsonl(shown, data, problems)
    decoded = decode(data)
    if decoded is None:
        problems.append(Problem(shown, UNDECODABLE))
        return []
    text, encoding = decoded
    if is_blank(text):
        problems.append(Problem(shown, "empty file, skipped"))
        return []
    if kind == "html":
        return _from_html(shown, text, sha256(data), encoding, problems, regions)
    draft = Draft(shown, text, sha256(data), encoding)
    if kind == "markdown":
        meta, end = split_front_matter(text, shown, problems)
        if end:
            draft.meta, draft.meta_source, draft.body_start = meta, "front-matter", end
            draft.furniture.append((0, end))
    return [draft]


def _from_html(shown: str, html: str, digest: str, encoding: str, problems: list[Problem],
               regions: PageRegions) -> list[Draft]:
    page = extract(html, regions)
    if is_blank(page.text):
        problems.append(Problem(shown, "no article text found in the page, skipped"))
        return []
    meta = {k: v for k, v in (("title", page.title), ("outlet", page.outlet), ("url", page.url),
                              ("published", page.published)) if v}
    return [Draft(shown, page.text, digest, encoding, meta=meta, extracted=True)]


def _read_jsonl(shown: str, data: bytes, problems: list[Problem]) -> list[Draft]:
    # \n is a single byte in UTF-8 and CP949 alike, so lines are split before decoding:
    # a bad line then spoils only itself, and each line keeps its bytes for the hash
    drafts = []
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.rstrip(b"\r")
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        draft = _jsonl_line(shown, lineno, raw, problems)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _decode_line(raw: bytes) -> tuple[str, str] | None:
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    return None


def _jsonl_line(shown: str, lineno: int, raw: bytes, problems: list[Problem]) -> Draft | None:
    decoded = _decode_line(raw)
    if decoded is None:
        problems.append(Problem(shown, UNDECODABLE, line=lineno))
        return None
    line, encoding = decoded
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        problems.append(Problem(shown, f"bad JSON line: {err.msg} at column {err.colno}", line=lineno))
        return None
    if not isinstance(record, dict):
        problems.append(Problem(shown, "JSON line is not an object", line=lineno))
        return None
    text = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is None or is_blank(text):
        problems.append(Problem(shown, "no text (expected a 'text', 'body' or 'content' field)", line=lineno))
        return None
    meta = {}
    for key in ("title", "outlet", "url"):
        if record.get(key) not in (None, ""):
            meta[key] = str(record[key])
    published = next((record[k] for k in ("published", "published_at", "date") if record.get(k)), None)
    if published is not None and parse_datetime(published) is None:
        problems.append(Problem(shown, f"cannot read published date {str(published)!r}", line=lineno))
    elif published is not None:
        meta["published"] = published
    return Draft(f"{shown}:{lineno}", text, sha256(raw), encoding, meta=meta, extracted=True)
