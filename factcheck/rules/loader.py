"""Reading the rule files: decode, compose YAML, validate every entry, run the
cross-file checks, and only then build a RuleSet. Every problem of every file is
collected before anything is raised."""
from __future__ import annotations

import codecs
import hashlib
import os
from importlib import resources
from pathlib import Path

import yaml

from ..errors import RuleError, RuleProblem
from .checks import check_duplicates, check_fields, check_places, check_units
from .ruleset import RuleSet
from .schema import EntryValidator, RawEntry, describe

ENV_VAR = "FACTCHECK_RULES"
SUFFIXES = (".yaml", ".yml")
# libyaml when present: same marks as the pure-Python loader, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Where the wheel puts the repository's rules/ (pyproject.toml maps it there).
PACKAGED = "_rules"


def default_directory() -> Path:
    """$FACTCHECK_RULES; else the rules installed with the package (a wheel);
    else the repository's rules/ next to the package (a checkout, an editable install)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    # Only a package on the file system can be handed to the loader as a folder
    # (a zip import would give a zipfile.Path); wheels always install unpacked.
    packaged = resources.files("factcheck") / PACKAGED
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "rules"


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def parse_file(path: str, data: bytes, problems: list[RuleProblem]) -> list[RawEntry] | None:
    """The validated entries of one file, or None when it cannot be read at all."""
    try:
        text = data.decode("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
    except UnicodeDecodeError as err:
        line, col = _position(data, err.start)
        problems.append(RuleProblem(path, line, col,
                                    f"file is not valid UTF-8 (byte 0x{data[err.start]:02x})",
                                    "save the file as UTF-8"))
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        where = err.problem_mark or err.context_mark
        line, col = (where.line + 1, where.column + 1) if where else (1, 1)
        detail = " ".join(x for x in (err.context, err.problem) if x)
        problems.append(RuleProblem(path, line, col, f"YAML syntax error: {detail}",
                                    "check indentation, colons and quotes on this line or the one before"))
        return None
    except yaml.YAMLError as err:  # e.g. a control character (ReaderError)
        offset = getattr(err, "position", 0) or 0
        line, col = _position(text.encode("utf-8"), len(text[:offset].encode("utf-8")))
        problems.append(RuleProblem(path, line, col, f"YAML error: {err}"))
        return None
    if root is None:
        problems.append(RuleProblem(path, 1, 1, "file has no entries",
                                    "the top level must be a list of entries ('- kind: ...'), "
                                    "or '[]' for none"))
        return None
    if not isinstance(root, yaml.SequenceNode):
        problems.append(RuleProblem(path, root.start_mark.line + 1, root.start_mark.column + 1,
                                    f"the top level must be a list of entries, got {describe(root)}",
                                    "start each entry with '- kind: ...'"))
        return None
    validator = EntryValidator(path, problems)
    return [raw for raw in map(validator.entry, root.value) if raw is not None]


def rule_files(directory: Path, problems: list[RuleProblem]) -> list[Path]:
    if not directory.is_dir():
        problems.append(RuleProblem(str(directory), 1, 1, "rules directory not found",
                                    f"pass an existing directory or set ${ENV_VAR}"))
        return []
    # Dot-files are editor backups and lock files, not rules.
    files = sorted(p for p in directory.iterdir()
                   if p.suffix in SUFFIXES and not p.name.startswith(".") and p.is_file())
    if not files:
        problems.append(RuleProblem(str(directory), 1, 1, "no rule files (*.yaml) in directory"))
    return files


def _collect(directory: str | Path | None) -> tuple[RuleSet | None, list[RuleProblem]]:
    root = Path(directory) if directory is not None else default_directory()
    problems: list[RuleProblem] = []
    digest = hashlib.sha256()
    raws: list[RawEntry] = []
    readable = True
    files = rule_files(root, problems)
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as err:
            problems.append(RuleProblem(str(path), 1, 1, f"cannot read file: {err.strerror or err}"))
            readable = False
            continue
        digest.update(path.name.encode("utf-8") + b"\0" + len(data).to_bytes(8, "big") + data)
        parsed = parse_file(str(path), data, problems)
        readable &= parsed is not None
        raws.extend(parsed or [])
    check_duplicates(raws, problems)
    check_fields(raws, problems)
    # A file that failed to parse hides its names: do not report references to them.
    check_places(raws, problems, report_unknown=readable)
    check_units(raws, problems, report_unknown=readable)
    if problems:
        return None, sorted(problems, key=lambda p: (p.path, p.line, p.column, p.message))
    return RuleSet.build(digest.hexdigest(), str(root), [p.name for p in files],
                         [raw.build() for raw in raws]), []


def check_rules(directory: str | Path | None = None) -> list[RuleProblem]:
    """Every problem of every rule file, sorted by file and position; [] when clean."""
    return _collect(directory)[1]


_cache: dict[tuple[str, str], RuleSet] = {}


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Load and check all rule files; raise RuleError with all problems if any.

    The directory defaults to $FACTCHECK_RULES or the repository's rules/."""
    ruleset, problems = _collect(directory)
    if problems:
        raise RuleError(problems)
    assert ruleset is not None
    # Same directory and same bytes -> reuse the built lookups.
    return _cache.setdefault((str(Path(ruleset.directory).resolve()), ruleset.version), ruleset)
