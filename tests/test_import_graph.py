"""How the package's modules depend on each other: no import cycle, the decision
store independent of the reports, and only the command line printing.

The graph is read from the source with ``ast``:

* a node is a module of ``factcheck/``; a package is its ``__init__.py``;
* an edge is an import of another factcheck module, at module level or inside a
  function: a lazy import (kept out of ``factcheck --help``) still runs on the
  first call, and two modules that each need the other are one tangled module;
* ``from P import name`` points at the submodule ``P.name`` when there is one,
  else at ``P`` itself (a name defined in P's ``__init__``);
* imports under ``if TYPE_CHECKING:`` are left out: they never run;
* there is no implicit edge from a module to its parent packages. A package's
  ``__init__`` importing its own submodules is how a package exposes its API;
  the cycle to catch is the explicit way back, a submodule importing a name from
  the ``__init__`` (``from . import x``, ``from .. import y``) that imports it,
  which makes the submodule run against a half-made package. The root package's
  lazy ``check`` (an import of ``factcheck.pipeline`` inside a function) is an
  edge like any other: ``from factcheck import __version__`` in a module the
  pipeline needs would close a cycle and be reported.
"""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _known(name: str) -> str | None:
    """The module ``name`` is, or the nearest package above it that is a file
    (a folder without ``__init__.py`` is no module)."""
    known = modules()
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_imports(tree: ast.AST):
    """Every Import/ImportFrom node that can run, TYPE_CHECKING blocks left out."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_of(name: str) -> set[str]:
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(_known(alias.name) for alias in node.names)
            continue
        if node.level:
            parts = package.split(".")
            base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            found.add(sub if sub in modules() else _known(base))
    return {m for m in found if m and m.split(".")[0] == "factcheck" and m != name}


@lru_cache(maxsize=1)
def graph() -> dict[str, frozenset[str]]:
    return {name: frozenset(imports_of(name)) for name in modules()}


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected parts with more than one module (Tarjan), each as a
    path that goes round it, for the message."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                parts.append(_round_trip(sorted(part), edges))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return parts


def _round_trip(part: list[str], edges: dict[str, frozenset[str]]) -> list[str]:
    """A shortest way from the part's first module back to itself."""
    inside, start = set(part), part[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges[v] & inside):
            if w == start:
                return paths[v] + [start]
            if w not in paths:
                paths[w] = paths[v] + [w]
                queue.append(w)
    return part


def reachable(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        v = todo.pop()
        if v not in seen:
            seen.add(v)
            todo.extend(graph()[v])
    return seen


# -- the rules ----------------------------------------------------------------------------

def test_the_reader_sees_the_whole_package():
    g = graph()
    assert {"factcheck", "factcheck.cli", "factcheck.pipeline", "factcheck.workspace"} <= set(g)
    assert "factcheck.pipeline" in g["factcheck"]  # the lazy re-export counts
    assert "factcheck.cli.check" in g["factcheck.cli"]


def test_no_import_cycle():
    found = cycles(graph())
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def test_the_cycle_finder_finds_a_way_back_through_a_package():
    edges = {"p": frozenset({"p.a"}), "p.a": frozenset({"p.b"}), "p.b": frozenset({"p"}),
             "q": frozenset({"p"})}
    assert cycles(edges) == [["p", "p.a", "p.b", "p"]]


def test_the_decision_store_does_not_depend_on_the_reports():
    for name in [m for m in graph() if m == "factcheck.review" or m.startswith("factcheck.review.")]:
        reports = sorted(m for m in reachable(name) if m.split(".")[:2] == ["factcheck", "report"])
        assert not reports, f"{name} reaches {reports}"


def test_only_the_pipeline_applies_decisions():
    users = sorted(name for name in modules() if _imports_name(name, "apply_decisions"))
    assert users == ["factcheck.pipeline", "factcheck.review"]  # the package re-exports it


def _imports_name(name: str, wanted: str) -> bool:
    tree = ast.parse(modules()[name].read_text(encoding="utf-8"))
    return any(alias.name == wanted for node in _runtime_imports(tree)
               if isinstance(node, ast.ImportFrom) for alias in node.names)


def _printing(tree: ast.AST):
    """(line, what) for each use of print (called or passed on as a callback),
    click.echo/secho and sys.stdout/stderr.write."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "print":
            yield node.lineno, "print"
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "click" and node.attr in ("echo", "secho"):
                yield node.lineno, f"click.{node.attr}"
        elif isinstance(node, ast.Attribute) and node.attr == "write" and isinstance(node.value, ast.Attribute):
            stream = node.value
            if stream.attr in ("stdout", "stderr") and isinstance(stream.value, ast.Name) and stream.value.id == "sys":
                yield node.lineno, f"sys.{stream.attr}.write"


def test_only_the_command_line_prints():
    found = []
    for name, path in modules().items():
        if name == "factcheck.cli" or name.startswith("factcheck.cli."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(PACKAGE.parent)}:{line}: {what}" for line, what in _printing(tree)]
    assert not found, "library code prints (report through a return value or a callback):\n" + "\n".join(found)
