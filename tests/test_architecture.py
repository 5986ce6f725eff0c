"""The shape of the house (issue 10), read from the source with ``ast``: nothing runs.

- The translator and the runtime stay apart: no ``omppy/transform`` module imports
  ``omppy.runtime``, and no ``omppy/runtime`` module imports ``omppy.transform`` (at
  any level: a cached run must not load the translator, and translated code needs
  only the runtime).
- No import cycle in ``omppy/runtime`` through module-level imports (imports under
  ``if TYPE_CHECKING:`` do not count).
- An import deferred into a function in ``omppy/runtime`` guards a cycle (the module
  it imports reaches this one through module-level imports, or imports it back
  directly), or is listed in ``DEFERRED`` with the reason it waits (start-up, an
  optional backend, watching).
- A module of ``omppy`` over ``MAX_LINES`` lines says in its docstring which one idea
  it holds, on a line that starts with ``One idea:``; or it is listed in
  ``OVERSIZED`` (modules being split in other branches).

Updating the lists: when a listed module is split or a listed import is gone, the
test says so and its entry is removed; a new entry needs its reason.
"""

from __future__ import annotations

import ast
import functools
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "omppy"
MAX_LINES = 500
MARKER = "One idea:"

# Modules over MAX_LINES without the marker, each with why.  Every entry here is a
# file another branch of issue 10 is splitting (session 5); check it again after
# that branch is merged.
OVERSIZED: dict[str, str] = {}

