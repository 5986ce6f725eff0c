"""How a cell's errors are shown: like a cell's own, at the cell's lines.

IPython shows an exception that leaves a cell magic with the frames of its magic
machinery, prints a ``SyntaxError`` raised while a cell runs with its whole stack,
and prints exception groups with its own frames too.  IPython lets an exception
render itself (``_render_traceback_``); what is here uses that hook:

- a user's exception renders from the cell's first frame, omppy's frames removed;
- a pragma or syntax error renders as IPython renders a syntax error in a cell: the
  cell's line, a caret, the message (:func:`compact`);
- an exception group (the program's own) renders as Python prints one
  (:func:`group_error`);
- a worker's traceback, which arrives as text, and the note that names the other
  threads' failures name cells as IPython does (``Cell In[5], line 7``).
"""

from __future__ import annotations

import re
import traceback
from typing import Any

from ..runtime.errors import RemoteTraceback
from ..runtime.tracebacks import strip_internal
from ..transform.diagnostics import PragmaError


def tidy(shell: Any, error: BaseException) -> None:
    """Prepare a user's exception for the notebook (before it is re-raised)."""
    strip_internal(error)
    _label_cells(shell, error)
    if not isinstance(error, BaseExceptionGroup):
        _render_from_here(shell, error)


def as_syntax_error(error: PragmaError) -> SyntaxError:
    """``error`` as a syntax error: its line, column, message and hint."""
    message = error.message + (f"\n  hint: {error.hint}" if error.hint else "")
    return SyntaxError(message, (error.filename, error.line, error.col + 1, error.source_line))


def compact(shell: Any, error: SyntaxError, name: str | None = None) -> Exception:
    """An exception that the notebook shows as it shows a syntax error in a cell.

    IPython prints a ``SyntaxError`` raised while a cell runs with the whole stack
    of its magic machinery; one found before a cell runs, compactly: the cell's line,
    a caret, the message.  This stand-in (named like the error, for the front end)
    renders itself the compact way (``_render_traceback_``).
    """
    kind = type(name or type(error).__name__, (CellError,), {})
    shown = kind(str(error.msg))
    shown.error = error
    shown.shell = shell
    return shown


class CellError(Exception):
    """Base of :func:`compact`'s stand-ins."""

    error: SyntaxError
    shell: Any

    def _render_traceback_(self) -> list[str]:
        name = type(self).__name__
        kind = type(self.error)
        if kind.__name__ != name:  # IPython renders syntax errors only: one of that name
            kind = type(name, (SyntaxError,), {})
        return list(self.shell.SyntaxTB.structured_traceback(kind, self.error, []))


class GroupError(Exception):
    """Stands in for an exception group (the program's own) on its way out of a
    cell: IPython prints groups with the frames of its magic machinery; this renders
    the group as Python does, from the cell's frames.  The group is ``.group``."""

    group: BaseExceptionGroup[Any]
    shell: Any

    def _render_traceback_(self) -> list[str]:
        text = "".join(traceback.format_exception(self.group))
        return _FILE.sub(lambda match: _label(self.shell, match), text).splitlines()


def group_error(shell: Any, group: BaseExceptionGroup[Any]) -> Exception:
    """A stand-in for ``group`` (the program's own) on its way out of a cell."""
    kind = type(type(group).__name__, (GroupError,), {})
    shown = kind(str(group))
    shown.group = group
    shown.shell = shell
    return shown


_FILE = re.compile(r'File "(?P<name>[^"]+)", line ')


def _label(shell: Any, match: re.Match[str]) -> str:
    """``Cell In[5], line `` for a traceback's ``File "<cell name>", line ``."""
    try:
        known = shell.compile.format_code_name(match["name"])
    except Exception:
        known = None
    return f"{' '.join(known)}, line " if known else match[0]


def _label_cells(shell: Any, error: BaseException) -> None:
    """Name cells as IPython does in the tracebacks workers sent as text."""

    def label(match: re.Match[str]) -> str:
        return _label(shell, match)

    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, RemoteTraceback):
            current.text = _FILE.sub(label, current.text)
            current.args = (current.text,)
        notes = getattr(current, "__notes__", None)
        if isinstance(notes, list):  # the other threads' failures (firstfailure.py)
            current.__notes__ = [_FILE.sub(label, n) if isinstance(n, str) else n for n in notes]
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)


def _render_from_here(shell: Any, error: BaseException) -> None:
    """Have IPython show ``error``'s traceback as it stands now (``_render_traceback_``,
    the hook IPython gives exceptions to render themselves)."""
    if isinstance(error, SyntaxError) or error.__traceback__ is None:
        return  # shown without a traceback anyway, or nothing of the user's to show
    kind, frames = type(error), error.__traceback__

    def render() -> list[str]:
        return list(shell.InteractiveTB.structured_traceback(kind, error, frames, tb_offset=0))

    try:
        error._render_traceback_ = render  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        pass  # no instance dictionary: IPython's usual traceback, magic frames and all
