"""Importing modules that carry pragmas: translate on import, cache like ``.pyc``.

:class:`PragmaFinder` sits in ``sys.meta_path`` (installed by ``omppy run`` and by
``import omppy.autohook``).  Built-in and frozen modules are left to their own
finders by name; a module found on the ordinary path in the standard library,
site-packages or omppy itself is returned as found without reading its file (as
pytest's assertion rewriter bails out early).  Any other module's source is read and
given the cheap textual check: only modules with a ``# omp`` line get the
:class:`PragmaLoader`, everything else loads exactly as it would without omppy.

The cache file is ``__pycache__/<name>.<cache_tag>.omppy.pyc``: a tag of omppy's own,
so plain Python never loads it.  Its header holds the source's hash (an edit within
the same second still invalidates it) and a fingerprint of the translator (omppy's
version and its transform modules); it is written to a temporary name and renamed,
and any failure to write it (read-only directory, ``sys.dont_write_bytecode``) is
ignored.

``OMPPY_TRACE_IMPORTS=1`` writes one line to standard error per decision: why a
module was not read, whether it has pragmas, and whether its cached translation was
used (and if not, why not).
"""

from __future__ import annotations

import _imp
import importlib.machinery
import importlib.util
import marshal
import os
import sys
from collections.abc import Sequence
from types import CodeType, ModuleType
from typing import TYPE_CHECKING

from .. import __version__, openfiles
from ..locations import library_locations
from .sentinel import has_pragmas

if TYPE_CHECKING:
    import ast  # imported where a translation needs it: not on a cache hit

MAGIC = b"OMPY"
_fingerprint: bytes | None = None
translations = 0  # how many modules this process translated (not loaded from cache)
# The omppy package directory.  (runtime/tracebacks.py has the same: the runtime does
# not import the translator's modules, nor this one the runtime.)
_OFF = {"", "0", "false", "no", "off"}
TRACING = os.environ.get("OMPPY_TRACE_IMPORTS", "").strip().lower() not in _OFF


def trace(message: str) -> None:
    """One line of the import trace (``OMPPY_TRACE_IMPORTS=1``) on standard error."""
    sys.stderr.write(f"omppy: import: {message}\n")


def translator_fingerprint() -> bytes:
    """8 bytes that change whenever omppy's version or translator code changes.

    The translator's files are identified by size and modification time (a stat
    each, not a read): any edit or reinstall of the translator invalidates the cache.
    The digest is CPython's own source hash (what checked ``.pyc`` files use), which
    costs no import, where :mod:`hashlib` would add milliseconds to every start-up.
    """
    global _fingerprint
    if _fingerprint is None:
        here = os.path.dirname(os.path.abspath(__file__))
        parts = [__version__, importlib.util.MAGIC_NUMBER.hex()]
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                info = os.stat(os.path.join(here, name))
                parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        _fingerprint = importlib.util.source_hash(";".join(parts).encode())
    return _fingerprint


def cache_path(source_path: str, kind: str = "omppy") -> str:
    directory, filename = os.path.split(source_path)
    stem = filename.rsplit(".", 1)[0]
    tag = sys.implementation.cache_tag or "python"
    return os.path.join(directory, "__pycache__", f"{stem}.{tag}.{kind}.pyc")


def _header(source: bytes, after_line: int | None) -> bytes:
    rest = b"" if after_line is None else after_line.to_bytes(4, "little")
    return MAGIC + translator_fingerprint() + importlib.util.source_hash(source) + rest


def load_code(
    source: bytes,
    path: str,
    use_cache: bool = True,
    after_line: int | None = None,
    apart: bool = False,
) -> CodeType:
    """The code object of ``path``'s translation, from the cache when it is fresh.

    With ``after_line``, only the top-level statements after that line (what is left
    of a main script when ``import omppy.autohook`` runs); it is cached apart.
    ``apart``: translate in a forked child when the cache has no fresh translation
    (:func:`_translated_apart`; ``omppy run``'s main script, before the program runs).
    """
    global translations
    if after_line is None and not has_pragmas(source):
        # Nothing to translate ('omppy run' of a script without pragmas): compiled as
        # Python compiles it, with neither the translator nor a cache file.
        if TRACING:
            trace(f"{path}: no pragmas, compiled as it is")
        return compile(_decoded(source, path), path, "exec", dont_inherit=True)
    header = _header(source, after_line)
    cached = cache_path(path, "omppy" if after_line is None else "omppy-main")
    if use_cache:
        code, why_not = _read_cache(cached, header)
        if code is not None:
            if TRACING:
                trace(f"{path}: cached translation used ({cached})")
            return code
        if TRACING:
            trace(f"{path}: translating: {why_not}")
    elif TRACING:
        trace(f"{path}: translating: no cache for a module in an archive")
    text = _decoded(source, path)
    translations += 1
    code = _translated_apart(text, path, after_line) if apart else None
    if code is None:
        code = _translated(text, path, after_line)
    if use_cache:
        _write_cache(path, cached, header, code)
    return code


