"""pymp's configuration: ``nested``, ``num_threads`` and ``thread_limit``.

Read once, when ``omppy.pymp`` is imported, from ``PYMP_*`` (wins, as in pymp), then
``OMPPY_*``, then ``OMP_*`` variables; a malformed value is a :class:`ConfigError`
naming the variable.  The three names are plain module attributes that a program may
set at any time (``pymp.config.nested = True``): a region reads them when it starts.

As in pymp, and unlike omppy's ``# omp`` regions, nesting is only ``nested`` (the
``NESTED`` variables): a list of thread counts does not switch it on (docs/pymp.md).
"""

from __future__ import annotations

import os

from ..runtime.icv import FALSE_WORDS, TRUE_WORDS, ConfigError, available_cpus, parse_num_threads

PREFIXES = ("PYMP_", "OMPPY_", "OMP_")


def _lookup(suffix: str) -> tuple[str, str] | None:
    """The (variable name, value) of the highest-priority variable that is set."""
    for prefix in PREFIXES:
        name = prefix + suffix
        value = os.environ.get(name, "").strip()
        if value:
            return name, value
    return None


def _nested_from_environment() -> bool:
    found = _lookup("NESTED")
    if found is None:
        return False
    name, text = found
    if text.lower() in TRUE_WORDS:
        return True
    if text.lower() in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={text!r}: expected true or false")


def _num_threads_from_environment() -> list[int]:
    found = _lookup("NUM_THREADS")
    return list(parse_num_threads(*found)) if found else [available_cpus()]


def _thread_limit_from_environment() -> int | None:
    found = _lookup("THREAD_LIMIT")
    if found is None:
        return None
    return parse_num_threads(*found)[0] if "," not in found[1] else _not_a_list(*found)


def _not_a_list(name: str, text: str) -> int:
    raise ConfigError(f"{name}={text!r}: expected a positive integer")


#: Whether a region may start inside another one (else: AssertionError, as in pymp).
nested: bool = _nested_from_environment()
#: Team size per nesting level; a single count is used at every level.
num_threads: list[int] = _num_threads_from_environment()
#: Most processes alive at once in all regions together (None: no limit).
thread_limit: int | None = _thread_limit_from_environment()
