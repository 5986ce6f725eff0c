"""Carrying a worker's exception to the master, and naming how a worker died.

A worker's exception crosses the process boundary pickled.  Many exception classes
do not survive ``pickle`` (a constructor with several arguments that passes one
message to ``super().__init__``); for those the master rebuilds the object without
calling its constructor.  When even that fails, a :class:`WorkerException` carries
the type name and message.  The worker's formatted traceback (the user's file and
lines) is attached as ``__cause__``, as ``concurrent.futures`` and loky do.
"""

from __future__ import annotations

import copyreg
import os
import pickle
import signal
import traceback
from typing import Any

from .errors import RemoteTraceback, WorkerException
from .tracebacks import PACKAGE_DIR, strip_internal


def _rebuild(kind: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    exc = kind.__new__(kind, *args) if issubclass(kind, OSError) else kind.__new__(kind)
    exc.args = args
    exc.__dict__.update(state)
    return exc


def _roundtrips(data: bytes, exc: BaseException) -> bool:
    try:
        back = pickle.loads(data)
    except Exception:
        return False
    return type(back) is type(exc) and str(back) == str(exc)


def pack_exception(exc: BaseException) -> bytes:
    """Serialise ``exc`` (with its traceback text) for the master; never raises."""
    text = "".join(traceback.format_exception(strip_internal(exc)))
    try:
        data = pickle.dumps(("pickled", pickle.dumps(exc), text))
        if _roundtrips(pickle.loads(data)[1], exc):
            return data
    except Exception:
        pass
    try:
        state = dict(getattr(exc, "__dict__", {}))
        body = pickle.dumps((type(exc), exc.args, state))
        kind, args, state = pickle.loads(body)
        if str(_rebuild(kind, args, state)) == str(exc):
            return pickle.dumps(("rebuilt", body, text))
    except Exception:
        pass
    return pickle.dumps(("described", (type(exc).__qualname__, str(exc)), text))


def unpack_exception(data: bytes) -> BaseException:
    """The master-side twin of :func:`pack_exception`, traceback attached."""
    how, body, text = pickle.loads(data)
    if how == "pickled":
        exc = pickle.loads(body)
    elif how == "rebuilt":
        exc = _rebuild(*pickle.loads(body))
    else:
        exc = WorkerException(*body)
    exc.__cause__ = RemoteTraceback(text)
    return exc


def describe_exit(status: int) -> str:
    """How a process ended, from its ``waitpid`` status, with the likely cause."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        how = f"killed by signal {number} ({name})"
        if number == signal.SIGKILL:
            how += "; the out-of-memory killer is a common cause"
        elif number == signal.SIGSEGV:
            how += "; a crash in an extension module is a common cause"
        return how
    if os.WIFEXITED(status):
        return (
            f"exited with status {os.WEXITSTATUS(status)} without finishing its work (os._exit?)"
        )
    return f"ended with wait status {status}"


# faulthandler's first line (3.11-3.13), written by a worker that crashed.
_FATAL = b"Fatal Python error: "


def crash_stack(data: bytes) -> str:
    """The Python stack that a crashed worker's faulthandler wrote after (or instead
    of) its report: the frames from the crash up to the region's body, and the lines
    faulthandler adds after the stack (3.12+ lists the extension modules); empty
    when there is none."""
    start = data.find(_FATAL)
    if start < 0:
        return ""
    lines = data[start:].decode("utf-8", "backslashreplace").splitlines()[1:]
    kept = ["Its Python stack when it crashed (most recent call first):"]
    frames = True
    for line in lines:
        if not line.strip() or line.startswith(("Stack (", "Current thread ", "Thread ")):
            continue
        if line.startswith("  "):
            # The frames below the body are omppy's and then the master's, from
            # before the fork: what called the region, not what crashed.
            frames = frames and not _internal_frame(line)
            if frames:
                kept.append(line)
        else:
            kept.append(line)
    return "\n".join(kept) if len(kept) > 1 else ""


def _internal_frame(line: str) -> bool:
    """A faulthandler line ``  File "/.../omppy/runtime/worker.py", line 9 in _work``."""
    text = line.strip()
    if not text.startswith('File "'):
        return False
    path = text[len('File "') :].split('"', 1)[0]
    return os.path.abspath(path).startswith(PACKAGE_DIR + os.sep)


copyreg.pickle(RemoteTraceback, lambda tb: (RemoteTraceback, (tb.text,)))
