"""The buffered files a program opened while omppy was active, for runtime/files.py.

A fork team's processes share every open file's offset but each has its own copy of
the file object's buffer.  runtime/files.py flushes (files written) and re-reads the
shared offset (files read) at the team's synchronisation points, for *every* such
file, however the program reaches it (another module's globals, ``self.out.log``, a
``csv`` writer, a helper's closure).  This module keeps the list: ``open``
(``builtins.open`` and ``io.open``, which ``pathlib.Path.open``, ``os.fdopen``,
``tempfile``, ``gzip``, ``codecs.open`` and ``subprocess`` pipes call) is wrapped
once, by :func:`install` (the import hook's install: before the program's first
line under ``omppy run``, the autohook and ``%load_ext omppy``), and each buffered
file it returns is kept by a weak reference.  Files opened before that (a notebook's
earlier cells, a program that imported the runtime itself) are found by one walk of
the garbage collector's objects (:func:`scan`), made once, when the first team needs
the list and the hook was not installed before the program started.

Light on purpose: it runs on every start-up, so it imports nothing but what Python
has loaded already (``_weakref``, ``io``, ``builtins``).
"""

from __future__ import annotations

import builtins
import io
import sys
from _weakref import ref
from typing import Any

# The concrete buffered file types (an unbuffered FileIO needs nothing: it has no
# buffer, its position is the shared offset).
BUFFERED = (io.TextIOWrapper, io.BufferedWriter, io.BufferedReader, io.BufferedRandom)

# The files: a weak reference each (removed when the file object dies).
_files: dict[Any, None] = {}
# The compressed files (``gzip.GzipFile``, ``bz2.BZ2File``, ``lzma.LZMAFile``): each
# opens its file through ``open`` from its ``__init__``, whose ``self`` is kept here.
_compressed: dict[Any, None] = {}
_COMPRESSING = frozenset({"gzip", "bz2", "lzma"})

# Whether ``open`` is wrapped, and whether the program may have opened files before
# that (then :func:`scan` runs once, when the list is first needed).
installed = False
scanned = False
_original_open = io.open


def _forget(reference: Any) -> None:
    _files.pop(reference, None)


def _forget_compressed(reference: Any) -> None:
    _compressed.pop(reference, None)


def _open(*args: Any, **kwargs: Any) -> Any:
    file = _original_open(*args, **kwargs)
    if type(file) in BUFFERED:
        _files[ref(file, _forget)] = None
        caller = sys._getframe(1)
        if caller.f_globals.get("__name__") in _COMPRESSING:
            stream = caller.f_locals.get("self")
            if stream is not None:
                _compressed[ref(stream, _forget_compressed)] = None
    return file


_open.__name__ = _open.__qualname__ = "open"
_open.__module__ = _original_open.__module__
_open.__doc__ = _original_open.__doc__
_open.__wrapped__ = _original_open  # type: ignore[attr-defined]  # inspect.signature


def install(before_program: bool = True) -> None:
    """Wrap ``open`` (once).  ``before_program``: the program has opened nothing yet
    (``omppy run``, the autohook's first line), so no :func:`scan` is needed."""
    global installed, scanned
    if installed:
        return
    installed = True
    scanned = before_program
    if builtins.open is _original_open:
        builtins.open = _open
    if io.open is _original_open:
        io.open = _open


_sockets_tracked = False


def track_sockets() -> None:
    """Once the program has imported ``socket``: the buffered files its sockets made
    (``sock.makefile()``, which does not call ``open``) are kept too: those made so far
    by one walk of the garbage collector's objects, later ones as they are made."""
    global _sockets_tracked
    socket = sys.modules.get("socket")
    if _sockets_tracked or socket is None:
        return
    _sockets_tracked = True
    original = socket.socket.makefile

    def makefile(self: Any, *args: Any, **kwargs: Any) -> Any:
        file = original(self, *args, **kwargs)
        if type(file) in BUFFERED:
            add(file)
        return file

    makefile.__wrapped__ = original  # type: ignore[attr-defined]
    makefile.__doc__ = original.__doc__
    socket.socket.makefile = makefile
    import gc

    for obj in gc.get_objects():
        if type(obj) in BUFFERED:
            add(obj)


def add(file: Any) -> None:
    """Keep ``file`` in the list (a buffered file object)."""
    _files[ref(file, _forget)] = None


def scan() -> None:
    """Add the buffered files the garbage collector knows (once): files opened
    before :func:`install`."""
    global scanned
    if scanned:
        return
    scanned = True
    import gc

    for obj in gc.get_objects():
        if type(obj) in BUFFERED:
            add(obj)


def has_compressed() -> bool:
    return bool(_compressed)


def compressed() -> list[Any]:
    """The compressed files opened through ``open`` that are still open."""
    found = []
    for reference in list(_compressed):
        stream = reference()
        if stream is not None and not getattr(stream, "closed", True):
            found.append(stream)
    return found


def files() -> list[Any]:
    """The open files in the list (closed ones are dropped from it)."""
    if not _files:
        return []
    found = []
    for reference in list(_files):
        file = reference()
        if file is None:
            continue
        try:
            closed = file.closed
        except (ValueError, AttributeError):  # detached
            closed = True
        if closed:
            _files.pop(reference, None)
        else:
            found.append(file)
    return found
