"""Python's binding rules read off the syntax (``names.py``)."""

from __future__ import annotations

import libcst as cst
import pytest
from stages import program

from omppy.transform.names import (
    bindings,
    definitions,
    function_locals,
    import_binding,
    imported_modules,
    item_positions,
    root_name,
    target_names,
)


@pytest.mark.parametrize(
    ("code", "root"),
    [("a", "a"), ("a.b", "a"), ("a[i]", "a"), ("a.b[i].c", "a"), ("f().x", None)],
)
def test_root_name(code, root):
    assert root_name(cst.parse_expression(code)) == root


def test_what_an_import_binds():
    aliases = [
        alias
        for line in cst.parse_module(
            "import os.path\nimport numpy as np\nfrom a import b as c\n"
        ).body
        for alias in line.body[0].names  # type: ignore[attr-defined]
    ]
    assert [import_binding(alias) for alias in aliases] == ["os", "np", "c"]


def test_targets_and_item_positions():
    target = cst.parse_expression("(i, (p, q), *rest, last)")
    assert target_names(target) == ["i", "p", "q", "rest", "last"]
    # Names after a starred element sit at no fixed position.
    assert item_positions(target) == {"i": (0,), "p": (1, 0), "q": (1, 1)}


def test_bindings_of_a_block_leave_nested_scopes_alone():
    module = cst.parse_module(
        program(
            """
            import os.path
            x = y = 1
            for i, j in pairs:
                k += 1
            with open(p) as f:
                pass
            if (n := 3):
                pass
            def g(a):
                inner = a
            class C:
                attr = 1
            h = lambda z: z
            """
        )
    )
    assert bindings(module.body) == {"os", "x", "y", "i", "j", "k", "f", "n", "g", "C", "h"}
    assert definitions(module.body) == {"os", "g", "C"}
    assert imported_modules(module) == {"os"}
    function = module.body[5]
    assert isinstance(function, cst.FunctionDef)
    assert function_locals(function) == {"a", "inner"}
