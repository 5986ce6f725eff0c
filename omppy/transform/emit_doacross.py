"""Emitting the doacross form of ``ordered``: ``depend(sink: ...)`` and ``depend(source)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from .model import Construct, ConstructInfo

if TYPE_CHECKING:
    from .emit import Emitter


def ordered(e: Emitter, construct: Construct, info: ConstructInfo) -> list[cst.BaseStatement]:
    return []
