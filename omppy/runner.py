"""Running a program translated, exactly as ``python`` runs it.

:class:`PyRunner` (modelled on coverage.py's ``execfile.PyRunner``) runs what
``python`` can run: a script, a directory or zip file holding ``__main__.py``, or a
module (``-m``).  It gives the program what ``python`` would: ``sys.argv``,
``sys.path[0]`` (none under ``-P``/``PYTHONSAFEPATH``), and a fresh ``__main__``
module in ``sys.modules`` (so pickling the script's functions works) with the
``__file__``, ``__loader__``, ``__spec__``, ``__package__`` and ``__cached__`` Python
sets.  Tracebacks show only the user's frames at their original lines (the code is
compiled with them: ``transform/lines.py``).

:func:`run_main_code` is the one way a program's code ends: its exit status from
``SystemExit``, or the uncaught exception passed to ``sys.excepthook`` (the program's
own, if it set one) and status 1.  ``omppy run`` and ``import omppy.autohook`` both
end through it, and the hook's :func:`excepthook` prints as it does.

Imports stay light: on a cached run neither the translator (libcst) nor the
runtime's heavier modules are needed to get the program started.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
import types
import zipimport
from collections.abc import Callable, Sequence
from typing import Any

from .transform.importer import install, load_code

# What Python gives for a KeyboardInterrupt nobody caught (128 + SIGINT), as a shell
# reports a program that Ctrl-C ended.
INTERRUPTED_STATUS = 130


class ScriptNotFound(Exception):
    """The script, directory or module to run does not exist (a usage error)."""


class _Program:
    """What to run and how ``__main__`` looks to it (no dataclass: it costs an import)."""

    def __init__(
        self,
        get_code: Callable[[], types.CodeType],
        *,
        argv0: str,
        file: str,
        loader: Any,
        spec: importlib.machinery.ModuleSpec | None = None,
        package: str | None = None,
    ) -> None:
        self.get_code = get_code
        self.argv0 = argv0
        self.file = file
        self.loader = loader
        self.spec = spec
        self.package = package


class PyRunner:
    """Runs one program translated, the way ``python`` runs it.

    ``PyRunner(target, args).run()`` is ``python target args...``;
    ``as_module=True`` is ``python -m target args...``; ``safe_path=True`` is
    ``python -P`` (also in force when the interpreter itself runs with ``-P``,
    ``-I`` or ``PYTHONSAFEPATH``).
    """

    def __init__(
        self,
        target: str,
        args: Sequence[str] = (),
        *,
        as_module: bool = False,
        safe_path: bool = False,
    ) -> None:
        self.target = target
        self.args = list(args)
        self.as_module = as_module
        self.safe_path = safe_path or bool(sys.flags.safe_path)

    def run(self) -> int:
        """Run the program; return its exit status.  Raises :class:`ScriptNotFound`."""
        install()  # before any import the program (or finding a module) makes
        if self.as_module:
            self._set_path0(None if self.safe_path else os.getcwd())
            program = self._module()
        else:
            program = self._path()
        sys.argv = [program.argv0, *self.args]
        module = self._main_module(program)
        try:
            code = program.get_code()
        except SyntaxError as error:
            # Before the program starts: printed as Python prints it, no hook of its own.
            error.__traceback__ = None
            sys.__excepthook__(type(error), error, None)
            return 1
        except Exception as error:
            message = _omppy_message(error)
            if message is None:
                raise
            print(message, file=sys.stderr)
            return 1
        return run_main_code(code, module.__dict__)

    # -- finding the program -------------------------------------------------------------

    def _set_path0(self, path0: str | None) -> None:
        """Put ``path0`` where Python put omppy's own directory (``python -P``: nowhere)."""
        if not sys.flags.safe_path and sys.path:
            del sys.path[0]  # the directory of the omppy command, or the cwd for -m omppy
        if path0 is not None:
            sys.path.insert(0, path0)

    def _path(self) -> _Program:
        target = self.target
        # Python makes the name absolute without normalising it ('./a/../b.py' stays).
        full = target if os.path.isabs(target) else os.path.join(os.getcwd(), target)
        if os.path.isdir(target) or _is_zip(target):
            # 'python DIR' and 'python ARCHIVE.zip' run its __main__ module, found on a
            # sys.path[0] that is the directory or archive itself (even under -P).
            self._set_path0(full)
            spec = importlib.machinery.PathFinder.find_spec("__main__", [full])
            if spec is None or spec.loader is None or spec.origin is None:
                raise ScriptNotFound(f"can't find '__main__' module in {target!r}")
            return _Program(
                self._code_getter(spec),
                argv0=target,
                file=spec.origin,
                loader=spec.loader,
                spec=spec,
                package="",
            )
        try:
            with open(target, "rb") as handle:
                source = handle.read()
        except OSError as error:
            raise ScriptNotFound(f"can't open file {target!r}: {error.strerror}") from None
        # sys.path[0] is the directory of the script with symbolic links resolved.
        self._set_path0(None if self.safe_path else os.path.dirname(os.path.realpath(full)))
        return _Program(
            lambda: load_code(source, full, apart=True),
            argv0=target,
            file=full,
            loader=importlib.machinery.SourceFileLoader("__main__", full),
        )

    def _module(self) -> _Program:
        name = self.target
        spec = _find_spec(name)  # imports the parent packages, as 'python -m' does
        if spec is not None and spec.submodule_search_locations is not None:
            spec = _find_spec(f"{name}.__main__")
            if spec is None:
                raise ScriptNotFound(
                    f"no module named {name}.__main__; {name!r} is a package and cannot be "
                    "directly executed"
                )
        if spec is None or spec.loader is None or spec.origin is None:
            raise ScriptNotFound(f"no module named {name!r}")
        return _Program(
            self._code_getter(spec),
            argv0=spec.origin,
            file=spec.origin,
            loader=spec.loader,
            spec=spec,
            package=spec.parent,
        )

    @staticmethod
    def _code_getter(spec: importlib.machinery.ModuleSpec) -> Callable[[], types.CodeType]:
        """The translated code of a module's source; a module without source as is."""
        loader, origin = spec.loader, spec.origin
        assert loader is not None and origin is not None
        if not origin.endswith(".py") or not hasattr(loader, "get_data"):
            return lambda: _code_without_source(loader, spec.name)
        # A translation inside a zip archive cannot be cached beside it.
        in_archive = isinstance(loader, zipimport.zipimporter)
        return lambda: load_code(loader.get_data(origin), origin, use_cache=not in_archive)

    @staticmethod
    def _main_module(program: _Program) -> types.ModuleType:
        module = types.ModuleType("__main__")
        names = module.__dict__
        if "__annotations__" in vars(sys.modules["__main__"]):
            names["__annotations__"] = {}  # Python's own __main__ starts with one (< 3.14)
        names["__builtins__"] = sys.modules["builtins"]
        names["__file__"] = program.file
        names["__cached__"] = program.spec.cached if program.spec is not None else None
        names["__loader__"] = program.loader
        names["__package__"] = program.package
        names["__spec__"] = program.spec
        sys.modules["__main__"] = module
        return module


