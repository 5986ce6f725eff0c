"""Open files a fork team's threads share: one file description, a buffer per process.

A file object opened before a region is copied into every forked worker with its
buffer; the operating system's file description (its offset) stays one, shared.  So
a worker's ``log.write(...)`` (under ``critical``, as the program writes it) would
wait in the worker's own buffer and be lost when the worker ended, and a worker's
``jobs.readline()`` would read ahead into its own buffer, moving the shared offset
past lines its teammates then never see.  The files are every buffered file the
program opened while omppy was active (``omppy/openfiles.py`` wraps ``open``; files
opened before are found by one walk of the garbage collector's objects), however the
region reaches them (another module's globals, ``self.out.log``, a ``csv`` writer),
and the files the region can name (its arguments, its module's globals, one level
inside them).  At the team's synchronisation points:

- files written: the master flushes them before the fork; every thread flushes them
  when it leaves a synchronisation block (``critical``, ``ordered``, ``single``... :
  the writes reach the shared offset in the blocks' order) and a worker again when
  its part ends (or fails);
- files read (seekable ones, text or binary: :class:`Reader`): the master hands its
  position to the shared offset before the fork (its read-ahead dropped), and a
  thread that read the file in a block (the offset moved) hands its position back
  when it leaves, its read-ahead dropped: with nothing read ahead, any process's next
  read starts at the shared offset.  A text file is read a byte at a time inside
  blocks, so that after ``next()`` (which hides a text file's ``tell()``) its
  position is its buffer's.

What cannot be shared is a clear :class:`OmpError` naming the file, the thread, the
block and the fix: a text file decoded with a state (``utf-16``) or drawn with
``next()`` before the region, read in a block; a compressed file (``gzip``, ``bz2``,
``lzma``: :class:`Compressed`) a worker writes; a pipe or socket a worker reads (its
read methods refuse in the workers), and standard input that is a pipe or a terminal
(a worker's ``sys.stdin`` refuses).  The threads backend shares one file object and
needs none of this.

One idea: a process's view of a shared file differs from the others' only by what
its buffers hold ahead of the shared offset; every synchronisation point leaves
nothing there.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import types
from collections.abc import Iterable, Iterator
from typing import Any

from .. import openfiles
from .errors import OmpError
from .where import location

# The concrete buffered file types (C types: ``issubclass`` on them is quick, unlike
# ``isinstance`` against the ``io`` ABCs), and what each type a region meets is.
_BUFFERED = openfiles.BUFFERED
_FILE, _HOLDER, _OTHER = 0, 1, 2
_kinds: dict[type, int] = {}
_NOT_INSIDE = (type, types.FunctionType, types.ModuleType, types.BuiltinFunctionType)
_TEXT = io.TextIOWrapper
# A text file's ``tell()`` above this packs a decoder's state with the position.
_PLAIN_COOKIE = 1 << 64


def _kind(kind: type) -> int:
    """A file, an object or dict that may hold one (looked into), or neither."""
    found = _kinds.get(kind)
    if found is None:
        if issubclass(kind, _BUFFERED):
            found = _FILE
        elif kind is dict or (
            getattr(kind, "__dictoffset__", 0) != 0 and not issubclass(kind, _NOT_INSIDE)
        ):
            found = _HOLDER
        else:
            found = _OTHER
        _kinds[kind] = found
    return found


def _standard() -> tuple[Any, ...]:
    streams = (sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__)
    return streams + tuple(getattr(s, "buffer", None) for s in streams)


def _name(file: Any) -> str:
    name = getattr(file, "name", None)
    if file is sys.stdin or file is sys.__stdin__:
        return "sys.stdin"
    if isinstance(name, int):
        return f"on descriptor {name}"
    return repr(name) if name is not None else repr(file)


# Text files ``next()`` drew from in a block, by id (a weak reference each): read by
# bytes in blocks from then on (Reader.enter).
_drawn: dict[int, Any] = {}


def _carriage_returns(file: Any) -> bool:
    """Whether the text file met a '\\r' line end (translated, it changed the length)."""
    newlines = file.newlines
    return newlines is not None and (
        "\r" in newlines if type(newlines) is str else any("\r" in n for n in newlines)
    )


class Reader:
    """A seekable file open for reading, in this process.

    Its buffers are the only place a process's view of the file differs from the
    shared offset: with nothing read ahead, its next read starts where the last
    reader of any process left the offset.  So every thread that read the file in a
    block hands its position back when it leaves (:meth:`leave`: the offset moved back
    to it, its buffers dropped), and the master does before the fork (:meth:`push`).
    A text file whose position ``next()`` hid is read a byte at a time in blocks
    (``_CHUNK_SIZE``; its buffered layer still reads in blocks of bytes), so that its
    position is then its buffer's.
    """

    __slots__ = ("buffered", "chunk", "fd", "file", "hidden", "name", "offset", "text")

    def __init__(self, file: Any, name: str) -> None:
        self.file = file
        self.name = name
        self.fd = file.fileno()
        self.text = type(file) is _TEXT
        self.buffered = file.buffer if self.text else file
        # The master drew it with next() before the region, or it is decoded with a
        # state: no process can tell where it stands (``why``: the error's words).
        self.hidden = ""
        if self.text and not _stateless(file.encoding):
            self.hidden = _STATEFUL.format(encoding=file.encoding)
        self.offset = -1  # the shared offset when the block began
        self.chunk = 0  # the text layer's chunk size, while the block reads by bytes

    def _position(self) -> int | None:
        """Where this process stands in the file (None: hidden by next())."""
        try:
            position = int(self.file.tell())
        except OSError:
            return None
        return position

    def _settle(self, position: int) -> None:
        """Move the shared offset to ``position`` and drop what this process read
        ahead (its buffered layer's ``__init__`` asks the raw file where it is)."""
        buffered = self.buffered
        if buffered.writable():
            buffered.flush()
        os.lseek(self.fd, position, os.SEEK_SET)
        type(buffered).__init__(buffered, buffered.raw)
        if self.text:
            self.file.seek(position)  # the decoder reset (and ``tell()`` allowed again)

    def push(self) -> None:
        """The master before the fork: its position becomes the shared offset."""
        if self.hidden:
            return
        position = self._position()
        if position is None or position >= _PLAIN_COOKIE:
            self.hidden = self.hidden or _HIDDEN
            return
        if position != os.lseek(self.fd, 0, os.SEEK_CUR):
            self._settle(position)

    def enter(self) -> None:
        """Entering a block: the shared offset (one system call), and a text file read
        by bytes in the block."""
        self.offset = os.lseek(self.fd, 0, os.SEEK_CUR)
        if self.text and not self.hidden and id(self.file) in _drawn:
            file = self.file
            self.chunk = file._CHUNK_SIZE
            file._CHUNK_SIZE = 1
            self.buffered.peek(1)  # bytes in the buffer: read1(1) takes them from it

    def leave(self, num: int, kind: str) -> None:
        """Leaving a block: if this thread read the file in it, its position becomes
        the shared offset.  It entered with nothing read ahead (its last block or the
        master's :meth:`push` left it so), so a read in the block moved the offset."""
        file = self.file
        by_bytes = self.chunk != 0
        if by_bytes:
            file._CHUNK_SIZE, self.chunk = self.chunk, 0
        offset = os.lseek(self.fd, 0, os.SEEK_CUR)
        if offset == self.offset:
            return  # not read in the block
        if self.hidden:
            raise self._error(num, kind, self.hidden)
        position = self._position()
        if position is None:  # next() in the block
            if not by_bytes:
                position = self._after_next(num, kind)
            else:  # read by bytes (enter): nothing decoded ahead of the buffer
                if _carriage_returns(file):
                    raise self._error(num, kind, _NEXT)
                position = int(self.buffered.tell())
            if position == os.lseek(self.fd, 0, os.SEEK_CUR):
                file.seek(position)  # nothing read ahead: ``tell()`` allowed again
                return
            offset = -1
        if position >= _PLAIN_COOKIE:
            raise self._error(num, kind, _STATEFUL.format(encoding=file.encoding))
        if position != offset:
            self._settle(position)

    def _after_next(self, num: int, kind: str) -> int:
        """The position of a text file ``next()`` drew from in a block, found once per
        file and process: the rest of the file is read, and its length in bytes taken
        from the end; from then on the file is read by bytes in blocks (enter)."""
        file = self.file
        rest = file.read()
        end = os.lseek(self.fd, 0, os.SEEK_CUR)
        if _carriage_returns(file):
            raise self._error(num, kind, _NEXT)
        position = end - len(rest.encode(file.encoding, file.errors or "strict"))
        from weakref import ref

        key = id(file)
        _drawn[key] = ref(file, lambda _: _drawn.pop(key, None))
        return position

    def forget(self) -> None:
        """A worker's first step for a file whose position is hidden: what the master
        read ahead is dropped (a read then moves the offset, which :meth:`leave`
        sees), the offset left where it is."""
        offset = os.lseek(self.fd, 0, os.SEEK_CUR)
        buffered = self.buffered
        type(buffered).__init__(buffered, buffered.raw)
        if self.text:
            self.file.seek(offset)

    def _error(self, num: int, kind: str, why: str) -> OmpError:
        return OmpError(
            f"thread {num} read the file {self.name} in the '{kind}' block at "
            f"{location()}, and {why}"
        )


_HIDDEN = (
    "the program drew lines from it with next() or a for loop before the region, which "
    "hides where it stands: the team's threads are processes, each with its own copy of "
    "the file object, and cannot agree on the rest of the file. Read those first lines "
    "with readline() instead (or read the file's lines into a list before the region)"
)
_NEXT = (
    "drew lines from it with next() or a for loop, and omppy cannot find the position "
    "(the file ends lines with '\\r', which the text layer translates): the "
    "team's threads are processes, each with its own copy of the file object. Read it "
    "with readline() in the block (or read its lines into a list before the region)"
)
_STATEFUL = (
    "its text is decoded with {encoding!r}, whose decoder keeps a state the team's "
    "threads cannot share (they are processes, each with its own copy of the file "
    "object): open it in binary mode and decode each line, or read its lines into a "
    "list before the region"
)


# Text encodings whose decoder keeps no state between lines (a position in the file
# is all a process needs to go on reading): by their codecs names.
_STATELESS = ("utf-8", "ascii", "iso8859-", "cp", "mac-", "koi8-", "latin", "windows-")


def _stateless(encoding: str) -> bool:
    import codecs

    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(_STATELESS) and name != "utf-8-sig"


class _Refuse:
    """A worker's read of a pipe or socket opened before the region: an error."""

    def __init__(self, name: str, num: int) -> None:
        self.name = name
        self.num = num

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise OmpError(
            f"thread {self.num} read the file {self.name} at {location()}, which is a pipe "
            "or a socket: the team's threads are processes, and what one reads ahead from "
            "it the others never see. Read it before the region (its lines into a list), "
            "or in a '# omp master' block"
        )


class _GuardedStdin:
    """A worker's ``sys.stdin`` when standard input is a pipe or a terminal: every
    read is an error (the processes cannot share what one of them read ahead)."""

    def __init__(self, stdin: Any, num: int) -> None:
        self._stdin = stdin
        self._num = num

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise OmpError(
            f"thread {self._num} read sys.stdin at {location()}, which is a pipe or a "
            "terminal: the team's threads are processes, and what one reads ahead from "
            "standard input the others never see. Read the input before the region "
            "(lines = sys.stdin.readlines()), or in a '# omp master' block"
        )

    read = readline = readlines = read1 = readinto = fileno = _refuse
    __iter__ = __next__ = _refuse

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stdin, name)


