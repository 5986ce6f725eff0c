"""Importing modules that carry pragmas: translate on import, cache like ``.pyc``.

:class:`PragmaFinder` sits in ``sys.meta_path`` (installed by ``omppy run`` and by
``import omppy.autohook``).  For a module found on the ordinary path it reads the
source and runs the cheap textual check; only modules with a ``# omp`` line get the
:class:`PragmaLoader`, everything else loads exactly as it would without omppy.

The cache file is ``__pycache__/<name>.<cache_tag>.omppy.pyc``: a tag of omppy's own,
so plain Python never loads it.  Its header holds the source's hash (an edit within
the same second still invalidates it) and a fingerprint of the translator (omppy's
version and its transform modules); it is written to a temporary name and renamed,
and any failure to write it (read-only directory, ``sys.dont_write_bytecode``) is
ignored.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import marshal
import os
import sys
from collections.abc import Sequence
from types import CodeType, ModuleType
from typing import TYPE_CHECKING

from .. import __version__
from .sentinel import has_pragmas

if TYPE_CHECKING:
    import ast  # imported where a translation needs it: not on a cache hit

MAGIC = b"OMPY"
_fingerprint: bytes | None = None
translations = 0  # how many modules this process translated (not loaded from cache)


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
    source: bytes, path: str, use_cache: bool = True, after_line: int | None = None
) -> CodeType:
    """The code object of ``path``'s translation, from the cache when it is fresh.

    With ``after_line``, only the top-level statements after that line (what is left
    of a main script when ``import omppy.autohook`` runs); it is cached apart.
    """
    global translations
    header = _header(source, after_line)
    cached = cache_path(path, "omppy" if after_line is None else "omppy-main")
    if use_cache:
        try:
            with open(cached, "rb") as handle:
                data = handle.read()
            if data.startswith(header):
                code = marshal.loads(memoryview(data)[len(header) :])
                if isinstance(code, CodeType):
                    return code
        except (OSError, ValueError, EOFError, TypeError):
            pass
    from .lines import compile_translation, translated_tree, user_names
    from .translate import translate

    problem: Exception | None = None
    try:
        text = importlib.util.decode_source(source)
    except (UnicodeDecodeError, SyntaxError, LookupError) as error:
        problem = error
    if problem is not None:  # raised here, not in the handler: no chained traceback
        raise _undecodable(source, path, problem)
    translations += 1
    translation = translate(text, path)
    if after_line is None:
        code = compile_translation(translation, path)
    else:
        import ast

        tree = translated_tree(translation, path) if translation.changed else ast.parse(text)
        tree.body = [s for s in tree.body if s.lineno > after_line or _is_runtime_import(s)]
        code = user_names(compile(tree, path, "exec", dont_inherit=True))
    if use_cache and not sys.dont_write_bytecode:
        _write_atomically(cached, header + marshal.dumps(code))
    return code


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


def _is_runtime_import(node: ast.stmt) -> bool:
    import ast

    return isinstance(node, ast.Import) and any(
        alias.name == "omppy.runtime" and alias.asname == "_omp" for alias in node.names
    )


def _write_atomically(path: str, data: bytes) -> None:
    temporary = f"{path}.{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


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

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        # The spec found here is returned even for modules without pragmas: the import
        # system would otherwise search the whole path a second time.
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return spec
        origin = spec.origin
        if origin is None or not origin.endswith(".py") or _is_omppy(origin):
            return spec
        source = _source_with_pragmas(origin)
        if source is not None:
            spec.loader = PragmaLoader(fullname, origin, source)
        return spec

    def invalidate_caches(self) -> None:
        pass


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _is_omppy(path: str) -> bool:
    return path.startswith(_PACKAGE)


def install() -> None:
    """Put the finder first in ``sys.meta_path`` (once).

    The translator's fingerprint is computed here, a start-up cost paid once per process,
    rather than inside whichever import first needs it.
    """
    if not any(isinstance(finder, PragmaFinder) for finder in sys.meta_path):
        translator_fingerprint()
        sys.meta_path.insert(0, PragmaFinder())
