"""The kernel's output as real file descriptors: a pipe per stream, relayed in order.

In ipykernel, ``sys.stdout`` is an ``OutStream`` whose ``write`` hands text to the
kernel's I/O thread and its ZeroMQ socket, and whose ``fileno()`` is a copy of the
*terminal* the kernel was started from.  omppy's region output
(``runtime/output.py``) writes every thread's lines straight to ``sys.stdout``'s
descriptor, so worker output would land in the server's log, not in the cell; and a
forked worker must never use the kernel's threads or sockets at all.

So, while a cell runs, ``sys.stdout``/``sys.stderr`` are :class:`RelayedStream`
objects: their ``fileno()`` is the write end of a pipe owned by omppy, and a
relay thread in the kernel forwards whatever arrives on the pipes to the kernel's
streams.  A worker only ever calls ``os.write`` on the pipe it inherited.  Every
write of the kernel process itself first drains the pipes, under one lock, so
text written by any thread before the master writes comes out first.
"""

from __future__ import annotations

import codecs
import io
import os
import select
import sys
import threading
from typing import Any

STREAMS = ("stdout", "stderr")
CHUNK = 1 << 16


class Channel:
    """One stream's pipe: workers write to ``write_fd``; the kernel reads ``read_fd``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.read_fd, self.write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        self.target: Any = None  # the kernel's own stream, where relayed text goes
        self.encoding = "utf-8"
        self.decoder = codecs.getincrementaldecoder(self.encoding)("replace")

    def aim_at(self, target: Any) -> None:
        encoding = getattr(target, "encoding", None) or "utf-8"
        if codecs.lookup(encoding).name != codecs.lookup(self.encoding).name:
            self.encoding = encoding
            self.decoder = codecs.getincrementaldecoder(encoding)("replace")
        self.target = target

    def drain(self) -> None:
        """Forward everything waiting in the pipe (the caller holds the relay's lock)."""
        chunks = []
        while True:
            try:
                data = os.read(self.read_fd, CHUNK)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        if chunks and self.target is not None:
            text = self.decoder.decode(b"".join(chunks))
            if text:
                self.target.write(text)
                # ipykernel buffers a stream's text per writing thread: sent now, the
                # relay thread's text cannot come after what the cell's thread writes
                # next (the cell's own "after the region" line).
                self.target.flush()

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            try:
                os.close(fd)
            except OSError:
                pass


class OutputRelay:
    """The pipes, the lock that orders writes, and the thread that forwards them."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.channels = {name: Channel(name) for name in STREAMS}
        self.wake_read, self.wake_write = os.pipe()
        self.running = True
        self.thread = threading.Thread(target=self._pump, name="omppy-output-relay", daemon=True)
        self.thread.start()

    # -- the relay thread --------------------------------------------------------------

    def _pump(self) -> None:
        watched = [channel.read_fd for channel in self.channels.values()]
        while self.running:
            try:
                select.select([*watched, self.wake_read], [], [])
            except (OSError, ValueError):
                return  # a descriptor was closed under us: stopping
            if not self.running:
                return
            self.drain()

    def drain(self) -> None:
        """Forward what the pipes hold now, so that it precedes what comes next."""
        with self.lock:
            for channel in self.channels.values():
                try:
                    channel.drain()
                except Exception:
                    # The kernel's stream failed (closed at shutdown): nothing to show
                    # it on, and the relay must go on serving the other stream.
                    pass

    def stop(self) -> None:
        """Forward what is left, end the thread and close the pipes."""
        if not self.running:
            return
        self.drain()
        self.running = False
        try:
            os.write(self.wake_write, b"x")
        except OSError:
            pass
        self.thread.join(timeout=5)
        for channel in self.channels.values():
            channel.close()
        for fd in (self.wake_read, self.wake_write):
            try:
                os.close(fd)
            except OSError:
                pass

    # -- the streams a cell sees -------------------------------------------------------

    def wrap(self, name: str, stream: Any) -> Any:
        """``stream`` as a :class:`RelayedStream` on this relay's pipe for ``name``."""
        if isinstance(stream, RelayedStream) or not needs_relay(stream):
            return stream
        channel = self.channels[name]
        with self.lock:
            channel.aim_at(stream)
        return RelayedStream(stream, channel, self)

    def install(self) -> None:
        """Put relayed streams in ``sys.stdout``/``sys.stderr`` (before a cell runs)."""
        sys.stdout = self.wrap("stdout", sys.stdout)
        sys.stderr = self.wrap("stderr", sys.stderr)

    def uninstall(self) -> None:
        """Forward what is left and give the kernel its own streams back (after a cell)."""
        self.drain()
        for name in STREAMS:
            stream = getattr(sys, name)
            if isinstance(stream, RelayedStream) and stream.relay is self:
                stream.flush()
                setattr(sys, name, stream.target)

    def write_fd(self, name: str) -> int:
        return self.channels[name].write_fd


def needs_relay(stream: Any) -> bool:
    """Whether a stream's text and its ``fileno()`` could go different ways.

    A real file (a terminal IPython's ``sys.stdout``) is left alone: its descriptor
    is where its text goes.  Anything else (the kernel's ``OutStream``) is relayed.
    """
    if stream is None:
        return False
    return not isinstance(stream, io.TextIOWrapper)


class RelayedStream(io.TextIOBase):
    """The kernel's stream, with a descriptor of omppy's own for forked workers.

    ``write`` drains the pipe first (text a worker wrote earlier must come first),
    then writes to the kernel's stream.  Everything else (``set_parent``, ``session``,
    ``flush_interval`` ...) is the kernel stream's own.  In a forked process it never
    touches the kernel's stream or the relay's lock (another thread of the kernel may
    have held it at the fork): it writes to the pipe.
    """

    def __init__(self, target: Any, channel: Channel, relay: OutputRelay) -> None:
        super().__init__()
        self.target = target
        self.channel = channel
        self.relay = relay

    def __getattr__(self, name: str) -> Any:
        return getattr(self.target, name)

    @property
    def name(self) -> Any:
        return getattr(self.target, "name", f"<{self.channel.name}>")

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.channel.encoding

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "replace"

    def fileno(self) -> int:
        return self.channel.write_fd

    def isatty(self) -> bool:
        return bool(getattr(self.target, "isatty", lambda: False)())

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if os.getpid() != self.relay.owner:
            write_all(self.channel.write_fd, text.encode(self.channel.encoding, "replace"))
            return len(text)
        with self.relay.lock:
            for channel in self.relay.channels.values():
                channel.drain()
            self.target.write(text)
        return len(text)

    def flush(self) -> None:
        if os.getpid() != self.relay.owner:
            return
        self.relay.drain()
        self.target.flush()

    def close(self) -> None:
        pass  # the kernel's stream is not ours to close

    @property
    def closed(self) -> bool:
        return bool(getattr(self.target, "closed", False))


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
