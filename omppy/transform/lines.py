"""Compiling translated code so that it reports the user's original line numbers.

The translated text is parsed with :mod:`ast`, every node's line is replaced by the
user's line it stands for (``Translation.line_of``), and the tree is compiled under
the user's file name.  Tracebacks, ``inspect`` and ``linecache`` then show the
user's own file and lines, in the master and in every worker.
"""

from __future__ import annotations

import ast
import operator
from types import CodeType

from .key_twins import TWIN_PREFIX as _TWIN
from .translate import Translation


def _complete(
    table: dict[int, int], generated: list[str], source: list[str]
) -> list[int]:
    """A user line for every generated line.

    The table maps the first line of each statement.  An unmapped line that reads like
    the user's line as far below the last mapped one (a statement copied verbatim over
    several lines) takes that line; any other unmapped line takes the last mapped one.
    """
    count = len(generated)
    lines = [1] * (count + 2)
    current = anchor_generated = anchor_user = 1
    for number in range(1, count + 2):
        if number in table:
            current = anchor_user = table[number]
            anchor_generated = number
        else:
            guess = anchor_user + (number - anchor_generated)
            if _same_text(generated, source, number, guess):
                current = guess
        lines[number] = current
    return lines


def compile_translation(translation: Translation, filename: str) -> CodeType:
    """A code object for ``translation`` with the user's line numbers."""
    if not translation.changed:
        return compile(translation.source, filename, "exec", dont_inherit=True)
    tree = translated_tree(translation, filename)
    return user_names(compile(tree, filename, "exec", dont_inherit=True))


def user_names(code: CodeType, enclosing: CodeType | None = None) -> CodeType:
    """``code`` with every outlined region named like the function it came from.

    A traceback through a region then reads ``in compute`` (the user's function),
    not ``in _omp_parallel_for_12``; through a noted twin (key_twins.py), ``in
    lookup``, not ``in _omp_twin_lookup``.
    """
    name, qualname = code.co_name, code.co_qualname
    if name.startswith(_TWIN):
        name, qualname = name[len(_TWIN) :], qualname.replace(_TWIN, "", 1)
    elif name.startswith("_omp_") and enclosing is not None:
        name, qualname = enclosing.co_name, enclosing.co_qualname
    renamed = code.replace(co_name=name, co_qualname=qualname)
    consts = tuple(
        user_names(const, renamed) if isinstance(const, CodeType) else const
        for const in code.co_consts
    )
    if name == code.co_name and all(map(operator.is_, consts, code.co_consts)):
        # Unchanged: keep the very object.  The compiler shares equal constant tuples
        # between code objects, and marshal writes a shared tuple once; copies would
        # each be written and, when the cache is loaded, each allocated (hundreds of
        # tuples in a large module, enough to set off a garbage collection).
        return code
    return renamed.replace(co_consts=consts)


def _lines(text: str) -> list[str]:
    """``text``'s lines as Python numbers them (not ``splitlines``, which also splits
    at a form feed); diagnostics.source_lines, without importing it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()  # (as splitlines: no empty line after the last line end)
    return lines


def translated_tree(translation: Translation, filename: str) -> ast.Module:
    """The translated text's syntax tree, its positions moved to the user's lines."""
    tree = ast.parse(translation.text, filename)
    text_lines = _lines(translation.text)
    source_lines = _lines(translation.source)
    lines = _complete(translation.line_of, text_lines, source_lines)
    for node in ast.walk(tree):
        if not isinstance(
            node,
            (ast.stmt, ast.expr, ast.excepthandler, ast.arg, ast.keyword, ast.alias, ast.pattern),
        ) or not hasattr(node, "lineno"):
            continue
        start = node.lineno
        end = getattr(node, "end_lineno", None) or start
        new_start = lines[min(start, len(lines) - 1)]
        new_end = max(new_start, lines[min(end, len(lines) - 1)])
        node.lineno, node.end_lineno = new_start, new_end
        if not _same_text(text_lines, source_lines, start, new_start):
            # A rewritten line: point at the whole user line rather than at columns
            # that only exist in the generated text.
            user = source_lines[new_start - 1] if new_start <= len(source_lines) else ""
            node.col_offset = len(user) - len(user.lstrip())
            node.end_col_offset = max(node.col_offset, len(user.rstrip()))
            if new_end != new_start:
                node.end_lineno = new_start
        else:
            shift = _indent(text_lines, start) - _indent(source_lines, new_start)
            node.col_offset = max(0, node.col_offset - shift)
            if node.end_col_offset is not None:
                end_shift = _indent(text_lines, end) - _indent(source_lines, new_end)
                node.end_col_offset = max(0, node.end_col_offset - end_shift)
                if new_end == new_start and node.end_col_offset < node.col_offset:
                    # Lines folded onto one user line: compile() refuses an end before
                    # the start, and a caret under the whole node is what is wanted.
                    node.end_col_offset = node.col_offset
    return tree


def _indent(lines: list[str], number: int) -> int:
    if 1 <= number <= len(lines):
        text = lines[number - 1]
        return len(text) - len(text.lstrip())
    return 0


def _same_text(generated: list[str], source: list[str], at: int, user_line: int) -> bool:
    if not (1 <= at <= len(generated) and 1 <= user_line <= len(source)):
        return False
    return generated[at - 1].strip() == source[user_line - 1].strip()
