"""Where the user's code is, for messages: ``file:line`` of the frame that reached
the runtime (:func:`location`), found lazily for the blocks that rarely need it
(:data:`HERE`), and the words for a barrier interval (:func:`interval`)."""

from __future__ import annotations

import sys
from typing import Any


class _Here:
    """Where the user's code is, found only when a message says it (``str``): most
    synchronisation blocks raise nothing, and walking the stack at each costs."""

    __slots__ = ()

    def __str__(self) -> str:
        return location(2)


HERE: Any = _Here()


def location(depth: int = 2) -> str:
    """``file:line`` of the user's code that reached the current runtime call."""
    frame = sys._getframe(depth)
    while frame is not None and frame.f_globals.get("__name__", "").startswith("omppy."):
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return "?"
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


def interval(start: str, end: str) -> str:
    """Where the changes of a barrier interval were made, for messages."""
    if start == end:
        return f"between two passes through {end}"
    if start.startswith("the start of the region at ") and end.startswith("the end of the"):
        return f"in the region at {start.rpartition(' at ')[2]}"
    return f"between {start} and {end}"
