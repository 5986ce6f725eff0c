"""What a team takes from the operating system, fitted to the process's limits.

A team of T threads takes T - 1 pipes (two descriptors each, ``RLIMIT_NOFILE``),
T - 1 processes (``RLIMIT_NPROC``, memory) and the address space of its arena's
exchange buffers (``RLIMIT_AS``, the ``ulimit -v`` of many clusters).  Where a limit
is lower than what the team would take, the team takes less where it can (smaller
exchange buffers; the soft descriptor limit raised towards the hard one) and
otherwise fails with a :class:`ResourceLimit` that names the limit and what to
change, never a bare ``OSError``.  docs/reliability.md lists each case.
"""

from __future__ import annotations

import errno
import mmap
import os

from .errors import ResourceLimit
from .icv import icv

try:
    import resource
except ImportError:  # pragma: no cover - not POSIX
    resource = None  # type: ignore[assignment]

MAP_NORESERVE = getattr(mmap, "MAP_NORESERVE", 0x4000 if os.uname().sysname == "Linux" else 0)
MIN_SLOT = 64 << 10  # the smallest exchange buffer a reduced arena gets
SLOT_GRAIN = 64 << 10  # reduced buffers are a multiple of this


def describe_size(size: int) -> str:
    """``size`` bytes for a message: ``256 MiB``, ``1.5 GiB``, ``192 KiB``."""
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GiB"
    if size >= 1 << 20:
        mib = size / (1 << 20)
        return f"{mib:.0f} MiB" if size % (1 << 20) == 0 else f"{mib:.1f} MiB"
    return f"{size >> 10} KiB"


# -- address space ----------------------------------------------------------------------


def _address_space_limit() -> int | None:
    """The soft ``RLIMIT_AS`` in bytes, or None when there is none."""
    if resource is None:
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft


def _address_space_used() -> int | None:
    """This process's mapped address space (``VmSize``), or None where unknown."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * mmap.PAGESIZE
    except (OSError, ValueError, IndexError):
        return None


def _limit_words(limit: int) -> str:
    return f"the address-space limit (ulimit -v, RLIMIT_AS) of {describe_size(limit)}"


def exchange_slot_bytes(slots: int, fixed: int) -> tuple[int, str]:
    """The size of each of an arena's ``slots`` exchange buffers, and a note for
    messages when it is smaller than ``OMPPY_EXCHANGE_MB`` asks.

    Without an address-space limit a buffer gets ``OMPPY_EXCHANGE_MB``: the pages are
    reserved, not used.  Under ``RLIMIT_AS`` the arena may take at most half of the
    address space still free, so the program keeps room for its own data; the default
    size shrinks to fit, and a size the user set that does not fit is an error.
    """
    control = icv()
    wanted = control.exchange_mb << 20
    limit = _address_space_limit()
    if limit is None:
        return wanted, ""
    used = _address_space_used()
    if used is None:
        return wanted, ""  # cannot tell: map_exchange reports a refusal clearly
    budget = max(0, (limit - used) // 2 - fixed)
    if slots * wanted <= budget:
        return wanted, ""
    team = (slots - 1) // 2
    if control.exchange_mb_explicit:
        raise ResourceLimit(
            f"OMPPY_EXCHANGE_MB={control.exchange_mb} asks for {slots} exchange buffers of "
            f"{describe_size(wanted)} ({describe_size(slots * wanted)}) for a team of "
            f"{team}, more than half of the {describe_size(max(0, limit - used))} of "
            f"address space left under {_limit_words(limit)}; lower OMPPY_EXCHANGE_MB "
            "or the number of threads, or raise the limit"
        )
    size = budget // slots // SLOT_GRAIN * SLOT_GRAIN
    if size < MIN_SLOT:
        raise ResourceLimit(
            f"a team of {team} needs at least {describe_size(slots * MIN_SLOT)} of address "
            f"space for its exchange buffers ({slots} of {describe_size(MIN_SLOT)}), more "
            f"than half of the {describe_size(max(0, limit - used))} left under "
            f"{_limit_words(limit)}; use fewer threads or raise the limit"
        )
    note = (
        f" (reduced from {describe_size(wanted)} to fit {slots} buffers under "
        f"{_limit_words(limit)})"
    )
    return size, note


def map_exchange(size: int, slots: int, slot_bytes: int) -> mmap.mmap:
    """The arena's shared mapping of ``size`` bytes (pages reserved, not committed)."""
    flags = mmap.MAP_SHARED | MAP_NORESERVE
    try:
        return mmap.mmap(-1, size, flags=flags)
    except OSError as error:
        if error.errno != errno.ENOMEM:
            raise
        limit = _address_space_limit()
        where = (
            _limit_words(limit)
            if limit is not None
            else "the system (vm.overcommit_memory=2 commits every reserved page, "
            "and vm.max_map_count bounds the mappings)"
        )
        raise ResourceLimit(
            f"could not reserve {describe_size(size)} of address space for a team's "
            f"exchange buffers ({slots} of {describe_size(slot_bytes)}, OMPPY_EXCHANGE_MB="
            f"{icv().exchange_mb}): refused by {where}; lower OMPPY_EXCHANGE_MB or the "
            "number of threads"
        ) from None


# -- descriptors --------------------------------------------------------------------------


def report_pipes(count: int) -> list[tuple[int, int]]:
    """``count`` pipes (a team's report and liveness pipes), raising the soft
    descriptor limit towards the hard one if they do not fit under it."""
    try:
        return _pipes(count)
    except OSError as error:
        if error.errno != errno.EMFILE or resource is None:
            raise
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = soft + 2 * count + 64
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if wanted > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            return _pipes(count)
        except (OSError, ValueError):
            pass
    raise ResourceLimit(
        f"a team of {count + 1} threads needs {2 * count} file descriptors for its pipes, "
        f"more than are left under the open-file limit (ulimit -n, RLIMIT_NOFILE: soft "
        f"{soft}, hard {hard}); use fewer threads, close files, or raise the limit"
    )


def _pipes(count: int) -> list[tuple[int, int]]:
    pipes: list[tuple[int, int]] = []
    try:
        for _ in range(count):
            pipes.append(os.pipe())
    except BaseException:
        for read_end, write_end in pipes:
            os.close(read_end)
            os.close(write_end)
        raise
    return pipes


# -- processes ------------------------------------------------------------------------------


def fork_refused(error: OSError, num: int, size: int) -> BaseException:
    """The error to raise when ``fork`` of thread ``num`` of ``size`` failed."""
    if error.errno == errno.EAGAIN:
        why = "the process limit (ulimit -u, RLIMIT_NPROC) or the system's"
        if resource is not None:
            soft, _ = resource.getrlimit(resource.RLIMIT_NPROC)
            if soft != resource.RLIM_INFINITY:
                why = f"the process limit (ulimit -u, RLIMIT_NPROC) of {soft} or the system's"
        cause = f"{why} (kernel.pid_max, kernel.threads-max) was reached"
    elif error.errno == errno.ENOMEM:
        cause = "the system is out of memory for a new process"
    else:
        return error
    return ResourceLimit(
        f"could not start thread {num} of a team of {size}: fork() failed ({cause}); "
        "use fewer threads (OMP_NUM_THREADS)"
    )
