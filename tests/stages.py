"""The translator's stages run one at a time, for the tests of each stage.

``translate()`` runs them all; these helpers stop after the plan or the survey, so a
test can look at what a stage decided rather than at the code generated from it.
"""

from __future__ import annotations

import functools
import textwrap

import libcst as cst
from libcst.metadata import MetadataWrapper

from omppy.transform import plan, survey
from omppy.transform.model import ConstructInfo, Survey
from omppy.transform.scanner import find_pragmas


def program(text: str) -> str:
    """``text`` dedented: tests write their programs indented in the test."""
    return textwrap.dedent(text)


def planned(text: str, filename: str = "t.py") -> tuple[cst.Module, plan.Blocks, MetadataWrapper]:
    """The module, its pragmas attached to statements, and its metadata."""
    module = cst.parse_module(text)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    blocks = plan.attach(wrapper, find_pragmas(text, filename), filename)
    return module, blocks, wrapper


@functools.lru_cache(maxsize=32)
def surveyed(text: str, filename: str = "t.py") -> Survey:
    """What the survey decided about every construct of ``text`` (cached: the records
    are read-only, and tests ask several questions of one program)."""
    _, blocks, wrapper = planned(text, filename)
    return survey.run(wrapper, blocks, filename)


def decided(text: str, directive: str, nth: int = 0) -> ConstructInfo:
    """The survey's record of the ``nth`` construct with this directive, in source order."""
    found = [
        info
        for info in sorted(
            surveyed(text).constructs.values(), key=lambda i: i.construct.pragma.pos.line
        )
        if info.construct.directive == directive
    ]
    return found[nth]
