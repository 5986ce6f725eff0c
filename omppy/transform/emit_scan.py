"""Emitting loops with ``reduction(inscan, ...)`` and their ``# omp scan``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from .model import Construct, ConstructInfo

if TYPE_CHECKING:
    from .emit import Emitter


def marker(e: Emitter, construct: Construct, info: ConstructInfo) -> list[cst.BaseStatement]:
    return []