def _find_spec(name: str) -> importlib.machinery.ModuleSpec | None:
    import importlib.util

    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError) as error:
        raise ScriptNotFound(f"no module named {name!r} ({error})") from None


def _is_zip(path: str) -> bool:
    """Whether ``path`` is a file Python's zip importer takes (``python app.zip``)."""
    if not os.path.isfile(path):
        return False
    try:
        zipimport.zipimporter(path)
    except zipimport.ZipImportError:
        return False
    return True


def _code_without_source(loader: Any, name: str) -> types.CodeType:
    """A module that has only bytecode runs untranslated (there is no source to read)."""
    code = loader.get_code(name) if hasattr(loader, "get_code") else None
    if code is None:
        raise ScriptNotFound(f"no code object available for {name}")
    return code


# -- how a program ends: one path for omppy run and the import hook ----------------------


def run_main_code(code: types.CodeType, namespace: dict[str, Any]) -> int:
    """Execute the program's main code in ``namespace``; the exit status Python gives.

    ``SystemExit`` gives its status; any other exception goes to ``sys.excepthook``
    without omppy's frames and gives 1 (130 for ``KeyboardInterrupt``).
    """
    try:
        exec(code, namespace)
    except SystemExit as done:
        return state_lost(exit_status(done))
    except BaseException as error:
        return uncaught(error)
    finally:
        _flush()
    return state_lost(0)


