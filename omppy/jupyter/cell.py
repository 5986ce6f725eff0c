"""Running one ``%%omppy`` cell: translate it, compile it under the cell's name, run it.

The cell's text is registered with IPython's compiler cache (``shell.compile.cache``)
under the name IPython gives cells, so tracebacks read ``Cell In[5], line 7`` and
show the cell's own lines, in the master and in every worker (a worker's
``linecache`` is a copy of the kernel's).  The body is translated with one blank
line in front of it: line *k* of the translation's source is line *k* of the cell,
the ``%%omppy`` line being line 1.

The code runs in the kernel's namespace, like any cell; when its last statement is
an expression, the cell's value is that expression's (IPython shows it as ``Out``).
A pragma error is shown like a syntax error, at the cell's line and column; a
worker's traceback names the cell as IPython does (``Cell In[5], line 7``).
"""

from __future__ import annotations

import ast
import io
import linecache
import re
import tokenize
import traceback
from types import CodeType
from typing import Any

from IPython.core.compilerop import CachingCompiler

from ..runtime.errors import RemoteTraceback
from ..runtime.tracebacks import strip_internal
from ..transform.diagnostics import PragmaError
from ..transform.lines import translated_tree, user_names
from ..transform.translate import Translation, translate


def cell_number(shell: Any) -> int:
    """The ``In[N]`` of the cell running now (IPython 9 counts it up before running it)."""
    result = getattr(shell.displayhook, "exec_result", None)
    number = getattr(result, "execution_count", None)
    return int(number) if number is not None else int(shell.execution_count)


def register(shell: Any, text: str) -> str:
    """Cache a cell's whole text (its ``%%`` line too) and return its file name.

    The name is IPython's own kind, ``<ipython-input-N-...>``, even in ipykernel,
    which names cells like files (``/tmp/ipykernel_1/123.py``): IPython's tracebacks
    try to open such a name, and when there is no file they show a region's frame at
    the wrong lines.  What a cell name maps to (``Cell In[N]``) is kept in the
    compiler's table, as ``shell.compile.cache`` keeps it.
    """
    compiler = shell.compile
    number = cell_number(shell)
    name = str(compiler.cache(text, number, raw_code=text))
    table = getattr(compiler, "_filename_map", None)
    if not name.endswith(".py") or not isinstance(table, dict):
        return name
    alias = CachingCompiler.get_code_name(compiler, text, text, number)
    linecache.cache[alias] = linecache.cache[name]
    table[alias] = number
    return str(alias)


def translate_cell(shell: Any, body: str, filename: str, first_line: int = 2) -> Translation:
    """The translation of ``body``, whose first line is line ``first_line`` of the cell."""
    source = "\n" * (first_line - 1) + body
    try:
        return translate(source, filename)
    except PragmaError as error:
        raise compact(shell, as_syntax_error(error), "PragmaError") from None
    except SyntaxError as error:
        raise compact(shell, error) from None


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
    """Stands in for an exception group (several threads failed) on its way out of a
    cell: IPython prints groups with the frames of its magic machinery; this renders
    the group as Python does, from the cell's frames.  The group is ``.group``."""

    group: BaseExceptionGroup[Any]
    shell: Any

    def _render_traceback_(self) -> list[str]:
        text = "".join(traceback.format_exception(self.group))
        return _FILE.sub(lambda match: _label(self.shell, match), text).splitlines()


def compile_cell(
    shell: Any, translation: Translation, filename: str
) -> tuple[CodeType, CodeType | None]:
    """The cell's statements, and its last expression (evaluated for ``Out``) if any."""
    try:
        if translation.changed:
            tree = translated_tree(translation, filename)
        else:
            tree = ast.parse(translation.source, filename)
    except SyntaxError as error:
        raise compact(shell, error) from None
    last = None
    if _ends_with_users_expression(tree, translation) and not _quiet(translation.source):
        expression = ast.Expression(tree.body.pop().value)  # type: ignore[attr-defined]
        last = compile(expression, filename, "eval", dont_inherit=True)
    statements = compile(tree, filename, "exec", dont_inherit=True)
    return user_names(statements), last


def _quiet(source: str) -> bool:
    """Whether the cell ends with ``;``, which hides its value (as in any cell)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    skipped = (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
    for token in reversed(tokens):
        if token.type not in skipped:
            return token.type == tokenize.OP and token.string == ";"
    return False


def _ends_with_users_expression(tree: ast.Module, translation: Translation) -> bool:
    """Whether the cell ends with an expression of the user's (not generated code)."""
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        return False
    if not translation.changed:
        return True
    users = ast.parse(translation.source).body
    return (
        bool(users)
        and isinstance(users[-1], ast.Expr)
        and users[-1].lineno == tree.body[-1].lineno
        and ast.dump(users[-1].value) == ast.dump(tree.body[-1].value)
    )


def run(shell: Any, statements: CodeType, last: CodeType | None) -> Any:
    """Run the compiled cell in the kernel's namespace; the value of its last expression.

    An exception leaves with omppy's frames taken out of its traceback (and out of
    those of the exceptions chained to it), and shows as a cell's own would: from the
    cell's first frame, without the frames of IPython's magic machinery.
    """
    __tracebackhide__ = True  # IPython leaves this frame out of tracebacks
    group: BaseExceptionGroup[Any] | None = None
    try:
        exec(statements, shell.user_global_ns, shell.user_ns)
        if last is not None:
            return eval(last, shell.user_global_ns, shell.user_ns)
        return None
    except BaseExceptionGroup as error:
        strip_internal(error)
        _label_cells(shell, error)
        group = error
    except BaseException as error:
        strip_internal(error)
        _label_cells(shell, error)
        _render_from_here(shell, error)
        raise
    # Raised out here, not in the handler: the stand-in must not carry the group as its
    # context, or IPython would print the group its own way.
    raise group_error(shell, group)


def group_error(shell: Any, group: BaseExceptionGroup[Any]) -> Exception:
    """A stand-in for ``group`` (several threads failed) on its way out of a cell."""
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
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)


def _render_from_here(shell: Any, error: BaseException) -> None:
    """Have IPython show ``error``'s traceback as it stands now (``_render_traceback_``,
    the hook IPython gives exceptions to render themselves)."""
    if isinstance(error, SyntaxError) or error.__traceback__ is None:
        return  # shown without a traceback anyway, or nothing of the user's to show
    kind, traceback = type(error), error.__traceback__

    def render() -> list[str]:
        return list(shell.InteractiveTB.structured_traceback(kind, error, traceback, tb_offset=0))

    try:
        error._render_traceback_ = render  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        pass  # no instance dictionary: IPython's usual traceback, magic frames and all
