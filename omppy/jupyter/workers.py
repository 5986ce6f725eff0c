"""What a worker forked from a kernel may touch: pipes, never the kernel's sockets.

A kernel process runs threads (heartbeat, I/O, control, shell channel) and holds
ZeroMQ sockets.  ``fork`` copies only the forking thread; the sockets' state and any
lock another thread held are copied as they stood.  A worker therefore never uses
them:

- its ``sys.stdout``/``sys.stderr`` write to the relay's pipes (``relay.py``);
- the kernel's stream objects themselves (an ``OutStream`` that a logging handler
  kept, say) are redirected to the same pipes in the worker, by an at-fork hook;
- anything that would send a kernel message from a worker (``display()``,
  ``input()``, a widget update) raises :class:`KernelUnavailable` at the call, which
  reaches the master like any exception in a worker.  (A process the user forks
  outside a region, with ``multiprocessing`` say, keeps ipykernel's own behaviour.)

Python 3.12+ warns (``DeprecationWarning``) when a process with threads forks.  The
warning is about exactly the hazard this module closes, so it is silenced for
omppy's own forks, and only those: a ``fork`` the user calls still warns.
"""

from __future__ import annotations

import os
import sys
import threading
import warnings
from typing import Any

from ..runtime import forking
from .relay import OutputRelay, write_all

FORK_WARNING = r"This process \(pid=\d+\) is multi-threaded, use of fork\(\) may lead to deadlocks"


class KernelUnavailable(RuntimeError):
    """A worker tried to talk to the notebook (display, input, widgets) directly."""


_relay: OutputRelay | None = None
_hook_registered = False


def attach(relay: OutputRelay | None) -> None:
    """Guard every process forked from now on, with ``relay``'s pipes for its output."""
    global _relay, _hook_registered
    _relay = relay
    if not _hook_registered and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_in_child)
        _hook_registered = True  # a hook cannot be unregistered: it checks ``_relay``


def quiet_fork_warning() -> None:
    """Silence CPython's fork-with-threads warning for forks made by omppy's runtime,
    and leave the kernel's own threads out of omppy's: a worker never uses them (see
    above); threads the notebook's code starts are still named."""
    warnings.filterwarnings(
        "ignore", message=FORK_WARNING, category=DeprecationWarning, module=r"omppy\."
    )
    forking.tolerate_threads(is_kernel_thread)


_KERNEL_PACKAGES = ("omppy", "ipykernel", "jupyter_client", "IPython", "zmq", "tornado", "comm")


def is_kernel_thread(thread: threading.Thread) -> bool:
    """A thread the kernel runs (I/O, heartbeat, control, history) or omppy's output
    relay, by its class or the function it runs."""
    target = getattr(thread, "_target", None)
    modules = (type(thread).__module__, getattr(target, "__module__", None) or "")
    return any(m.split(".")[0] in _KERNEL_PACKAGES for m in modules)


def _in_child() -> None:
    """At-fork hook, in the child: the kernel's streams and sockets are off limits."""
    relay = _relay
    if relay is None or os.getpid() == relay.owner:
        return
    streams = sys.modules.get("ipykernel.iostream")
    if streams is not None and hasattr(streams, "OutStream"):
        streams.OutStream.write = _out_stream_write
        streams.OutStream.flush = _out_stream_flush
    session = sys.modules.get("jupyter_client.session")
    if session is not None and hasattr(session, "Session"):
        original = session.Session.send

        def send(*args: Any, **kwargs: Any) -> Any:
            if _in_region():
                _refuse()
            return original(*args, **kwargs)  # a process of the user's own (multiprocessing)

        session.Session.send = send


def _out_stream_write(stream: Any, text: str) -> int:
    relay = _relay
    name = getattr(stream, "name", "stdout")
    if relay is None or name not in relay.channels:
        return len(text)
    write_all(relay.write_fd(name), str(text).encode(relay.channels[name].encoding, "replace"))
    return len(text)


def _out_stream_flush(stream: Any) -> None:
    pass  # every write already went to the pipe


def _in_region() -> bool:
    from ..runtime.routines import omp_in_parallel

    return omp_in_parallel()


def _refuse() -> None:
    raise KernelUnavailable(
        "an omppy worker cannot talk to the notebook (display(), input(), widgets): "
        "it is a forked process and the kernel's sockets belong to the kernel. Call it "
        "from thread 0 (under '# omp master') or after the region; print() works "
        "from every thread"
    )
