"""The data-sharing rules of docs/data-sharing.md, applied to one construct's :class:`Usage`.

Decides, for a ``parallel`` construct, which names the outlined body receives
(shared reads, firstprivate copies, reduction identities), which names it keeps to
itself (private), and which values the master's names take afterwards.
"""

from __future__ import annotations

import builtins

from .model import Sharing, Usage

BUILTIN_NAMES = frozenset(dir(builtins))


def ordered(names: set[str], usage: Usage) -> list[str]:
    """Names in the order the construct first uses them (stable, readable output)."""

    def first_use(name: str) -> tuple[int, int, str]:
        where = usage.read.get(name) or usage.bound.get(name)
        return (where.start.line, where.start.column, name) if where else (1 << 30, 0, name)

    return sorted(names, key=first_use)


def mixed_names(usage: Usage, exempt: set[str]) -> set[str]:
    """Names bound both outside every synchronisation block of the construct (as a
    C declaration inside the block would be) and inside one, in no clause: each
    thread's own, as ``private`` would make them (``item = None`` then ``item =
    heappop(h)`` under critical; ``for w in ...`` in the body and in a critical).
    A block that updates one (``total += x``) is refused (checks.mixed_bindings)."""
    mixed = set(usage.unsynced_bound_at) & set(usage.sync_bound_at)
    return mixed - exempt - usage.inner_outputs - usage.inner_private - usage.task_shared


def decide(
    usage: Usage,
    *,
    reduction: list[tuple[str, str]],
    private: tuple[str, ...],
    firstprivate: tuple[str, ...],
    lastprivate: tuple[str, ...],
    shared: tuple[str, ...],
    default: str,
    loop_vars: set[str],
    available: set[str],
) -> Sharing:
    """Apply the rules.  ``available``: names the enclosing scopes may bind."""
    reduced = {name for name, _ in reduction}
    clause_private = set(firstprivate) | set(lastprivate) | reduced
    shared_bound = (
        (
            (usage.sync_bound - mixed_names(usage, set(shared)))
            | usage.inner_outputs
            | usage.task_shared  # a task publishes them when it ends (tasks.py)
            | (set(shared) & set(usage.bound))
        )
        - clause_private
        - usage.inner_copyprivate
        - set(private)
    )
    private_names = (set(usage.bound) | set(private) | loop_vars) - shared_bound - clause_private
    # A name an inner construct makes firstprivate starts from the region's value.
    private_names -= usage.inner_firstprivate - set(private)
    if default in ("private", "firstprivate"):
        # Every other name becomes the clause's kind; reading a private name before
        # writing it is undefined in OpenMP, so starting it from the master's value
        # (firstprivate) is a correct implementation of both.
        extra = (set(usage.read) & available) - private_names - shared_bound - clause_private
        extra -= set(shared) | usage.stored_roots | usage.sync_mutated
        firstprivate = (*firstprivate, *ordered(extra, usage))
    candidates = (
        (
            set(usage.read)
            | shared_bound
            | usage.sync_mutated
            | usage.stored_roots
            | set(shared)
            | usage.inner_firstprivate
        )
        - private_names
        - clause_private
        - set(firstprivate)
    )
    args = {name for name in candidates if name in available}
    written = usage.stored_roots | usage.sync_mutated | usage.bare
    return Sharing(
        args=tuple(ordered(args, usage)),
        firstprivate=tuple(dict.fromkeys(firstprivate)),
        reduction=tuple(reduction),
        lastprivate=tuple(lastprivate),
        shared_out=tuple(ordered(shared_bound | (usage.sync_mutated & args), usage)),
        private=frozenset(private_names),
        readonly=tuple(ordered(args - written - shared_bound, usage)),
    )