class Compressed:
    """A compressed file open for writing (``gzip``, ``bz2``, ``lzma``): how far it
    was written when the team began (``tell()``: uncompressed bytes) and the files
    beneath it (its ``fileobj``), which a worker's error leaves unflushed."""

    __slots__ = ("beneath", "name", "start", "stream")

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.name = _name(getattr(stream, "fileobj", None) or getattr(stream, "_fp", stream))
        self.start = stream.tell()
        self.beneath = [
            f for f in (getattr(stream, "fileobj", None), getattr(stream, "_fp", None)) if f
        ]

    def written(self) -> bool:
        try:
            return bool(self.stream.tell() != self.start)
        except (OSError, ValueError):
            return False


# The compressed files whose text layers were looked for: id -> a weak reference.
_looked_above: dict[int, Any] = {}


def _compressed_writers() -> list[Compressed]:
    """The compressed files open for writing, their text layers made write-through
    (a line a worker writes then reaches the compressor, where it is seen)."""
    found = []
    for stream in openfiles.compressed():
        try:
            if not stream.writable():
                continue
        except (OSError, ValueError):
            continue
        known = _looked_above.get(id(stream))
        if known is None or known() is not stream:
            import gc
            from weakref import ref

            for holder in gc.get_referrers(stream):  # once per file: a walk of the heap
                if type(holder) is _TEXT and holder.buffer is stream and not holder.write_through:
                    holder.reconfigure(write_through=True)
            _looked_above[id(stream)] = ref(stream)
        found.append(Compressed(stream))
    return found


