"""Generated statements laid out as a person (or ruff format) would write them.

A statement is built as text with its bracketed parts marked (:class:`Group`):
a call's arguments, a dict's entries, a tuple's items, a ``def``'s parameters.
:func:`render` puts it on one line when that fits in :data:`WIDTH` columns; else the
outermost group's items go on one indented line between the brackets; else one item
per line with a trailing comma, each item laid out the same way in turn.

Continuation lines are indented relative to the statement (libcst keeps them
relative when the statement is placed in a deeper block); ``indent`` is only the
column where the statement will stand, to know how much room there is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Union

WIDTH = 99  # the longest line, as the project's own code (pyproject.toml: line-length)


@dataclass(frozen=True)
class Group:
    """``opening`` + items separated by commas + ``closing``: ``f(a, b)``, ``{k: v}``."""

    opening: str  # up to and with the opening bracket: "_omp.parallel(", "shared=("
    items: tuple[Part, ...]
    closing: str  # the closing bracket, and what follows it on its line (")", "):")
    one_tuple: bool = False  # a tuple of one item keeps its comma: ``('a',)``
    separator: str = ", "  # " ": string literals joined by juxtaposition (:func:`text`)
    literal: str | None = None  # those literals' string, as one literal (:func:`text`)

    def flat(self) -> str:
        if self.literal is not None:
            return self.literal
        inner = self.separator.join(flat(item) for item in self.items)
        comma = "," if self.one_tuple and len(self.items) == 1 else ""
        return f"{self.opening}{inner}{comma}{self.closing}"


Part = Union[str, Group]  # noqa: UP007 - a runtime alias


def flat(part: Part) -> str:
    """``part`` on one line."""
    return part if isinstance(part, str) else part.flat()


def call(function: str, *arguments: Part) -> Group:
    """``function(arguments...)``; ``function`` may start with ``name=`` or ``**``."""
    return Group(f"{function}(", tuple(arguments), ")")


def keyword(name: str, value: Part) -> Part:
    """``name=value`` as one argument."""
    if isinstance(value, str):
        return f"{name}={value}"
    return Group(f"{name}={value.opening}", value.items, value.closing, value.one_tuple)


def names(items: Sequence[str]) -> Group:
    """A tuple of names as strings: ``('a', 'b')``, ``('a',)``, ``()``."""
    return Group("(", tuple(repr(name) for name in items), ")", one_tuple=True)


def text(value: str, room: int = 60) -> Part:
    """The string ``value`` as a literal; a long one as literals of about ``room``
    characters each, broken after spaces, that Python joins: ``("a long " "text")``."""
    if len(repr(value)) <= room:
        return repr(value)
    pieces: list[str] = []
    for word in value.split(" "):
        if pieces and len(pieces[-1]) + len(word) + 1 <= room:
            pieces[-1] += " " + word
        else:
            pieces.append(word)
    chunks = [piece + " " for piece in pieces[:-1]] + pieces[-1:]
    literals = tuple(repr(chunk) for chunk in chunks)
    return Group("(", literals, ")", separator=" ", literal=repr(value))


def mapping(entries: Sequence[Part]) -> Group:
    """A dict display of ready-made entries (``'k': v`` or ``**more``)."""
    return Group("{", tuple(entries), "}")


def render(
    prefix: str, part: Part, indent: int, unit: str = "    ", tail: int = 0, spare: int = 0
) -> str:
    """The statement ``prefix + part``, standing at column ``indent``, laid out in
    :data:`WIDTH` columns (see the module docstring); ``unit`` is one indentation;
    ``tail`` columns follow it on its last line (the ``:`` of a ``for`` header);
    ``spare`` columns are kept free on every line (for a later renaming that
    lengthens names: private_names.py)."""
    layout = _Layout(indent, unit, WIDTH - spare)
    return prefix + layout.render(part, indent + len(prefix), 0, tail)


@dataclass(frozen=True)
class _Layout:
    indent: int  # the statement's column
    unit: str  # one indentation
    width: int  # the columns a line may use

    def render(self, part: Part, used: int, level: int, tail: int = 0) -> str:
        """``part`` starting at column ``used`` of a line ``level`` units deeper than
        the statement; ``tail`` columns follow it on its last line (a comma)."""
        text = flat(part)
        if isinstance(part, str) or (used + len(text) + tail <= self.width and "\n" not in text):
            return text
        inner = self.unit * (level + 1)
        column = self.indent + len(inner)
        closing = f"\n{self.unit * level}{part.closing}"
        hugged = Group("", part.items, "", part.one_tuple, part.separator, part.literal).flat()
        if column + len(hugged) <= self.width and "\n" not in hugged:
            return f"{part.opening}\n{inner}{hugged}{closing}"
        comma = part.separator.strip()  # "," between items, none between literals
        lines = [
            inner + self.render(item, column, level + 1, tail=len(comma)) + comma
            for item in part.items
        ]
        return part.opening + "\n" + "\n".join(lines) + closing
