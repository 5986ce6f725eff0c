"""The magics: ``%%omppy`` runs a cell in parallel, ``%omppy_translate`` shows code.

``%%omppy [-n N]`` runs the cell translated (``cell.py``), in the kernel's namespace.
``%omppy_translate`` shows a translation without running anything: of the cell it
heads (``%%omppy_translate``), of a function, class or module (``%omppy_translate f``),
or, alone on a line, of the next cell that runs.
"""

from __future__ import annotations

import contextlib
import inspect
import re
import textwrap
from collections.abc import Iterator
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, line_cell_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

from ..runtime.icv import icv
from ..transform.diagnostics import PragmaError
from ..transform.translate import translate
from . import cell as cells
from .errors import as_syntax_error, compact

REPORT_MISSING = (
    "--report: this version of omppy has no load-balance report yet; run the cell without --report"
)


@magics_class
class OmppyMagics(Magics):
    """``%%omppy`` and ``%omppy_translate``; loaded by ``%load_ext omppy``."""

    shell: Any  # IPython types it as optional; a magic always runs in a shell

    @magic_arguments()
    @argument(
        "-n",
        "--num-threads",
        type=int,
        metavar="N",
        help="Team size of the cell's outermost regions (default: OMP_NUM_THREADS, "
        "else the CPUs the kernel may use). A num_threads clause still wins.",
    )
    @argument(
        "--report",
        action="store_true",
        help="A load-balance report per construct (not in this version of omppy).",
    )
    @cell_magic
    def omppy(self, line: str, cell: str) -> Any:
        """Run this cell with its ``# omp`` pragmas on a team of forked workers.

        The cell runs in the notebook's namespace: names it binds stay defined,
        names from earlier cells are visible. Output from every thread appears in
        the cell, in order. The value of a last expression is shown as ``Out``.
        """
        __tracebackhide__ = True
        args = parse_argstring(self.omppy, line)
        if args.report:
            raise UsageError(REPORT_MISSING)
        if args.num_threads is not None and args.num_threads < 1:
            raise UsageError(f"-n needs a positive team size, got {args.num_threads}")
        filename = cells.register(self.shell, f"%%omppy {line}".rstrip() + "\n" + cell)
        translation = cells.translate_cell(self.shell, cell, filename)
        statements, last = cells.compile_cell(self.shell, translation, filename)
        with team_size(args.num_threads):
            return cells.run(self.shell, statements, last)

    @line_cell_magic
    def omppy_translate(self, line: str, cell: str | None = None) -> None:
        """Show translated code, without running it.

        ``%%omppy_translate`` heading a cell: that cell's translation.
        ``%omppy_translate NAME``: the translation of the function, class or module
        NAME (its source must be available, as it is for code from a cell).
        ``%omppy_translate`` alone: the translation of the next cell that runs
        (a ``%%omppy`` line heading it is left out), instead of running it.
        """
        if cell is not None:
            self.show_cell(f"%%omppy_translate {line}".rstrip() + "\n" + cell, 2)
        elif line.strip():
            self._show_object(line.strip())
        else:
            self._arm()

    # -- the next cell ----------------------------------------------------------------
    # IPython may transform a cell's text more than once before running it (ipykernel
    # does it once to decide how to run the cell), so the transformer is a pure
    # function of the text; it is taken away when the transformed cell starts running.

    def _arm(self) -> None:
        if self._next_cell not in self.shell.input_transformers_cleanup:
            self.shell.input_transformers_cleanup.append(self._next_cell)
            self.shell.events.register("pre_run_cell", self._disarm)

    def _disarm(self, *_: Any) -> None:
        while self._next_cell in self.shell.input_transformers_cleanup:
            self.shell.input_transformers_cleanup.remove(self._next_cell)
        self.shell.events.unregister("pre_run_cell", self._disarm)

    def _next_cell(self, lines: list[str]) -> list[str]:
        """The next cell as a call that shows its translation."""
        first_line = 2 if lines and re.match(r"%%omppy(\s|$)", lines[0]) else 1
        return [
            f"get_ipython().magics_manager.registry[{type(self).__name__!r}]"
            f".show_cell({''.join(lines)!r}, {first_line})\n"
        ]

    def show_cell(self, text: str, first_line: int) -> None:
        """Show the translation of a cell's ``text`` whose code starts at ``first_line``."""
        __tracebackhide__ = True
        filename = cells.register(self.shell, text)
        body = "".join(text.splitlines(keepends=True)[first_line - 1 :])
        translation = cells.translate_cell(self.shell, body, filename, first_line)
        shown = translation.text if translation.changed else translation.source
        show(shown.lstrip("\n"))

    def _show_object(self, expression: str) -> None:
        try:
            value = eval(expression, self.shell.user_global_ns, self.shell.user_ns)
        except Exception as error:
            raise UsageError(f"%omppy_translate {expression}: {error}") from None
        try:
            source = textwrap.dedent(inspect.getsource(value))
            filename = inspect.getsourcefile(value) or "<source>"
        except (TypeError, OSError) as error:
            raise UsageError(
                f"%omppy_translate {expression}: no source to translate ({error})"
            ) from None
        try:
            translation = translate(source, filename)
        except PragmaError as error:
            raise compact(self.shell, as_syntax_error(error), "PragmaError") from None
        except SyntaxError as error:
            raise compact(self.shell, error) from None
        show(translation.text)


def show(code: str) -> None:
    """Display Python code, highlighted where the front end can (plain text otherwise)."""
    from IPython.display import Code, display

    display(Code(code, language="python"))


@contextlib.contextmanager
def team_size(count: int | None) -> Iterator[None]:
    """The outermost team size set to ``count`` for the duration of a cell."""
    if count is None:
        yield
        return
    control = icv()
    saved = control.num_threads
    control.num_threads = (count, *saved[1:])
    try:
        yield
    finally:
        control.num_threads = saved
