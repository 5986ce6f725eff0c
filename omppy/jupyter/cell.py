"""Running one ``%%omppy`` cell: translate it, compile it under the cell's name, run it.

The cell's text is registered with IPython's compiler cache (``shell.compile.cache``)
under a cell name, so tracebacks read ``Cell In[5], line 7`` and show the cell's own
lines, in the master and in every worker (a worker's ``linecache`` is a copy of the
kernel's).  The body is translated with one blank
line in front of it: line *k* of the translation's source is line *k* of the cell,
the ``%%omppy`` line being line 1.

The code runs in the kernel's namespace, like any cell; when its last statement is
an expression, the cell's value is that expression's (IPython shows it as ``Out``).
How its errors are shown is ``errors.py``.
"""

from __future__ import annotations

import ast
import io
import linecache
import tokenize
from types import CodeType
from typing import Any

from IPython.core.compilerop import CachingCompiler

from ..transform.diagnostics import PragmaError
from ..transform.lines import translated_tree, user_names
from ..transform.translate import Translation, translate
from .errors import as_syntax_error, compact, group_error, tidy


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
        tidy(shell, error)
        group = error
    except BaseException as error:
        tidy(shell, error)
        raise
    # Raised out here, not in the handler: the stand-in must not carry the group as its
    # context, or IPython would print the group its own way.
    raise group_error(shell, group)
