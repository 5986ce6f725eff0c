"""Tracebacks without omppy's insides: what the user sees points at their code."""

from __future__ import annotations

import os
import types

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


_internal: dict[types.CodeType, bool] = {}  # code object -> is it omppy's own


def is_internal(code: types.CodeType) -> bool:
    """Whether ``code`` is omppy's own (remembered per code object: a barrier asks)."""
    internal = _internal.get(code)
    if internal is None:
        internal = _internal[code] = os.path.abspath(code.co_filename).startswith(
            PACKAGE_DIR + os.sep
        )
    return internal


def first_user_frame(frame: types.FrameType | None) -> types.FrameType | None:
    """``frame`` or the nearest frame that calls it which is the program's, not
    omppy's (None when there is none)."""
    while frame is not None and is_internal(frame.f_code):
        frame = frame.f_back
    return frame


def user_frames(tb: types.TracebackType | None) -> types.TracebackType | None:
    """The traceback ``tb`` with every frame of omppy's own modules left out."""
    frames = []
    while tb is not None:
        if not is_internal(tb.tb_frame.f_code):
            frames.append(tb)
        tb = tb.tb_next
    result = None
    for entry in reversed(frames):
        result = types.TracebackType(result, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return result


def strip_internal(exc: BaseException) -> BaseException:
    """Remove omppy frames from ``exc`` and the exceptions chained to it."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        stripped = user_frames(current.__traceback__)
        if stripped is not None or current.__traceback__ is not None:
            current.__traceback__ = stripped
        if isinstance(current, BaseExceptionGroup):
            for inner in current.exceptions:
                strip_internal(inner)
        current = current.__cause__ or current.__context__
    return exc
