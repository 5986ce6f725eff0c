"""Thread affinity: ``OMP_PLACES``, ``OMP_PROC_BIND`` and the ``proc_bind`` clause.

A *place* is a set of CPUs (``OMP_PLACES``: ``threads``, ``cores``, ``ll_caches``,
``numa_domains``, ``sockets``, with an optional count, or explicit sets such as
``{0:4},{4:4}`` or ``{0:2}:4:2``), restricted to the CPUs the process may use.  The
*policy* (``OMP_PROC_BIND``, a list per nesting level, or the region's ``proc_bind``
clause) says where a team's threads go:

- ``primary`` (``master``): every thread on the primary thread's place;
- ``close``: thread ``i`` on the ``i``-th place after the primary's, wrapping round
  (with more threads than places, neighbours share a place);
- ``spread``: the places divided into as many parts as threads, thread ``i`` on
  the first place of part ``i``; ``true`` is ``spread`` in omppy;
- ``false``: no binding (and ``proc_bind`` clauses are ignored, as OpenMP says).

Without ``OMP_PROC_BIND``, threads are bound only if ``OMP_PLACES`` is set (as
libgomp does).  Threads are processes: each worker is bound with
``os.sched_setaffinity`` right after it forks, and the master to thread 0's place
while the region runs (its own affinity comes back afterwards, so the program's
sequential parts and later default team sizes are not narrowed).  A nested team
keeps to its master's place.  Where ``sched_setaffinity`` does not exist, nothing
is bound.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from . import state
from .icv import ConfigError, _lookup

Place = frozenset[int]
POLICIES = ("primary", "master", "close", "spread", "true", "false")
ABSTRACT = ("threads", "cores", "ll_caches", "numa_domains", "sockets")
CAN_BIND = hasattr(os, "sched_setaffinity")

_places: list[Place] | None = None
_bind: tuple[str, ...] | None = None
_plan: list[Place] | None = None  # the places of the team about to fork, by thread
_mine: Place | None = None  # the place this process is bound to by omppy, if any


def available() -> frozenset[int]:
    try:
        return frozenset(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return frozenset(range(os.cpu_count() or 1))


# -- the environment --------------------------------------------------------------------


def places() -> list[Place]:
    """The place list (``OMP_PLACES``; each CPU a place when it is unset)."""
    global _places
    if _places is None:
        found = _lookup("PLACES")
        cpus = available()
        if found is None:
            _places = [frozenset({cpu}) for cpu in sorted(cpus)]
        else:
            _places = parse_places(*found, cpus)
    return _places


def bind_var() -> tuple[str, ...]:
    """``OMP_PROC_BIND`` as a list of policies, one per nesting level."""
    global _bind
    if _bind is None:
        found = _lookup("PROC_BIND")
        if found is None:
            _bind = ("true",) if _lookup("PLACES") is not None else ("false",)
        else:
            _bind = parse_proc_bind(*found)
    return _bind


def parse_proc_bind(name: str, text: str) -> tuple[str, ...]:
    words = tuple(w.strip().lower() for w in text.split(","))
    for word in words:
        if word not in POLICIES:
            raise ConfigError(
                f"{name}={text!r}: unknown policy {word!r} (expected true, false, or a "
                "list of primary, master, close, spread)"
            )
    if len(words) > 1 and {"true", "false"} & set(words):
        raise ConfigError(f"{name}={text!r}: true and false stand alone, not in a list")
    return words


def parse_places(name: str, text: str, cpus: frozenset[int]) -> list[Place]:
    """``OMP_PLACES``, kept to ``cpus``; a place with none of them is dropped."""
    shown = f"{name}={text!r}"
    spec = text.strip().lower()
    match = re.fullmatch(r"([a-z_]+)\s*(?:\(\s*(\d+)\s*\))?", spec)
    if match:
        kind, count = match.group(1), match.group(2)
        if kind not in ABSTRACT:
            raise ConfigError(f"{shown}: unknown place name {kind!r} (expected one of "
                              f"{', '.join(ABSTRACT)}, or places such as {{0,1}},{{2,3}})")
        found = _abstract(kind, cpus)
        if count is not None:
            if int(count) < 1:
                raise ConfigError(f"{shown}: the number of places must be positive")
            found = found[: int(count)]
        return found
    try:
        listed = _place_list(spec)
    except ValueError as error:
        raise ConfigError(f"{shown}: {error}") from None
    kept = [frozenset(p & cpus) for p in listed]
    kept = [p for p in kept if p]
    if not kept:
        raise ConfigError(f"{shown}: none of these CPUs is available to this process")
    return kept


def _numbers(text: str) -> list[int]:
    parts = [p.strip() for p in text.split(":")]
    if not 1 <= len(parts) <= 3 or not all(re.fullmatch(r"-?\d+", p) for p in parts):
        raise ValueError(f"expected number[:length[:stride]], found {text!r}")
    return [int(p) for p in parts]


def _interval(text: str) -> list[int]:
    """``n``, ``n:length`` or ``n:length:stride``."""
    numbers = _numbers(text)
    start, length, stride = ([*numbers, 1, 1])[:3] if len(numbers) > 1 else (numbers[0], 1, 1)
    if length < 1:
        raise ValueError(f"a length must be positive, found {text!r}")
    return [start + k * stride for k in range(length)]


def _place(text: str) -> set[int]:
    """``{0,1,2}``, ``{0:4}``, ``{0:4:2}``, with ``!n`` excluding."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError(f"expected a place such as {{0,1}} or {{0:4}}, found {text!r}")
    chosen: set[int] = set()
    excluded: set[int] = set()
    for item in text[1:-1].split(","):
        item = item.strip()
        if item.startswith("!"):
            excluded.update(_interval(item[1:]))
        else:
            chosen.update(_interval(item))
    return chosen - excluded


