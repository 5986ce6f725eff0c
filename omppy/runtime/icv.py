"""Internal control variables (OpenMP's ICVs) and the environment that sets them.

Read once, lazily, from ``OMPPY_*`` (wins), ``OMP_*`` and, for pymp users, ``PYMP_*``
variables.  A malformed value is a :class:`ConfigError` naming the variable, never a
silent default.  ``omp_set_*`` routines change the values of the process that calls
them (and, through ``fork``, of the workers it starts afterwards); on the threads
backend a worker thread changes a copy of its own.
"""

from __future__ import annotations

import os
import threading

SCHEDULE_KINDS = ("static", "dynamic", "guided", "auto")
PREFIXES = ("OMPPY_", "OMP_", "PYMP_")
TRUE_WORDS = {"true", "1", "yes", "on"}
FALSE_WORDS = {"false", "0", "no", "off"}
# The default thread limit (OMP_THREAD_LIMIT): a team asking for more gets this many
# threads and a warning (team.py).  A team of 1,024 processes on a small machine
# already costs gigabytes; 10**6 (a typo) would be a fork bomb.
THREAD_LIMIT = 1024


class ConfigError(ValueError):
    """A malformed ``OMP_*``/``OMPPY_*`` environment variable or ICV setting."""


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask), not the machine's total."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _lookup(suffix: str) -> tuple[str, str] | None:
    """The (variable name, value) of the highest-priority variable that is set."""
    for prefix in PREFIXES:
        name = prefix + suffix
        value = os.environ.get(name)
        if value is not None and value.strip() != "":
            return name, value.strip()
    return None


def _positive_int(name: str, text: str, whole: str | None = None) -> int:
    """``text`` as a positive integer; errors quote the variable's ``whole`` value."""
    shown = f"{name}={(whole if whole is not None else text)!r}"
    part = f" (not {text!r})" if whole is not None and whole.strip() != text.strip() else ""
    try:
        value = int(text)
    except ValueError:
        raise ConfigError(f"{shown}: expected a positive integer{part}") from None
    if value < 1:
        raise ConfigError(f"{shown}: expected a positive integer{part}")
    return value


def _boolean(name: str, text: str) -> bool:
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={text!r}: expected true or false")


def parse_num_threads(name: str, text: str) -> tuple[int, ...]:
    """``"4"`` or ``"4,2"``: one team size per nesting level."""
    return tuple(_positive_int(name, part.strip(), text) for part in text.split(","))


def parse_schedule(name: str, text: str) -> tuple[str, int | None]:
    """``"dynamic,4"`` -> ``("dynamic", 4)``; modifiers (``monotonic:``) are ignored."""
    kind_text, _, chunk_text = text.partition(",")
    kind = kind_text.split(":")[-1].strip().lower()
    if kind not in SCHEDULE_KINDS:
        raise ConfigError(
            f"{name}={text!r}: unknown schedule kind {kind!r} "
            f"(expected one of {', '.join(SCHEDULE_KINDS)})"
        )
    chunk = _positive_int(name, chunk_text.strip(), text) if chunk_text.strip() else None
    return kind, chunk


