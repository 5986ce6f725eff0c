"""Standard output and error while a thread team runs: whole lines, never mixed.

``print`` writes its text and its newline in separate calls, so two threads printing
at once can interleave halves of their lines.  While a team runs, ``sys.stdout`` and
``sys.stderr`` are :class:`ThreadLines`: each thread's text waits in its own buffer
until it ends a line, and complete lines go to the original stream under one lock
(the fork backend gives the same guarantee, ``runtime/output.py``).  What a thread
leaves without a newline is written when its part of the region ends.
"""

from __future__ import annotations

import _thread
import io
import sys
from typing import Any

_guard = _thread.allocate_lock()
_installed = 0  # teams running with the line writers in place
_writers: dict[str, ThreadLines] = {}  # "stdout"/"stderr" -> its writer


class ThreadLines(io.TextIOBase):
    """A text stream that passes whole lines of each thread to ``original``."""

    def __init__(self, original: Any) -> None:
        super().__init__()
        self.original = original
        self.lock = _thread.allocate_lock()
        self.pending: dict[int, str] = {}  # thread ident -> its unfinished line

    def __getattr__(self, name: str) -> Any:  # encoding, errors, buffer, fileno...
        return getattr(self.original, name)

    @property
    def encoding(self) -> Any:  # type: ignore[override]
        return getattr(self.original, "encoding", "utf-8")

    @property
    def errors(self) -> Any:  # type: ignore[override]
        return getattr(self.original, "errors", "strict")

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return bool(getattr(self.original, "isatty", lambda: False)())

    def fileno(self) -> int:
        return int(self.original.fileno())

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        me = _thread.get_ident()
        pending = self.pending.get(me, "") + text
        cut = pending.rfind("\n")
        if cut < 0:
            self.pending[me] = pending
            return len(text)
        self.pending[me] = pending[cut + 1 :]
        with self.lock:
            self.original.write(pending[: cut + 1])
        return len(text)

    def flush(self) -> None:
        # (also called when this writer is collected, by io's finaliser: the stream
        # it wrapped may be closed by then, as pytest's captures are)
        if getattr(self.original, "closed", False):
            return
        with self.lock:
            self.original.flush()

    def finish_thread(self) -> None:
        """Write what the calling thread left without a newline."""
        if not self.pending:  # (only this thread adds its own entry)
            return
        rest = self.pending.pop(_thread.get_ident(), "")
        if rest:
            with self.lock:
                self.original.write(rest)


def install() -> None:
    """Put the line writers in place (teams may nest: counted).  A stream's writer is
    made once and kept for the next region while the stream stays the same."""
    global _installed
    with _guard:
        _installed += 1
        if _installed > 1:
            return
        stream = sys.stdout  # (spelled out for each stream: a region's path, issue 22)
        if stream is not None:
            writer = _writers.get("stdout")
            if writer is None or writer.original is not stream:
                writer = _writers["stdout"] = ThreadLines(stream)
            sys.stdout = writer
        stream = sys.stderr
        if stream is not None:
            writer = _writers.get("stderr")
            if writer is None or writer.original is not stream:
                writer = _writers["stderr"] = ThreadLines(stream)
            sys.stderr = writer


def finish_thread() -> None:
    """The calling thread's part of a region ends: write its unfinished lines."""
    for writer in list(_writers.values()):
        writer.finish_thread()


def uninstall() -> None:
    global _installed
    with _guard:
        _installed -= 1
        if _installed:
            return
        for writer in _writers.values():
            writer.finish_thread()
        out = _writers.get("stdout")
        if out is not None and sys.stdout is out:  # the program may have replaced it
            sys.stdout = out.original
        err = _writers.get("stderr")
        if err is not None and sys.stderr is err:
            sys.stderr = err.original
