"""``import omppy.autohook``: run the rest of this program in parallel under ``python``.

Imported first thing in a program, it does two things:

1. installs omppy's import hook, so every module imported afterwards that carries
   pragmas is translated (and cached in ``__pycache__`` under omppy's own tag);
2. runs the rest of the main script translated.  By the time this import runs, the
   script is already compiled without its pragmas, so the hook translates the file,
   keeps the statements *after* ``import omppy.autohook`` (at their original line
   numbers), executes them in the script's own ``__main__`` namespace, and ends the
   program with their exit status (``runner.run_main_code``, as ``omppy run`` ends).
   The original, untranslated rest never runs.

Importing it a second time does nothing; a script without pragmas runs unchanged.
``sys.excepthook`` becomes :func:`omppy.runner.excepthook` (no omppy frames in
tracebacks) unless the program has set its own, which is then honoured.
"""

from __future__ import annotations

import os
import sys
import types

from .locations import PACKAGE_DIR
from .runner import excepthook, run_main_code
from .transform.importer import install


def _main_frame() -> types.FrameType | None:
    """The frame of the ``__main__`` script's module code that is importing us."""
    frame = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if frame.f_globals.get("__name__") == "__main__" and code.co_name == "<module>":
            return frame
        frame = frame.f_back  # type: ignore[assignment]
    return None


def _imported_on_a_line_of_its_own(frame: types.FrameType, source: bytes) -> bool:
    """Whether the script imports us in a top-level statement alone on its line.

    Only then is "the statements after that line" the rest of the program: inside a
    function, an ``if`` block or after a ``;`` it would skip code.
    """
    importer = sys._getframe(1)
    while importer is not None and importer is not frame:
        name = importer.f_code.co_filename
        if not (name.startswith("<frozen importlib") or name.startswith(PACKAGE_DIR + os.sep)):
            return False  # a function of the script (or of a module) is importing us
        importer = importer.f_back  # type: ignore[assignment]
    import ast

    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return True  # compiling the rest reports it as Python would
    line = frame.f_lineno
    here = [s for s in tree.body if s.lineno <= line <= (s.end_lineno or s.lineno)]
    return (
        len(here) == 1
        and isinstance(here[0], ast.Import)
        and here[0].lineno == here[0].end_lineno == line
        and not [s for s in tree.body if s is not here[0] and line in (s.lineno, s.end_lineno)]
    )


def _run_rest_of_main() -> None:
    frame = _main_frame()
    if frame is None:
        return
    namespace = frame.f_globals
    path = namespace.get("__file__")
    if "_omp" in namespace or not isinstance(path, str) or not os.path.isfile(path):
        return  # already translated (omppy run, omppy translate), or no file to read
    from .transform.importer import load_code
    from .transform.sentinel import has_pragmas

    with open(path, "rb") as handle:
        source = handle.read()
    if not has_pragmas(source):
        return
    if not _imported_on_a_line_of_its_own(frame, source):
        print(
            f"omppy: warning: 'import omppy.autohook' in {path} is not a statement on a "
            "line of its own at the top level of the script, so the rest of the script "
            "runs without its pragmas (modules it imports later are still translated); "
            "put the import first in the script, on its own line",
            file=sys.stderr,
        )
        return
    try:
        code = load_code(source, path, after_line=frame.f_lineno)
    except Exception as error:
        # Imported here, not above: a cached translation needs neither.
        from .transform.diagnostics import PragmaError

        if not isinstance(error, PragmaError):
            raise
        print(error, file=sys.stderr)
        raise SystemExit(1) from None
    del frame
    raise SystemExit(run_main_code(code, namespace))


install()
if sys.excepthook is sys.__excepthook__:  # leave a program's own hook alone
    sys.excepthook = excepthook
_run_rest_of_main()
