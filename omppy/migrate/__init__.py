"""``omppy migrate``: pymp code rewritten into ``# omp`` pragmas where that is mechanical.

A libcst codemod.  The common shape maps faithfully (docs/pymp.md, "Migrating"):

=================================  ==================================================
pymp                               omppy
=================================  ==================================================
``with pymp.Parallel(n, if_=c)``   ``# omp parallel num_threads(n) if(c)
``as p:`` and its body             default(firstprivate) ...``, the body, ``# omp end
                                   parallel``
``for i in p.range(...)``          ``# omp for nowait`` and ``range(...)``
``for i in p.xrange(...)``         ``# omp for nowait schedule(dynamic)``
``with p.lock:``                   ``# omp critical(p_lock)`` ... ``# omp end critical``
``p.thread_num``, ``num_threads``  ``omp_get_thread_num()``, ``omp_get_num_threads()``
``p.print(...)``                   ``print(..., flush=True)``
=================================  ==================================================

pymp makes every name firstprivate except ``pymp.shared`` objects: hence
``default(firstprivate)``, ``shared(...)`` for the shared arrays and locks the block
uses, and ``firstprivate(...)`` for names the block binds that already had a value
(omppy leaves such names unbound).  A region whose meaning would change is kept as
it is, on ``omppy.pymp``, under a ``# omppy migrate: kept: <reason>`` note; every
migrated region is checked by translating it.  ``import pymp`` becomes
``import omppy.pymp as pymp`` either way.  Migrating twice changes nothing; a file
with nothing to migrate comes back byte for byte.

The package: ``model.py`` (how a module reaches pymp, the region record),
``survey.py`` (which regions migrate, and how), ``rewrite.py`` (writing the result);
the entry points are here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import libcst as cst

from ..transform.diagnostics import PragmaError
from ..transform.translate import translate
from .model import NOTE, Region, pymp_names
from .rewrite import apply_regions
from .survey import Survey

__all__ = ["NOTE", "Outcome", "migrate", "migrate_file", "unified_diff"]


# -- the entry points ----------------------------------------------------------------------


@dataclass
class Outcome:
    """What ``migrate`` did to one file."""

    text: str
    migrated: list[int]  # first lines of the regions turned into pragmas
    kept: list[tuple[int, str]]  # (first line, reason) of the regions kept on omppy.pymp


def migrate(source: str, filename: str = "<string>") -> str:
    """``source`` with its pymp regions migrated; ``source`` itself if nothing changes.

    Raises ``SyntaxError`` for a file Python cannot parse.
    """
    return migrate_file(source, filename).text


def migrate_file(source: str, filename: str = "<string>") -> Outcome:
    """:func:`migrate`, and which regions were migrated or kept."""
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError:
        compile(source, filename, "exec", dont_inherit=True)  # Python's own message
        raise
    names = pymp_names(module)
    if not (names.modules or names.parallel or names.shared):
        return Outcome(source, [], [])
    wrapper = cst.MetadataWrapper(module)
    survey = Survey(wrapper, names)
    regions = survey.regions
    kept: dict[int, str] = {}
    # Each migrated region must translate: one that omppy refuses is kept, saying why.
    for index, region in enumerate(regions):
        if region.reason is None:
            only = [r if i == index else _forced(r) for i, r in enumerate(regions)]
            problem = _translation_problem(apply_regions(wrapper, names, only), filename)
            if problem:
                kept[index] = problem
    final = [_forced(r, kept[i]) if i in kept else r for i, r in enumerate(regions)]
    result = apply_regions(wrapper, names, final)
    lines = [survey.position[r.node].start.line for r in final]
    return Outcome(
        source if result == source else result,
        [line for line, r in zip(lines, final, strict=True) if r.reason is None],
        [(line, r.reason) for line, r in zip(lines, final, strict=True) if r.reason is not None],
    )


def unified_diff(before: str, after: str, filename: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{filename}",
        tofile=f"b/{filename}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _forced(region: Region, reason: str | None = None) -> Region:
    """``region``, kept (for ``reason``, or a placeholder while trying another one)."""
    return Region(region.node, region.call, region.var, reason or region.reason or "-")


def _translation_problem(text: str, filename: str) -> str | None:
    try:
        translate(text, filename)
    except PragmaError as error:
        first = error.message.split("; ")[0].rstrip(".")
        return f"omppy would refuse it ({first})"
    except SyntaxError as error:  # pragma: no cover - a bug in this module
        return f"the migrated code does not compile ({error.msg})"
    return None
