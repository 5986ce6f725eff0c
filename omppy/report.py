"""The load-balance report of ``omppy run --report`` / ``OMPPY_REPORT=1`` (docs/tracing.md).

:func:`render` turns the spans the runtime recorded (``runtime/trace.py``) into a
table, one row per parallel region of the program (by ``file:line``) and one per
work-sharing loop in it, and into hints where the numbers make one obvious.

- **busy**: a thread's time in the region's body (a loop's: in its chunks), less
  its waits (at barriers, for critical/atomic locks, for its ordered turn);
- **imbalance**: ``1 - mean(busy) / max(busy)``, the share of the time the threads
  spent idle while the busiest one worked;
- **overhead**: the region's wall time less the longest body, as a share of the
  wall time: setting up and forking the team, starting the workers, sending their
  results, joining and merging them.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Span = tuple[str, str, tuple[int, ...], int, int, int, "dict[str, Any] | None"]

IMBALANCED = 0.20  # a static loop whose threads idle this much gets a hint
SIGNIFICANT_NS = 20_000_000  # ... if its busiest thread worked at least this long
SIGNIFICANT_RUN_NS = 2_000_000  # ... and this long per run of the loop
ITERATIONS_PER_THREAD = 4  # ... and it has enough iterations to share out otherwise
MANY_RUNS = 100  # a region run this often ...
COSTLY_OVERHEAD = 0.30  # ... with this share of overhead gets a hint


@dataclass
class Row:
    """One construct's totals over all its runs."""

    where: str
    what: str  # "parallel", or "for static,4"
    runs: int = 0
    wall: int = 0  # ns, summed over runs
    overhead: int = 0  # ns, summed over runs (regions only)
    busy: dict[int, int] = field(default_factory=lambda: defaultdict(int))  # thread -> ns
    n: int = 0  # a loop's iterations (its last run)
    threads: int = 0
    loops: list[Row] = field(default_factory=list)

    @property
    def imbalance(self) -> float:
        values = list(self.busy.values())
        if len(values) < 2 or max(values) <= 0:
            return 0.0
        return 1.0 - sum(values) / len(values) / max(values)

    @property
    def overhead_share(self) -> float:
        return self.overhead / self.wall if self.wall else 0.0


def _waits_within(spans: list[Span]) -> Any:
    """A function (track, begin, end) -> ns of waits on that track inside the interval."""
    waits: dict[tuple[Any, int], list[tuple[int, int]]] = defaultdict(list)
    for _, category, key, tid, begin, end, _ in spans:
        if category == "wait":
            waits[(key, tid)].append((begin, end))

    def within(track: tuple[Any, int], begin: int, end: int) -> int:
        return sum(
            min(e, end) - max(b, begin)
            for b, e in waits.get(track, ())
            if b >= begin and e <= end
        )

    return within


def analyse(spans: Iterable[Span]) -> list[Row]:
    """The regions' rows (with their loops'), in order of first run."""
    spans = list(spans)
    within = _waits_within(spans)
    regions: dict[str, Row] = {}
    region_site: dict[str, str] = {}  # region instance -> its where
    bodies: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)  # rid -> tid -> (b, busy)
    walls: dict[str, int] = {}
    for _, category, key, tid, begin, end, args in sorted(spans, key=lambda s: s[4]):
        if category == "region" and tid == 0 and args:
            rid, where = args["region"], args["where"]
            row = regions.setdefault(where, Row(where, "parallel"))
            row.runs += 1
            row.wall += end - begin
            row.threads = max(row.threads, args.get("threads", 0))
            region_site[rid] = where
            walls[rid] = end - begin
        elif category == "body" and args:
            busy = end - begin - within((key, tid), begin, end)
            bodies[args["region"]][tid] = (end - begin, busy)
    for rid, threads in bodies.items():
        where = region_site.get(rid)
        if where is None:
            continue  # a region whose master did not finish recording it
        row = regions[where]
        for tid, (_, busy) in threads.items():
            row.busy[tid] += busy
        longest = max(length for length, _ in threads.values())
        row.overhead += max(0, walls[rid] - longest)
    loops: dict[tuple[str, str], Row] = {}
    extents: dict[tuple[str, str], dict[tuple[str, int], tuple[int, int]]] = defaultdict(dict)
    for _, category, key, tid, begin, end, args in sorted(spans, key=lambda s: s[4]):
        if category not in ("loop", "chunk") or not args:
            continue
        where = region_site.get(args["region"], "?")
        site = (where, args["loop"])
        if site not in loops:
            loops[site] = Row(args["loop"], f"for {args['schedule']}")
            if where in regions:
                regions[where].loops.append(loops[site])
                loops[site].threads = regions[where].threads
        row = loops[site]
        if category == "chunk":
            row.busy[tid] += end - begin - within((key, tid), begin, end)
        else:
            row.busy[tid] += 0  # a thread that got no chunk was idle all along
            row.n = args["n"]
            run = (args["region"], args["instance"])
            first, last = extents[site].get(run, (begin, end))
            extents[site][run] = (min(first, begin), max(last, end))
    for site, row in loops.items():
        row.runs = len(extents[site])
        row.wall = sum(end - begin for begin, end in extents[site].values())
    return list(regions.values())


