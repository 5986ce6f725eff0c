"""Running a script or module translated, the way ``python`` would run it.

``sys.argv``, ``sys.path[0]``, a real ``__main__`` module in ``sys.modules`` (so
pickling functions from the script works), the exit status from ``SystemExit``, and
tracebacks that show only the user's frames at their original lines (the code is
compiled with them: ``transform/lines.py``).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import traceback
import types
from typing import Any

from .runtime.icv import ConfigError
from .runtime.tracebacks import strip_internal
from .transform.diagnostics import PragmaError
from .transform.importer import install, load_code


class ScriptNotFound(Exception):
    """The script or module to run does not exist."""


def _main_module(path: str | None, spec: Any = None) -> types.ModuleType:
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = __builtins__
    if path is not None:
        module.__file__ = path
    module.__spec__ = spec
    if spec is not None:
        module.__loader__ = spec.loader
        module.__package__ = spec.parent
    sys.modules["__main__"] = module
    return module


def run_path(path: str, args: list[str]) -> int:
    """Run the script at ``path`` with ``args``; return the exit status."""
    try:
        with open(path, "rb") as handle:
            source = handle.read()
    except OSError as error:
        raise ScriptNotFound(f"can't open file {path!r}: {error.strerror}") from None
    sys.argv = [path, *args]
    full_path = os.path.abspath(path)  # what python 3.11 shows in tracebacks too
    sys.path[0] = os.path.dirname(full_path)
    install()
    return _execute(lambda: load_code(source, full_path), _main_module(full_path))


def run_module(name: str, args: list[str]) -> int:
    """Run module ``name`` as ``__main__`` (``omppy run -m name``)."""
    sys.path[0] = os.getcwd()
    install()
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError) as error:
        raise ScriptNotFound(f"no module named {name!r} ({error})") from None
    if spec is not None and spec.submodule_search_locations is not None:
        spec = importlib.util.find_spec(f"{name}.__main__")
        if spec is None:
            raise ScriptNotFound(
                f"no module named {name}.__main__; {name!r} is a package and cannot be "
                "directly executed"
            )
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        raise ScriptNotFound(f"no module named {name!r}")
    path = spec.origin
    sys.argv = [path, *args]
    with open(path, "rb") as handle:
        source = handle.read()
    return _execute(lambda: load_code(source, path), _main_module(path, spec))


def _execute(get_code: Any, module: types.ModuleType) -> int:
    try:
        code = get_code()
    except PragmaError as error:
        print(error, file=sys.stderr)
        return 1
    except SyntaxError as error:
        traceback.print_exception(SyntaxError, error, None)
        return 1
    try:
        exec(code, module.__dict__)
    except SystemExit as done:
        return exit_status(done)
    except ConfigError as error:
        print(f"omppy: error: {error}", file=sys.stderr)
        return 1
    except BaseException as error:  # the user's exception: show it as Python would
        report(error)
        return 130 if isinstance(error, KeyboardInterrupt) else 1
    finally:
        _flush()
    return 0


def report(error: BaseException) -> None:
    """Print ``error`` like Python's top level, without omppy's frames.

    A pragma error (in a module being imported, say) is printed as omppy prints all
    of them: ``file:line:col: message``, the line, a caret and a hint.
    """
    if isinstance(error, PragmaError):
        print(error, file=sys.stderr)
        return
    strip_internal(error)
    traceback.print_exception(error)


def exit_status(done: SystemExit) -> int:
    """The process status Python gives for ``SystemExit(code)``."""
    code = done.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