# Imports of runtime modules deferred into a function although no cycle needs it,
# (importer, imported): why the import waits.
DEFERRED = {
    ("omppy.runtime.backend", "omppy.runtime.dask.connect"): (
        "the dask extra: loaded only when OMPPY_BACKEND=dask asks for it"
    ),
    ("omppy.runtime.backend", "omppy.runtime.forkjoin"): (
        "the fork backend, like the other two: loaded at the first region, once chosen"
    ),
    ("omppy.runtime.backend", "omppy.runtime.threads.region"): (
        "the threads backend: loaded at the first region, only when chosen"
    ),
    ("omppy.runtime.backend", "omppy.runtime.team"): (
        "the fork backend's team sizes: only a nested region that binds its enclosing "
        "region's names asks them, before it starts (backend._nested_team)"
    ),
    ("omppy.runtime.worker", "omppy.runtime.taskcode"): (
        "a worker's report that holds a function made in the region (a lambda kept in a "
        "lastprivate): rare, and taskcode is the tasks' code, not loaded without them"
    ),
    ("omppy.runtime.observe", "omppy.runtime.watching"): (
        "watching (OMPPY_TRACE/REPORT/PROGRESS): loaded only when a variable asks"
    ),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _typing_only(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@functools.cache
def imports(name: str) -> list[tuple[str, bool, int]]:
    """``(imported module, deferred into a function, line)`` for each import of the
    module ``name``, without those under ``if TYPE_CHECKING:``.  ``from p import x``
    counts as an import of ``p.x`` when that is a module, else of ``p``."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]

    def visit(node: ast.AST, deferred: bool) -> Iterator[tuple[str, bool, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _typing_only(child.test):
                for statement in child.orelse:
                    yield from visit_one(statement, deferred)
            else:
                yield from visit_one(child, deferred)

    def visit_one(node: ast.AST, deferred: bool) -> Iterator[tuple[str, bool, int]]:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from visit(node, True)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, deferred, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                child = f"{module}.{alias.name}"
                yield (child if child in MODULES else module), deferred, node.lineno
        else:
            yield from visit(node, deferred)

    return list(visit(ast.parse(path.read_text(encoding="utf-8")), False))


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def runtime_graph() -> tuple[dict[str, set[str]], list[tuple[str, str, int]]]:
    """Module-level edges between runtime modules, and the deferred imports."""
    edges: dict[str, set[str]] = defaultdict(set)
    deferred = []
    for name in MODULES:
        if not _within(name, "omppy.runtime"):
            continue
        for target, later, line in imports(name):
            if target != name and target in MODULES and _within(target, "omppy.runtime"):
                if later:
                    deferred.append((name, target, line))
                else:
                    edges[name].add(target)
    return edges, deferred


def reaches(edges: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, pending = {start}, [start]
    while pending:
        for nxt in edges[pending.pop()]:
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                pending.append(nxt)
    return False


# -- the tests -------------------------------------------------------------------------


def test_the_translator_and_the_runtime_import_nothing_of_each_other():
    crossings = [
        f"{name}:{line} imports {target}"
        for name in MODULES
        for own, other in (
            ("omppy.transform", "omppy.runtime"),
            ("omppy.runtime", "omppy.transform"),
        )
        if _within(name, own)
        for target, _, line in imports(name)
        if _within(target, other)
    ]
    assert crossings == []


def test_no_import_cycle_in_the_runtime():
    edges, _ = runtime_graph()
    cycles = sorted(
        f"{a} imports {b}, which imports it back (through module-level imports)"
        for a in list(edges)
        for b in edges[a]
        if reaches(edges, b, a)
    )
    assert cycles == [], "\n".join(cycles)


def test_every_deferred_runtime_import_guards_a_cycle_or_says_why_it_waits():
    edges, deferred = runtime_graph()
    direct = {(a, b) for a, b, _ in deferred} | {(a, b) for a in edges for b in edges[a]}
    unexplained = sorted(
        f"{a}:{line} imports {b} inside a function, which guards no cycle: import it at "
        "the top, or add it to DEFERRED with the reason it waits"
        for a, b, line in deferred
        if not reaches(edges, b, a) and (b, a) not in direct and (a, b) not in DEFERRED
    )
    assert unexplained == [], "\n".join(unexplained)
    stale = sorted(
        f"DEFERRED lists {a} -> {b}, which is no longer a deferred import: remove it"
        for a, b in DEFERRED
        if not any((a, b) == (x, y) for x, y, _ in deferred)
    )
    assert stale == [], "\n".join(stale)


def _one_idea(path: Path) -> bool:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return any(line.strip().startswith(MARKER) for line in docstring.splitlines())


def test_a_long_module_holds_one_idea_and_says_which():
    too_long = []
    for path in MODULES.values():
        relative = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and not _one_idea(path) and relative not in OVERSIZED:
            too_long.append(
                f"{relative}: {lines} lines; split it, or say its one idea in its "
                f"docstring on a line that starts with {MARKER!r}"
            )
    assert too_long == [], "\n".join(too_long)
    stale = sorted(
        f"OVERSIZED lists {relative}, now {lines} lines or marked: remove it"
        for relative in OVERSIZED
        if not (ROOT / relative).exists()
        or (lines := len((ROOT / relative).read_text(encoding="utf-8").splitlines()))
        <= MAX_LINES
        or _one_idea(ROOT / relative)
    )
    assert stale == [], "\n".join(stale)


def test_the_import_reader_sees_what_the_tests_rely_on():
    # The tests above are only as good as imports(): check it on known facts.
    found = {(target, later) for target, later, _ in imports("omppy.runtime.forkjoin")}
    assert ("omppy.runtime.team", False) in found  # from .team import Team, team_size
    assert ("omppy.runtime.join", False) in found  # from . import join
    backend = {(target, later) for target, later, _ in imports("omppy.runtime.backend")}
    assert ("omppy.runtime.forkjoin", True) in backend  # inside _resolve()
    thread = {target for target, _, _ in imports("omppy.runtime.thread")}
    assert "omppy.runtime.team" not in thread  # under TYPE_CHECKING only
    deadlock = {target for target, _, _ in imports("omppy.runtime.threads.team")}
    assert "omppy.runtime.deadlock" in deadlock  # from .. import deadlock
