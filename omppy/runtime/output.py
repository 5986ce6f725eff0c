"""Standard output and error inside a region: whole lines, in time order, never lost.

Inside a region every thread's ``sys.stdout``/``sys.stderr`` is a :class:`LineWriter`
that writes each complete line straight to the stream's file descriptor, under the
team's output lock.  So a line is never split by another thread, nothing waits in a
buffer that a fork would duplicate or an ``os._exit`` would drop, and a line written
before a barrier reaches the descriptor before the barrier completes.

Streams without a file descriptor (``io.StringIO``, pytest's capture) cannot be
shared by processes: workers then collect their text and the master writes it to
its own stream when the region ends.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import Any


class LineWriter(io.TextIOBase):
    """A text stream that hands complete lines to a descriptor atomically."""

    def __init__(self, original: Any, fd: int | None, lock: Any) -> None:
        super().__init__()
        self.original = original
        self.fd = fd
        self.lock = lock
        self.encoding_name = getattr(original, "encoding", None) or "utf-8"
        self.error_mode = getattr(original, "errors", None) or "strict"
        self.pending = ""
        self.collected: list[str] = []  # used when there is no descriptor
        self.owner = os.getpid()  # the master: it may write to ``original`` itself
        self.binary: BinaryLineWriter | None = None  # made on first use (``buffer``)

    @property
    def buffer(self) -> BinaryLineWriter:
        """Made when the program first asks for it: it and this writer refer to each
        other, a cycle that only a full collection frees."""
        if self.binary is None:
            self.binary = BinaryLineWriter(self)
        return self.binary

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.encoding_name

    @property
    def errors(self) -> str:  # type: ignore[override]
        return self.error_mode

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return bool(getattr(self.original, "isatty", lambda: False)())

    def fileno(self) -> int:
        if self.fd is None:
            raise io.UnsupportedOperation("fileno")
        return self.fd

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.pending += text
        cut = self.pending.rfind("\n")
        if cut >= 0:
            lines, self.pending = self.pending[: cut + 1], self.pending[cut + 1 :]
            self._emit(lines)
        return len(text)

    def flush(self) -> None:
        if self.pending:
            text, self.pending = self.pending, ""
            self._emit(text)
        if self.binary is not None and self.binary.pending:
            self.binary.flush()

    def _emit(self, text: str) -> None:
        if self.fd is None:
            if os.getpid() == self.owner:
                self.original.write(text)  # thread 0 shares the master's stream object
            else:
                self.collected.append(text)
            return
        self._emit_bytes(text.encode(self.encoding_name, self.error_mode))

    def _emit_bytes(self, data: bytes) -> None:
        if self.fd is None:
            self._emit(data.decode(self.encoding_name, "replace"))
            return
        with self.lock:
            view = memoryview(data)
            while view:
                written = os.write(self.fd, view)
                view = view[written:]


class BinaryLineWriter(io.RawIOBase):
    """``sys.stdout.buffer`` inside a region: whole lines of bytes, like the text side."""

    def __init__(self, text: LineWriter) -> None:
        super().__init__()
        self.text = text
        self.pending = b""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.text.flush()  # keep text written before these bytes ahead of them
        self.pending += chunk
        cut = self.pending.rfind(b"\n")
        if cut >= 0:
            lines, self.pending = self.pending[: cut + 1], self.pending[cut + 1 :]
            self.text._emit_bytes(lines)
        return len(chunk)

    def flush(self) -> None:
        if self.pending:
            data, self.pending = self.pending, b""
            self.text._emit_bytes(data)


def descriptor_of(stream: Any) -> int | None:
    """The file descriptor behind ``stream``, or None when it has none."""
    try:
        fd = stream.fileno()
        os.fstat(fd)
        return fd
    except Exception:
        return None


class RegionOutput:
    """Swaps a thread's ``sys.stdout``/``sys.stderr`` for line writers, and back."""

    def __init__(self, lock: Any) -> None:
        self.lock = lock
        self.saved: tuple[Any, Any] | None = None
        self.writers: tuple[LineWriter, LineWriter] | None = None

    def install(self) -> None:
        out, err = sys.stdout, sys.stderr
        self.saved = (out, err)
        self.writers = (
            LineWriter(out, descriptor_of(out), self.lock),
            LineWriter(err, descriptor_of(err), self.lock),
        )
        sys.stdout, sys.stderr = self.writers

    def flush(self) -> None:
        if self.writers:
            for writer in self.writers:
                writer.flush()

    def collected(self) -> tuple[str, str]:
        """Text that could not be written directly (no descriptor), for the master."""
        if not self.writers:
            return "", ""
        self.flush()
        out, err = self.writers
        return "".join(out.collected), "".join(err.collected)

    def restore(self) -> None:
        self.flush()
        if self.saved is not None:
            sys.stdout, sys.stderr = self.saved
            self.saved = None
        # The team's lock is a semaphore that maps a page: a failed region's traceback
        # keeps this object (and a writer the program kept) alive, so let go of it.
        # Once the team is gone there is no one left to take turns with.
        self.lock = contextlib.nullcontext()
        for writer in self.writers or ():
            writer.lock = self.lock


def flush_standard_streams() -> None:
    """Flush before ``fork``, so no buffered text is written by two processes."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            pass