def hints(rows: list[Row]) -> list[str]:
    """Concrete advice where the numbers make it obvious."""
    found = []
    for row in rows:
        per_run = row.overhead / row.runs if row.runs else 0
        if row.runs >= MANY_RUNS and row.overhead_share >= COSTLY_OVERHEAD:
            found.append(
                f"{_short(row.where)}: region ran {row.runs:,} times at "
                f"{per_run / 1e6:.1f} ms overhead each ({row.overhead_share:.0%} of its "
                "time); move the pragma to the outer loop"
            )
        for loop in row.loops:
            schedule = loop.what.removeprefix("for ")
            busiest = max(loop.busy.values(), default=0)
            if (
                schedule.startswith("static")
                and len(loop.busy) > 1
                and loop.imbalance >= IMBALANCED
                and busiest >= SIGNIFICANT_NS
                and busiest >= SIGNIFICANT_RUN_NS * max(loop.runs, 1)
                and loop.n >= ITERATIONS_PER_THREAD * len(loop.busy)
            ):
                found.append(
                    f"{_short(loop.where)}: schedule({schedule}) left threads idle "
                    f"{loop.imbalance:.0%} of the time; try schedule(dynamic, "
                    f"{suggested_chunk(loop.n, len(loop.busy))})"
                )
    return found


def suggested_chunk(n: int, threads: int) -> int:
    """About eight chunks per thread, rounded down to a power of two."""
    target = max(1, n // (threads * 8))
    return 1 << (target.bit_length() - 1)


def render(spans: Iterable[Span]) -> str:
    """The report as text, for stderr."""
    rows = analyse(spans)
    if not rows:
        return "omppy report: no parallel region ran on a team of more than one thread\n"
    labels = []
    for row in rows:
        labels.append((f"{_short(row.where)} parallel", row, True))
        labels.extend((f"  {_short(loop.where)} {loop.what}", loop, False) for loop in row.loops)
    width = max(34, *(len(label) for label, _, _ in labels))
    lines = [
        "omppy report (times in seconds; busy = work, less waits; see docs/tracing.md)",
        f"{'construct':<{width}} {'runs':>6} {'wall':>9}  {'busy per thread':<32} "
        f"{'imbalance':>9} {'overhead':>8}",
    ]
    lines.extend(_line(label, row, overhead, width) for label, row, overhead in labels)
    found = hints(rows)
    if found:
        lines.append("hints:")
        lines.extend(f"  {hint}" for hint in found)
    return "\n".join(lines) + "\n"


def _line(label: str, row: Row, overhead: bool, width: int) -> str:
    busy = [row.busy[t] / 1e9 for t in sorted(row.busy)]
    if len(busy) <= 6:
        shown = " ".join(f"{b:.3f}" for b in busy)
    else:
        shown = f"{min(busy):.3f}..{max(busy):.3f} ({len(busy)} threads)"
    extra = f"{row.overhead_share:>8.0%}" if overhead else f"{'':>8}"
    return (
        f"{label:<{width}} {row.runs:>6,} {row.wall / 1e9:>9.3f}  {shown:<32} "
        f"{row.imbalance:>9.0%} {extra}"
    ).rstrip()


def _short(where: str) -> str:
    """``file:line`` relative to the current directory when it is below it."""
    path, _, line = where.rpartition(":")
    if not path:
        return where
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = path
    shown = path if relative.startswith("..") else relative
    return f"{shown}:{line}"