class ControlVariables:
    """The ICVs of one process.  Workers inherit a copy through ``fork``.

    A plain class, not a dataclass: importing ``dataclasses`` (which imports
    ``inspect``) was about a sixth of a cached run's start (issue 21)."""

    def __init__(self) -> None:
        self.num_threads: tuple[int, ...] = (available_cpus(),)
        self.schedule: tuple[str, int | None] = ("static", None)
        self.dynamic = False
        self.max_active_levels = 1
        self.thread_limit = THREAD_LIMIT
        self.exchange_mb = 256  # each thread's buffer for values handed to its team
        # OMPPY_CHECK=1: compare everything a region can reach, at any depth, and
        # refuse changes omppy cannot carry (docs/data-sharing.md, "Checking").
        self.deep_check = False
        self.fork = True  # OMPPY_FORK=0: no team forks, every region runs sequentially
        # OMP_CANCELLATION: whether '# omp cancel' cancels (cancel-var; docs/pragmas.md
        # says why omppy's default is true).
        self.cancellation = True
        # Set by the user: not shrunk to fit an address-space limit (limits.py).
        self.exchange_mb_explicit = False

    def copy(self) -> ControlVariables:
        new = object.__new__(ControlVariables)
        new.__dict__.update(self.__dict__)
        return new

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ControlVariables):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"ControlVariables({fields})"

    @classmethod
    def from_environment(cls) -> ControlVariables:
        icv = cls()
        found = _lookup("NUM_THREADS")
        if found:
            icv.num_threads = parse_num_threads(*found)
        found = _lookup("SCHEDULE")
        if found:
            icv.schedule = parse_schedule(*found)
        found = _lookup("DYNAMIC")
        if found:
            icv.dynamic = _boolean(*found)
        # Nesting is inactive by default, as in GNU libgomp, unless asked for.
        if len(icv.num_threads) > 1:
            icv.max_active_levels = len(icv.num_threads)
        found = _lookup("NESTED")
        if found:
            icv.max_active_levels = (1 << 16) if _boolean(*found) else 1
        found = _lookup("MAX_ACTIVE_LEVELS")
        if found:
            icv.max_active_levels = _positive_int(*found)
        found = _lookup("THREAD_LIMIT")
        if found:
            icv.thread_limit = _positive_int(*found)
        value = os.environ.get("OMPPY_EXCHANGE_MB", "").strip()
        if value:
            icv.exchange_mb = _positive_int("OMPPY_EXCHANGE_MB", value)
            icv.exchange_mb_explicit = True
        value = os.environ.get("OMPPY_CHECK", "").strip()
        if value:
            icv.deep_check = _boolean("OMPPY_CHECK", value)
        found = _lookup("CANCELLATION")
        if found:
            icv.cancellation = _boolean(*found)
        value = os.environ.get("OMPPY_FORK", "").strip()
        if value:
            icv.fork = _boolean("OMPPY_FORK", value)
        return icv

    def team_size_at(self, level: int) -> int:
        """The requested team size for a region at nesting ``level`` (1 = outermost)."""
        sizes = self.num_threads
        return sizes[min(level, len(sizes)) - 1]


_icv: ControlVariables | None = None
# A worker thread of the threads backend reads the ICVs of the thread that started its
# region (``inherited``), and copies them the first time it changes one (``owned``),
# as a forked worker has its own copy: its changes are its own and end with its part.
_thread_view = threading.local()


def icv() -> ControlVariables:
    """The calling thread's control variables (the process's, read from the
    environment on first use, unless a worker thread has its own)."""
    global _icv
    inherited = getattr(_thread_view, "inherited", None)
    if inherited is not None:
        return inherited
    if _icv is None:
        _icv = ControlVariables.from_environment()
    return _icv


def for_update() -> ControlVariables:
    """The control variables an ``omp_set_*`` routine called here may change."""
    inherited = getattr(_thread_view, "inherited", None)
    if inherited is not None and not _thread_view.owned:
        _thread_view.inherited = inherited.copy()
        _thread_view.owned = True
    return icv()


def enter_thread(inherited: ControlVariables) -> tuple[ControlVariables | None, bool]:
    """A worker thread starts its part of a region begun by a thread reading
    ``inherited``; returns what to give :func:`leave_thread` afterwards."""
    previous = (getattr(_thread_view, "inherited", None), getattr(_thread_view, "owned", False))
    _thread_view.inherited = inherited
    _thread_view.owned = False
    return previous


def leave_thread(previous: tuple[ControlVariables | None, bool]) -> None:
    _thread_view.inherited, _thread_view.owned = previous


def reset_from_environment() -> None:
    """Forget the ICVs so the next use reads the environment again (for tests)."""
    global _icv
    _icv = None