def _place_list(text: str) -> list[frozenset[int]]:
    """``{..},{..}`` with ``{..}:count:stride`` intervals of places."""
    found: list[frozenset[int]] = []
    for item in re.findall(r"!?\{[^}]*\}(?:\s*:\s*-?\d+(?:\s*:\s*-?\d+)?)?|[^,]+", text):
        item = item.strip()
        if not item:
            continue
        if item.startswith("!"):
            raise ValueError("excluding whole places ('!{...}') is not supported")
        head, _, rest = item.partition("}")
        base = _place(head + "}")
        if not rest.strip():
            found.append(frozenset(base))
            continue
        numbers = _numbers(rest.strip().lstrip(":"))
        count, stride = ([*numbers, 1])[:2]
        if count < 1:
            raise ValueError(f"a number of places must be positive, found {item!r}")
        for k in range(count):
            found.append(frozenset(cpu + k * stride for cpu in base))
    if not found:
        raise ValueError("no places")
    return found


def _abstract(kind: str, cpus: frozenset[int]) -> list[Place]:
    """The places of ``threads``, ``cores``... from /sys (each CPU alone when unknown)."""
    if kind == "threads":
        return [frozenset({cpu}) for cpu in sorted(cpus)]
    groups: dict[frozenset[int], None] = {}
    for cpu in sorted(cpus):
        group = _group_of(kind, cpu) or frozenset({cpu})
        groups.setdefault(frozenset(group & cpus), None)
    return [g for g in groups if g]


def _group_of(kind: str, cpu: int) -> frozenset[int] | None:
    base = Path(f"/sys/devices/system/cpu/cpu{cpu}")
    files = {
        "cores": [base / "topology/thread_siblings_list", base / "topology/core_cpus_list"],
        "sockets": [base / "topology/package_cpus_list", base / "topology/core_siblings_list"],
        "ll_caches": [
            base / "cache/index3/shared_cpu_list",
            base / "cache/index2/shared_cpu_list",
        ],
        "numa_domains": sorted(base.glob("node*/cpulist")) if base.exists() else [],
    }[kind]
    for path in files:
        try:
            return frozenset(_cpu_list(path.read_text()))
        except (OSError, ValueError):
            continue
    return None


def _cpu_list(text: str) -> list[int]:
    """``0-3,8-11`` as Linux writes CPU lists."""
    found: list[int] = []
    for part in text.strip().split(","):
        if "-" in part:
            low, high = part.split("-")
            found.extend(range(int(low), int(high) + 1))
        elif part:
            found.append(int(part))
    return found


# -- binding a team ----------------------------------------------------------------------


def policy(level: int, clause: str | None) -> str | None:
    """The policy of a team at nesting ``level`` (1 = outermost); None: no binding."""
    bind = bind_var()
    if bind == ("false",) or not CAN_BIND:
        return None  # OpenMP: proc_bind clauses are ignored when binding is off
    chosen = clause or bind[min(level, len(bind)) - 1]
    if chosen == "false":
        return None
    return {"master": "primary", "true": "spread"}.get(chosen, chosen)


def assign(chosen: str, size: int, count: int, primary: int) -> list[int]:
    """The place (an index into the place list) of each thread of a team."""
    if chosen == "primary" or count == 0:
        return [primary] * size
    if chosen == "close" or size > count:
        if size <= count:
            return [(primary + i) % count for i in range(size)]
        return [(primary + i * count // size) % count for i in range(size)]
    return [(primary + i * count // size) % count for i in range(size)]  # spread


@contextlib.contextmanager
def team_places(size: int, clause: str | None) -> Iterator[None]:
    """While a team of ``size`` forks and runs: the master on thread 0's place, the
    plan for :func:`bind_worker`; the master's own affinity back afterwards."""
    global _plan, _mine
    parent = state.current()
    level = (parent.team.level if parent.team else 0) + 1
    chosen = policy(level, clause)
    if chosen is None:
        yield
        return
    if _plan is not None:  # a nested team: it keeps to its master's place
        plan = [_plan[parent.num]] * size
    else:
        listed = places()
        indices = assign(chosen, size, len(listed), 0)
        plan = [listed[i] for i in indices]
    before = available()
    saved = (_plan, _mine)
    _plan, _mine = plan, plan[0]
    _set(0, plan[0])
    try:
        yield
    finally:
        _plan, _mine = saved
        _set(0, before)


def bind_worker(pid: int, num: int) -> None:
    """Bind a worker just forked (its thread number ``num``) to its place."""
    if _plan is not None:
        _set(pid, _plan[num])


def _set(pid: int, cpus: frozenset[int]) -> None:
    try:
        os.sched_setaffinity(pid, cpus)
    except (OSError, ValueError):
        pass  # a CPU went away, or the platform refuses: run unbound rather than fail


def current_place() -> int:
    """The place number of the calling thread, or -1 when omppy did not bind it."""
    me = state.current()
    if _mine is None and _plan is None:
        return -1
    place = _plan[me.num] if _plan is not None and me.num < len(_plan) else _mine
    try:
        return places().index(place) if place is not None else -1
    except ValueError:
        return -1


def reset() -> None:
    """Forget what was read from the environment (for tests)."""
    global _places, _bind
    _places = None
    _bind = None