def _kill_quietly(pid: int) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _translated(text: str, path: str, after_line: int | None) -> CodeType:
    """The translation of ``text``, compiled (see :func:`load_code`)."""
    from .lines import compile_translation, translated_tree, user_names
    from .translate import translate

    translation = translate(text, path)
    if after_line is None:
        return compile_translation(translation, path)
    import ast

    tree = translated_tree(translation, path) if translation.changed else ast.parse(text)
    tree.body = [s for s in tree.body if s.lineno > after_line or _is_preamble(s)]
    return user_names(compile(tree, path, "exec", dont_inherit=True))


def _translated_apart(text: str, path: str, after_line: int | None) -> CodeType | None:
    """:func:`_translated` run in a forked child, its code object sent back marshalled;
    None when it cannot be (no fork, other threads, OMPPY_FORK off, the translator
    already loaded here) or the child did not succeed: then the caller translates in
    this process, which raises the translation's error as it always did.

    The translator (libcst and omppy.transform, ~16 MB of objects) then never enters
    the program's process: every fork of a region copies the page tables of what the
    process holds, and a fork + exit + waitpid took 2.1-2.2 ms with the translator
    loaded against 1.6 ms without it (docs/benchmarks.md, "Session 11: the fixed cost
    of a region").  A cached run never loads it; this is for the run that translates.
    Translation is a function of the text alone (its warnings are emitted by the
    translated code when it runs), so nothing but the code object needs to come back.
    """
    if (
        not hasattr(os, "fork")
        or "libcst" in sys.modules
        or os.environ.get("OMPPY_FORK", "").strip().lower() in _OFF - {""}
    ):
        return None
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return None  # a fork with other threads running may copy a lock held
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # pragma: no cover - the child: measured by the tests through its result
        status = 1
        try:
            os.close(read_end)
            view = memoryview(marshal.dumps(_translated(text, path, after_line)))
            while view:
                view = view[os.write(write_end, view) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    chunks = []
    status = 1
    try:
        while chunk := os.read(read_end, 1 << 20):
            chunks.append(chunk)
        status = 0
    finally:
        os.close(read_end)
        if status:  # interrupted (Ctrl-C): the child's work is not wanted
            _kill_quietly(pid)
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:  # reaped by the system (SIGCHLD ignored): the data says
            status = 0
    if status != 0:
        return None
    try:
        code = marshal.loads(b"".join(chunks))
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _read_cache(cached: str, header: bytes) -> tuple[CodeType | None, str]:
    """The cached code when its header is ``header``; else None and why it is not used."""
    try:
        with open(cached, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return None, f"no cached translation ({cached}: {error.strerror})"
    if data.startswith(header):
        try:
            code = marshal.loads(memoryview(data)[len(header) :])
        except (ValueError, EOFError, TypeError):
            code = None
        if isinstance(code, CodeType):
            return code, ""
        return None, f"the cached translation {cached} is damaged"
    return None, f"the cached translation {cached} is stale: {_stale_because(data, header)}"


def _write_cache(path: str, cached: str, header: bytes, code: CodeType) -> None:
    if sys.dont_write_bytecode:
        failure = "sys.dont_write_bytecode is set"
    else:
        failure = _write_atomically(cached, header + marshal.dumps(code))
    if TRACING:
        trace(
            f"{path}: " + (f"cache not written ({failure})" if failure else f"cached in {cached}")
        )


def _stale_because(data: bytes, header: bytes) -> str:
    """Which part of the cache header differs (see :func:`_header`)."""
    magic, fingerprint, source_hash = 4, 12, 20
    if data[:magic] != header[:magic]:
        return "not an omppy translation"
    if data[magic:fingerprint] != header[magic:fingerprint]:
        return "made by another translator (omppy's version or its translator changed)"
    if data[fingerprint:source_hash] != header[fingerprint:source_hash]:
        return "the source changed"
    return "made for another line of 'import omppy.autohook'"


def _decoded(source: bytes, path: str) -> str:
    """``source`` as text, decoded as Python decodes a file (PEP 263), or its error."""
    try:
        return importlib.util.decode_source(source)
    except (UnicodeDecodeError, SyntaxError, LookupError) as error:
        problem = error
    raise _undecodable(source, path, problem)  # outside the handler: no chained traceback


def _undecodable(source: bytes, path: str, problem: Exception) -> SyntaxError:
    """The error Python gives for a file it cannot decode."""
    if isinstance(problem, UnicodeDecodeError):
        line = source.count(b"\n", 0, problem.start) + 1
        byte = source[problem.start]
        return SyntaxError(
            f"Non-UTF-8 code starting with '\\x{byte:02x}' in file {path} on line {line}, "
            "but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        )
    return SyntaxError(f"{path}: {problem}")


def _is_preamble(node: ast.stmt) -> bool:
    """Whether ``node`` is a statement the translator put before the module's own
    (rewrite._with_import: the runtime import, ``_omp_effects``, the race warnings,
    ``_omp.uses_tasks()``, ``_omp_private``), which stands for the script's first
    line: kept when only the rest of a script runs (``after_line``).  Without
    ``_omp_effects`` a helper's changes to a global under ``critical`` were taken for
    a data race."""
    import ast

    if isinstance(node, ast.Import):
        return any(
            alias.name == "omppy.runtime" and alias.asname == "_omp" for alias in node.names
        )
    if isinstance(node, ast.Assign):
        names = [getattr(target, "id", None) for target in node.targets]
        return names in (["_omp_effects"], ["_omp_private"])
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        return (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "_omp"
            and func.attr in ("warn_races", "uses_tasks")
        )
    return False


def _write_atomically(path: str, data: bytes) -> str:
    """Write ``path`` through a temporary file; what failed, or "" when written."""
    temporary = f"{path}.{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return f"{error.filename or path}: {error.strerror}"
    return ""


class PragmaLoader(importlib.machinery.SourceFileLoader):
    """Loads a module through the translator (and omppy's cache)."""

    def __init__(self, fullname: str, path: str, source: bytes | None = None) -> None:
        super().__init__(fullname, path)
        self.source = source  # as the finder read it: the file is not read twice

    def get_code(self, fullname: str) -> CodeType:
        path = self.get_filename(fullname)
        source, self.source = self.source, None
        return load_code(source if source is not None else self.get_data(path), path)


def _source_with_pragmas(path: str) -> bytes | None:
    """The file's bytes when it may carry pragmas (the cheap textual check), else None."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if b"omp" not in data or not has_pragmas(data):
        return None
    return data


class PragmaFinder:
    """A meta path finder that hands modules with pragmas to :class:`PragmaLoader`."""

    def __init__(self) -> None:
        # Where no module is read: (directory + os.sep, what it is), longest first.
        self.skipped = library_locations()

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in sys.builtin_module_names or _imp.is_frozen(fullname):
            if TRACING:
                trace(f"{fullname}: built in, left to Python")
            return None  # the finders after this one know it; the path is not searched
        # The spec found here is returned even for modules without pragmas: the import
        # system would otherwise search the whole path a second time.
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None:
            return None
        origin = spec.origin
        why_not = self._not_read(spec, origin)
        if why_not:
            if TRACING:
                trace(f"{fullname}: not read: {why_not}")
            return spec
        assert origin is not None
        source = _source_with_pragmas(origin)
        if source is not None:
            spec.loader = PragmaLoader(fullname, origin, source)
        if TRACING:
            trace(f"{fullname}: {'pragmas' if source is not None else 'no pragmas'} in {origin}")
        return spec

    def _not_read(self, spec: importlib.machinery.ModuleSpec, origin: str | None) -> str:
        """Why the module's file is not searched for pragmas ("" when it is)."""
        if not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return f"not loaded from source ({origin or 'no file'})"
        if origin is None or not origin.endswith(".py"):
            return f"not a .py file ({origin})"
        for directory, what in self.skipped:
            if origin.startswith(directory):
                return f"{what} ({origin})"
        return ""

    def invalidate_caches(self) -> None:
        pass


def install() -> None:
    """Put the finder first in ``sys.meta_path`` (once).

    The translator's fingerprint is computed here, a start-up cost paid once per process,
    rather than inside whichever import first needs it.
    """
    openfiles.install()  # the files a team's processes share (runtime/files.py)
    if not any(isinstance(finder, PragmaFinder) for finder in sys.meta_path):
        translator_fingerprint()
        sys.meta_path.insert(0, PragmaFinder())
