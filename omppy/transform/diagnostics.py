"""Errors the translator shows to users: ``file:line:col: message``, the line, a caret.

Every problem the translator finds in a program's pragmas (a misspelt clause, a
``break`` leaving a region, a ``default(none)`` name without a clause) is a
:class:`PragmaError`.  It is the *only* exception the translator raises on bad
input; the command line prints it and exits with status 1, without a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Self


class PragmaError(Exception):
    """A malformed or misplaced pragma, located in the user's source.

    ``line`` is 1-based and ``col`` 0-based (as in Python's ``ast``); the message
    prints the column 1-based, as compilers and editors do.
    """

    def __init__(
        self,
        message: str,
        *,
        filename: str = "<string>",
        line: int = 1,
        col: int = 0,
        source_line: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.filename = filename
        self.line = line
        self.col = col
        self.source_line = source_line
        self.hint = hint

    def located(self, filename: str, source: str) -> Self:
        """Fill in the file name and the source line (when the raiser lacked them)."""
        self.filename = filename
        if self.source_line is None:
            lines = source_lines(source)
            if 1 <= self.line <= len(lines):
                self.source_line = lines[self.line - 1]
        return self

    def __str__(self) -> str:
        text = f"{self.filename}:{self.line}:{self.col + 1}: {self.message}"
        if self.source_line is not None:
            shown = self.source_line.expandtabs(1).rstrip()
            text += f"\n    {shown}\n    {' ' * min(self.col, len(shown))}^"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class PragmaWarning(PragmaError):
    """A statement that is legal but likely wrong in parallel (a probable data race),
    located like a :class:`PragmaError`; reported, not raised."""

    def __str__(self) -> str:
        text = super().__str__()
        head, sep, rest = text.partition(": ")
        return f"{head}: warning: {rest}" if sep else text


class DirectiveWarning(UserWarning):
    """A warning the translator shows at the user's line: ``# omp error
    severity(warning)``."""


def source_lines(source: str) -> list[str]:
    """``source``'s lines as Python numbers them: split at ``\n``, ``\r\n`` and
    ``\r`` only (``str.splitlines`` also splits at form feeds and other separators)."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()  # (as splitlines: no empty line after the last line end)
    return lines


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or ``""`` when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
