"""What a failed region leaves in the program's objects: python's state, or an error.

Under python a loop stops at the iteration that raised: the objects hold the stores of
every iteration before it (and what that iteration did before raising), none after.
A team runs the iterations at once; when one raises, the program sees that failure, the
first in python's order (firstfailure.py), and this module decides what the stores of
the team's threads become.

Each thread's work is placed in python's order, as a failure is: ``(loops, chunk
start, thread number)``.  A thread's places only grow, so two of them tell what it did:
where it stopped (``end``: its last chunk when it stopped between chunks, else where it
was), and on a forked team the first chunk it began since its last barrier (``first``:
what its changes not yet carried span).  Against the failure's place ``f``:

- a thread that ended before ``f`` (or failed at ``f``) ran only what python runs: its
  changes are applied;
- a forked worker whose every chunk since its last barrier comes after ``f`` made only
  changes python does not make: they are dropped (when none of them can have reached
  the others: no array in shared memory, no record in the log of synchronisation
  blocks);
- anything else cannot be split into python's part and the rest: a thread that ran
  iterations on both sides of ``f``, the master's (in place) or a thread's on the
  threads backend (in place, the objects are shared) after ``f``, a thread stopped in
  the middle of iterations python runs before ``f``, and names the region binds
  (reductions, ``lastprivate``, shared names: the master takes them only when the
  region ends).  Then :class:`RegionStateLost` is raised from the program's exception.

Failures that python does not have (omppy's own errors, a worker that died, Ctrl-C,
``sys.exit``) leave the objects as they are.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from .errors import AbortedBetween, OmpError, RegionStateLost, TeamAborted
from .firstfailure import AFTER_LOOP, Failure, earliest, last_frame
from .tracebacks import PACKAGE_DIR
from .where import location

Place = tuple[int, "int | None"]  # (loops begun, chunk start), as firstfailure.Position


class Stop:
    """Where one thread of a failed team got to (a plain class: see Region)."""

    __slots__ = ("aborted", "end", "first", "num")

    def __init__(
        self, num: int, end: Place, first: Place | None = None, aborted: str = ""
    ) -> None:
        self.num = num
        self.end = end  # its place when it stopped (its last chunk, if between chunks)
        self.first = first  # the first chunk it began since its last barrier
        # "between": stopped by a teammate's failure between chunks; "inside": stopped
        # elsewhere (a lock, a barrier of its own); "": it failed, or finished.
        self.aborted = aborted


def stop_of(thread: Any, error: BaseException | None) -> Stop:
    """``thread``'s :class:`Stop`, from its context, once its part of the region is over
    (``error``: what ended it, None when it finished)."""
    aborted = ""
    if isinstance(error, AbortedBetween):
        aborted = "between"
    elif isinstance(error, TeamAborted):
        aborted = "inside"
    return Stop(thread.num, (thread.loops, thread.chunk_start), thread.first_chunk, aborted)


# A place in an arena word: (loops << _SHIFT) + start + 2 (0: no place); worker.py
# writes it out itself on the path of a region that ends well.
_SHIFT = 41
_AFTER = 1 << 40  # AFTER_LOOP, and any start from here on
_ABORTED = ("", "between", "inside")


def _pack(loops: int, start: int | None) -> int:
    start = -1 if start is None else min(start, _AFTER)
    return (loops << _SHIFT) + start + 2


def _unpack(word: int) -> Place | None:
    if not word:
        return None
    start = (word & ((1 << _SHIFT) - 1)) - 2
    return (word >> _SHIFT, AFTER_LOOP if start == _AFTER else start)


def record(words: Any, base: int, thread: Any, error: BaseException | None = None) -> None:
    """Write a worker's place in its arena words (``base``: ``Arena.stop_base``) as its
    part of the region ends, for the master to read if the region failed.  (Two
    stores when the thread finished: its place is needed then too, since a thread
    that finished before a teammate failed may have run iterations after it.)"""
    at = base + 3 * thread.num
    words[at] = _pack(thread.loops, thread.chunk_start)
    first = thread.first_chunk
    words[at + 1] = 0 if first is None else _pack(*first)
    if error is not None:
        words[at + 2] = _ABORTED.index(stop_of(thread, error).aborted)


def read(words: Any, base: int, num: int) -> Stop:
    """The :class:`Stop` worker ``num`` wrote with :func:`record`."""
    at = base + 3 * num
    end = _unpack(int(words[at])) or (0, 0)
    return Stop(num, end, _unpack(int(words[at + 1])), _ABORTED[int(words[at + 2])])


def judged(chosen: BaseException) -> bool:
    """Whether the objects must hold python's state after the failure ``chosen``: it is
    one python raises too (not omppy's own error, a worker's death, Ctrl-C or
    ``sys.exit``), and the program may catch it (:func:`may_be_caught`); else they are
    left as they are."""
    if isinstance(chosen, (OmpError, KeyboardInterrupt, SystemExit, GeneratorExit)):
        return False
    return may_be_caught()


# The frame that runs the program's main code under ``omppy run`` and the autohook
# (runner.run_main_code): an exception that reaches it ends the program.  Frames of
# importlib and runpy only clean up and raise again.
_TOP = "run_main_code"
_PASSING = ("<frozen importlib", "<frozen runpy")


def may_be_caught() -> bool:
    """Whether an exception raised here may be caught (or seen by a ``finally`` or
    ``with`` block) before it ends the program: a handler of a frame of the program's
    covers its call, or the region runs inside omppy's own thread or task code (an
    enclosing region's, whose failure carries the changes on).  When nothing can
    catch it, what the region leaves is never read: the exception ends the program
    as it always did."""
    import sys

    if _exception_table() is None:
        return True
    frame: Any = sys._getframe(1)
    inside = True  # omppy's frames of this region, until the first of the program's
    while frame is not None:
        code = frame.f_code
        name = code.co_filename
        ours = name.startswith(PACKAGE_DIR + os.sep)
        if not ours:
            inside = False
        if ours and code.co_name == _TOP and name.endswith("runner.py"):
            return False
        if not (inside or name.startswith(_PASSING)) and _covered(frame):
            return True
        frame = frame.f_back
    return False


def _exception_table() -> Any:
    """``dis``'s reader of a code object's exception table (Python 3.11+), or None."""
    import dis

    return getattr(dis, "_parse_exception_table", None)


def _covered(frame: Any) -> bool:
    """Whether a handler of ``frame``'s code (``try``, ``with``, ``finally``) covers the
    instruction it is at (:func:`_exception_table` must exist)."""
    lasti = frame.f_lasti
    return any(entry.start <= lasti < entry.end for entry in _exception_table()(frame.f_code))


def decide(
    failures: Sequence[Failure],
    stops: Mapping[int, Stop],
    in_place: Collection[int],
    names: Sequence[str],
    where: str,
    carried: str = "",
    unknown: Collection[int] = (),
    quiet: Collection[int] = (),
) -> set[int]:
    """The threads whose changes are dropped so that the program sees python's state,
    or :class:`RegionStateLost` raised (the caller raises it ``from`` the program's
    exception).

    ``in_place``: the threads whose stores are in the program's objects already (the
    master; every thread on the threads backend).  ``names``: the names the region
    binds.  ``carried``: why a worker's changes may have reached the others before its
    end ("" when they cannot have: see the module docstring).  ``unknown``: workers
    whose changes could not be compared (they can only be dropped).  ``quiet``:
    threads known to have changed no shared object since their last barrier (the
    region's numpy arrays and synchronisation blocks aside, which ``carried`` names):
    what they ran after the failure left nothing to undo."""
    num_f, place_f, exc = earliest(failures)
    if place_f is None:
        return set()
    f = _key(place_f)
    dropped: set[int] = set()
    problems: list[str] = []
    for num in sorted(stops):
        stop = stops[num]
        end = _key(stop.end)
        if end <= f and num in unknown:
            problems.append(f"the changes of thread {num} could not be compared")
            continue
        if num == num_f or end == f:
            # (Another thread at the failure's place: code outside the loops' chunks,
            # which every thread runs, python once; taken as python's, as when the
            # region ends well.)
            continue
        if end < f:
            if stop.aborted == "inside":
                problems.append(
                    f"thread {num} was stopped in the middle of {_span(stop)}, which "
                    "python runs before it"
                )
            continue
        ran = _span(stop)
        if num in quiet and not carried:
            continue
        if num in in_place:
            problems.append(f"thread {num} ran {ran}, after it, and its stores are in place")
        elif stop.first is not None and _key(stop.first) < f:
            problems.append(
                f"thread {num} ran {ran}, on both sides of it (a thread's changes since "
                "a barrier travel together)"
            )
        elif carried:
            problems.append(f"thread {num} ran {ran}, after it, and {carried}")
        else:
            dropped.add(num)
    bound = [name for name in names if not name.startswith("_omp_")]
    if bound:
        listed = ", ".join(bound)
        problems.append(
            f"the region binds {listed}, which the program gets only when it ends "
            "(python would have the values the iterations before it gave)"
        )
    if problems:
        raise RegionStateLost(_message(where, num_f, place_f, exc, problems))
    return dropped


def _key(place: Place) -> tuple[int, int]:
    loops, start = place
    return (loops, -1 if start is None else start)


def _span(stop: Stop) -> str:
    """What a stopped thread ran, as far as its places tell."""
    loops, end = stop.end
    if end is None or end < 0 or end >= AFTER_LOOP:
        last = "code after the loop" if end == AFTER_LOOP else "code of the region"
    else:
        last = f"the chunk from iteration {end}"
    first = stop.first
    if first is not None and first[0] == loops and first[1] is not None and 0 <= first[1] != end:
        return f"its chunks from iteration {first[1]} to the one from iteration {end}"
    return last


def _message(
    where: str, num: int, place: Place, exc: BaseException, problems: list[str]
) -> str:
    start = place[1]
    if start is None or start < 0 or start >= AFTER_LOOP:
        at = f"in thread {num}, outside a loop's iterations"
    else:
        at = f"in thread {num}'s chunk from iteration {start}"
    return (
        f"{where}: the region failed with {_brief(exc)} {at}, where the program may "
        "catch it, and its objects cannot be left as python leaves them (the stores "
        "of the iterations before the one that raised, none after): "
        + "; ".join(problems)
        + "; catch the exception inside the loop body (or the function it calls), or "
        "let it end the program"
    )


def alone(region: Any, exc: BaseException) -> None:
    """A team of one failed with ``exc``: its stores are python's, but the names the
    region binds reach the program only when it ends (:class:`RegionStateLost`,
    raised from ``exc``, when it binds any and the program may catch ``exc``)."""
    bound = [name for name in names_bound(region) if not name.startswith("_omp_")]
    if not bound or not judged(exc):
        return
    failure: Failure = (0, (0, -1), exc)
    try:
        decide([failure], {}, (), bound, location())
    except RegionStateLost as lost:
        raise lost from exc


def _brief(exc: BaseException) -> str:
    """``Type: message (File ..., line N, in f)``, without the exception's notes."""
    text = str(exc)
    said = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    frame = last_frame(exc)
    return f"{said} ({frame})" if frame else said


def storeless(region: Any) -> bool:
    """Whether the translator found that the region changes no shared object: it only
    reads each of its names, and the functions of its module change none of the
    module's globals (the same analysis tells the fork backend what to carry back,
    watch.py).  Then what ran after a failure left nothing to undo."""
    if region.shared or any(name not in region.readonly for name in region.args):
        return False
    if region.module_watch is not None:
        return not region.module_watch[1]
    home = getattr(region.body, "__globals__", None)
    effects = home.get("_omp_effects") if isinstance(home, dict) else None
    return isinstance(effects, dict) and not effects


def names_bound(region: Any) -> list[str]:
    """The names a failed region would have given the master (see :func:`decide`)
    that the program can still read after the exception (:func:`readable_after`)."""
    return readable_after([*region.reduction, *region.lastprivate, *region.shared])


def readable_after(names: Sequence[str]) -> list[str]:
    """Of ``names``, bound in the function that runs the region, those the program can
    read once the exception has left it: all of them when a handler of that function
    covers the region (a ``try``, ``with`` or ``finally`` around it), else only those
    that outlive its frame (module globals, names its closures keep).  A local of a
    function whose caller catches the exception is gone with its frame, under python
    too: ``pytest.raises(ValueError)`` around ``total(data)`` must see the
    ``ValueError``, not this module's error about ``total``'s reduction."""
    import sys

    frame: Any = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(PACKAGE_DIR + os.sep):
        frame = frame.f_back  # omppy's own frames, up to the one that runs the region
    if frame is None or _exception_table() is None or _covered(frame):
        return list(names)
    code = frame.f_code
    return [n for n in names if n not in code.co_varnames or n in code.co_cellvars]