_REGULAR, _SHARED_NOTHING, _UNSHARED = 0, 1, 2


def _stdin_kind(stdin: Any) -> int:
    """Standard input: a regular file (kept at the shared offset like any file read),
    one every process may read alike (``/dev/null``, closed, replaced by the program),
    or a pipe, socket or terminal, which the processes cannot share."""
    if type(stdin) not in _BUFFERED:
        return _SHARED_NOTHING
    try:
        if stdin.closed:
            return _SHARED_NOTHING
        mode = os.fstat(stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return _SHARED_NOTHING
    if stat.S_ISREG(mode):
        return _REGULAR
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or os.isatty(stdin.fileno()):
        return _UNSHARED
    return _SHARED_NOTHING


def guard_stdin(num: int) -> None:
    """A worker's first step: a ``sys.stdin`` that is a pipe, a socket or a terminal
    refuses reads (:class:`_GuardedStdin`)."""
    stdin = sys.stdin
    if stdin is not None and _stdin_kind(stdin) == _UNSHARED:
        sys.stdin = _GuardedStdin(stdin, num)


class TeamFiles:
    """The open buffered files of a fork team: ``writers`` (name, file) flushed,
    ``readers`` kept at the shared offset."""

    __slots__ = ("compressed", "readers", "unshared", "writers")

    def __init__(
        self,
        writers: list[tuple[str, Any]],
        readers: list[Reader] | None = None,
        compressed: list[Compressed] | None = None,
        unshared: list[tuple[str, Any]] | None = None,
    ) -> None:
        self.writers = writers
        self.readers = readers or []
        self.compressed = compressed or []
        self.unshared = unshared or []  # pipes and sockets open for reading

    def in_worker(self, num: int) -> None:
        """A worker's first step: its reads from a pipe or socket are errors (what it
        read ahead its teammates would never see): its read methods, and those of the
        raw file beneath, which iteration reaches, are replaced in it.  What the
        master read ahead in a file whose position is hidden is dropped."""
        for reader in self.readers:
            if reader.hidden:
                try:
                    reader.forget()
                except (OSError, ValueError):
                    pass
        for name, file in self.unshared:
            refuse = _Refuse(name, num)
            layers = [file, getattr(file, "buffer", None)]
            layers.append(getattr(layers[-1] or file, "raw", None))
            for layer in layers:
                if layer is None:
                    continue
                for method in (
                    "read",
                    "readline",
                    "readlines",
                    "read1",
                    "readinto",
                    "readall",
                    "peek",
                ):
                    if hasattr(layer, method):
                        try:
                            setattr(layer, method, refuse)
                        except (AttributeError, TypeError):
                            pass

    def flush(self) -> None:
        """Hand what this process buffered to the shared file offset (see the module)."""
        for _, file in self.writers:
            try:
                file.flush()
            except (OSError, ValueError):
                pass  # closed meanwhile, or a broken pipe: the program's own write says so

    def before_fork(self) -> None:
        """The master, before the fork: flush, and hand its read positions over."""
        self.flush()
        for reader in self.readers:
            try:
                reader.push()
            except (OSError, ValueError):
                reader.hidden = reader.hidden or _HIDDEN

    def enter(self) -> None:
        """A thread entering a synchronisation block (the outermost one)."""
        for reader in self.readers:
            try:
                reader.enter()
            except (OSError, ValueError):
                continue  # closed meanwhile: the program's own read says so

    def leave(self, num: int, kind: str) -> None:
        """A thread leaving a synchronisation block (the outermost one)."""
        if self.compressed and num:
            self.check_compressed(num, f"in the '{kind}' block at {location()}")
        self.flush()
        for reader in self.readers:
            try:
                reader.leave(num, kind)
            except (OSError, ValueError):
                continue

    def check_compressed(self, num: int, where: str) -> None:
        """A worker that wrote to a compressed file: an error (its compressor's state
        is this process's own); the file it sits on is not flushed from here."""
        for entry in self.compressed:
            if entry.written():
                beneath = entry.beneath
                self.writers = [w for w in self.writers if not any(w[1] is b for b in beneath)]
                raise OmpError(
                    f"thread {num} wrote to the compressed file {entry.name} "
                    f"({type(entry.stream).__name__}) {where}: each of the team's threads is "
                    "a process with its own copy of the compressor, so what a worker "
                    "writes cannot reach the file. Write it in a '# omp master' block, or "
                    "keep the lines in a list and write them after the region"
                )

    def after_join(self) -> None:
        """The master, once the workers are done: its buffered layers learn the
        offsets the workers moved (``tell()`` asks the raw file)."""
        for reader in self.readers:
            try:
                reader.buffered.tell()
            except (OSError, ValueError):
                continue


# How far :func:`gather` looks into an object or a dict it is handed (``self.fh``,
# ``handles["log"]``): one level, up to this many values each.
_INSIDE = 64


def _candidates(named: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    """The files among ``named`` and one level inside its objects and dicts."""
    kinds = _kinds
    for name, value in named:
        kind = kinds.get(type(value))
        if kind is None:
            kind = _kind(type(value))
        if kind == _OTHER:
            continue
        if kind == _FILE:
            yield name, value
            continue
        inside = value if type(value) is dict else getattr(value, "__dict__", None)
        if type(inside) is not dict or len(inside) > _INSIDE:
            continue
        for key, item in inside.items():
            if kinds.get(type(item)) == _FILE or (
                type(item) not in kinds and _kind(type(item)) == _FILE
            ):
                spelled = f"{name}[{key!r}]" if inside is value else f"{name}.{key}"
                yield spelled, item


# A module's globals, scanned again only when their number changes: id(namespace) ->
# (its length then, the names that held a file or an object or dict that may).  A
# region in a loop meets the same globals every time: only those few are looked at.
_holders_of: dict[int, tuple[int, list[str]]] = {}


def gather_region(call: dict[str, Any], namespace: dict[str, Any] | None) -> TeamFiles | None:
    """The files of a fork team: those the program opened (``omppy/openfiles.py``),
    its arguments, its module's globals (see ``_holders_of``), and one level inside
    them; None when there are none (nearly always: nothing to do)."""
    if not openfiles.scanned:
        openfiles.install(before_program=False)
        openfiles.scan()
    if "socket" in sys.modules:
        openfiles.track_sockets()
    opened = [("", file) for file in openfiles.files()]
    stdin = sys.stdin
    if namespace is None:
        return gather([*call.items(), *opened], stdin)
    known = _holders_of.get(id(namespace))
    if known is None or known[0] != len(namespace):
        kinds = _kinds
        names = [
            name
            for name, value in namespace.items()
            if (kinds.get(type(value)) if type(value) in kinds else _kind(type(value))) != _OTHER
        ]
        known = _holders_of[id(namespace)] = (len(namespace), names)
    globals_named = [(name, namespace[name]) for name in known[1] if name in namespace]
    return gather([*call.items(), *globals_named, *opened], stdin)


def gather(named: Iterable[tuple[str, Any]], stdin: Any = None) -> TeamFiles | None:
    """The open buffered files among ``named`` (a region's arguments and its module's
    globals, one level inside them, and the files the program opened) and standard
    input ``stdin``, or None (nearly always: nothing to do)."""
    writers: list[tuple[str, Any]] = []
    readers: list[Reader] = []
    unshared: list[tuple[str, Any]] = []
    seen: set[int] = set()
    standard: tuple[Any, ...] | None = None
    for name, value in _candidates(named):
        if id(value) in seen:
            continue
        seen.add(id(value))
        if standard is None:
            standard = _standard()
        if any(value is s for s in standard):
            continue  # stdout and stderr: output.py; stdin: below
        try:
            if value.closed:
                continue
            if value.writable():
                writers.append((name or _name(value), value))
            if value.readable():
                if value.seekable():
                    readers.append(Reader(value, _name(value)))
                else:
                    unshared.append((_name(value), value))
        except (OSError, ValueError, AttributeError):
            continue
    if stdin is not None and _stdin_kind(stdin) == _REGULAR:
        readers.append(Reader(stdin, "sys.stdin"))
    compressed = _compressed_writers() if openfiles.has_compressed() else []
    if not writers and not readers and not compressed and not unshared:
        return None
    return TeamFiles(writers, readers, compressed, unshared)
