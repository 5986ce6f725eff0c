"""Exceptions the runtime raises into user programs."""

from __future__ import annotations


class OmpError(RuntimeError):
    """Base class for errors raised by the omppy runtime."""


class WorkerDied(OmpError):
    """A thread of a team ended without finishing its part of the construct.

    Raised in the master when a forked worker was killed by a signal, called
    ``os._exit``, or vanished some other way (the out-of-memory killer is the
    usual suspect for ``SIGKILL``).  A worker that crashed (``SIGSEGV``, ``SIGBUS``,
    ``SIGFPE``, ``SIGILL``, ``SIGABRT``) sent its Python stack through faulthandler:
    ``stack`` holds it, and the message ends with it.
    """

    def __init__(self, thread_num: int, pid: int, how: str, stack: str = "") -> None:
        message = f"thread {thread_num} (pid {pid}) of the omppy team died: {how}"
        if stack:
            message += "\n" + stack
        super().__init__(message)
        self.thread_num = thread_num
        self.pid = pid
        self.how = how
        self.stack = stack  # its Python stack, when it crashed in C (faulthandler)


class TeamAborted(OmpError):
    """Raised in the threads of a team that another thread's failure stopped.

    It only unwinds the other threads; the master reports the original failure.
    """


class TeamDeadlock(OmpError):
    """A thread waits for something no thread of its team can ever do: a barrier a
    teammate will not reach (it has finished its part of the region), a simple lock it
    already holds, or anything the team waits for once every thread of it has left
    the region or waits (a lock a teammate keeps, an ordered turn that never comes).
    A C program would hang here; omppy stops with this (docs/runtime-api.md)."""


class ExchangeOverflow(OmpError):
    """A value exchanged between threads does not fit the team's exchange memory."""


class ErrorDirective(OmpError):
    """Raised where ``# omp error at(execution)`` runs (severity fatal, the default)."""


class OmpWarning(UserWarning):
    """Shown where ``# omp error at(execution) severity(warning)`` runs."""


class ResourceLimit(OmpError):
    """A team could not get what it needs from the operating system (descriptors,
    processes, address space) under the process's limits; the message names the
    limit and what to change."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker, attached as ``__cause__``."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return "\n\n" + self.text.rstrip("\n")


class WorkerException(OmpError):
    """Stands in for a worker's exception that could not be sent to the master.

    ``type_name`` and ``message`` describe the original exception; its traceback is
    attached as ``__cause__``.
    """

    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name = type_name
        self.message = message


class AbortedBetween(TeamAborted):
    """A :class:`TeamAborted` raised where its thread was between chunks of a loop
    (taking its next chunk, starting a loop, at a loop's own barrier): what it had
    begun ran to its end (failedstate.py)."""


class RegionStateLost(OmpError):
    """A region failed, and what it leaves in the program's objects cannot be what
    python leaves (the stores of the iterations before the one that raised, none
    after): raised from the program's own exception, naming which thread ran what.

    Catching it does not make the program's end look right: ``omppy run`` (and
    ``import omppy.autohook``) print it again when the program goes on to exit with
    status 0, and exit with status 1 instead (docs/runtime-api.md)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        raised.append(self)


# Every RegionStateLost made in this process, for the exit status (runner.py).
raised: list[RegionStateLost] = []