def state_lost(status: int) -> int:
    """``status``, or 1 when it is 0 and the program caught an
    ``omppy.RegionStateLost``: it read, or could have read, objects that a failed
    region left otherwise than python leaves them (runtime/failedstate.py).  Each
    such error is printed again, so it cannot pass unseen."""
    errors = sys.modules.get("omppy.runtime.errors")
    raised = getattr(errors, "raised", None)
    if status != 0 or not raised:
        return status
    for error in raised:
        print(
            "omppy: error: the program caught this omppy.RegionStateLost and went on, "
            f"so it ends with status 1:\n{error}",
            file=sys.stderr,
        )
    _flush()
    return 1


def exit_status(done: SystemExit) -> int:
    """The process status Python gives for ``SystemExit(code)``."""
    code = done.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def uncaught(error: BaseException) -> int:
    """Report an exception the program did not catch, as Python's top level does."""
    message = _omppy_message(error)
    if message is not None:
        print(message, file=sys.stderr)
        return 1
    _strip_internal(error)
    hook = getattr(sys, "excepthook", None)
    if hook is None:
        print("sys.excepthook is missing", file=sys.stderr)
        sys.__excepthook__(type(error), error, error.__traceback__)
    else:
        try:
            hook(type(error), error, error.__traceback__)
        except BaseException as hook_error:
            # What Python prints when the program's own hook fails.
            print("Error in sys.excepthook:", file=sys.stderr)
            hook_error.__suppress_context__ = True  # Python shows it alone
            _strip_internal(hook_error)
            sys.__excepthook__(type(hook_error), hook_error, hook_error.__traceback__)
            print("\nOriginal exception was:", file=sys.stderr)
            sys.__excepthook__(type(error), error, error.__traceback__)
    return INTERRUPTED_STATUS if isinstance(error, KeyboardInterrupt) else 1


def excepthook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    """``sys.excepthook`` under ``import omppy.autohook``: Python's, without omppy's
    frames; a pragma error (in a module being imported, say) or a malformed setting is
    printed as omppy prints all of them: ``file:line:col: message``, the line, a caret
    and a hint."""
    if kind is not type(error):
        sys.__excepthook__(kind, error, tb)
        return
    message = _omppy_message(error)
    if message is not None:
        print(message, file=sys.stderr)
        return
    error.__traceback__ = tb
    _strip_internal(error)
    sys.__excepthook__(kind, error, error.__traceback__)


def _omppy_message(error: BaseException) -> str | None:
    """The message for a pragma error or a malformed setting (no traceback), else None.

    Looked up in ``sys.modules``: a module not imported cannot have raised its error,
    and no error path imports the translator.
    """
    diagnostics = sys.modules.get("omppy.transform.diagnostics")
    if diagnostics is not None and isinstance(error, diagnostics.PragmaError):
        return str(error)
    icv = sys.modules.get("omppy.runtime.icv")
    if icv is not None and isinstance(error, icv.ConfigError):
        return f"omppy: error: {error}"
    return None


def _strip_internal(error: BaseException) -> None:
    from .runtime.tracebacks import strip_internal

    strip_internal(error)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
