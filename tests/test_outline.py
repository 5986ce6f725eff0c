"""The translator's plain statements (outline.py): the statements of a module's body
far from any pragma are taken from the source, their lines read off Python's parse.
The result must be what generating everything gives: the same text, the same line
table, the same warnings (tests/translation_snapshot.py checks the corpus; these
check layouts the corpus has few of, and the standard library)."""

from __future__ import annotations

import argparse
import ast
import textwrap
from pathlib import Path

import libcst as cst
import pytest

from omppy.transform import translate as translate_module
from omppy.transform.outline import outline
from omppy.transform.translate import translate

REGION = """

def _omp_demo(values):
    total = 0
    # omp parallel for reduction(+:total)
    for i in range(len(values)):
        total += values[i]
    return total
"""

LAYOUTS = {
    "decorators and comments between them": '''
        """Doc."""
        import functools  # a trailing comment

        # a comment above
        @functools.lru_cache
        # between decorators
        @staticmethod
        def f(a,
              b=(1 +
                 2)):
            if a: return b
            elif b:
                x = 1; y = 2
            elif (a and
                  b): pass
            else:
                if a:
                    pass
            return (a,
                    b)
            # a comment at the end of the body

        # a comment between statements
        class C:  # trailing
            x = 1; y = [
                2]

            def m(self):
                try: pass
                except (ValueError, TypeError):
                    pass
                finally:
                    z = 3
        a = 1; b = 2
        if a:
            pass
        else: b = 3
        ''',
    "match and async": """
        import asyncio

        async def g(xs):
            async with asyncio.timeout(1):
                async for x in xs:
                    match x:
                        case 1: pass
                        case [a, *rest]:
                            print(a); print(rest)
                        case _:
                            pass
            while True: break
            else:
                pass
            with open("f") as h, open("g") as k: pass
        """,
    "non-ASCII and a form feed inside a function": """
        def h():
            s = "éé"; t = 1
            \x0c
            return s, t
        """,
    "a footer of comments": """
        x = 1

        # the end
        # really
        """,
}


def _full(source: str) -> tuple[str, dict[int, int], list[str]]:
    """The translation with every statement generated (no outline)."""
    saved = translate_module.outline
    translate_module.outline = lambda *args: None  # type: ignore[assignment]
    try:
        done = translate(source, "m.py")
    finally:
        translate_module.outline = saved
    return done.text, done.line_of, [str(w) for w in done.warnings]


def _outlined(source: str) -> tuple[str, dict[int, int], list[str]]:
    done = translate(source, "m.py")
    return done.text, done.line_of, [str(w) for w in done.warnings]


@pytest.mark.parametrize("name", LAYOUTS)
def test_plain_statements_give_what_generating_gives(name):
    source = textwrap.dedent(LAYOUTS[name]).lstrip("\n") + REGION
    module = cst.parse_module(source)
    assert outline(module, source, ast.parse(source)) is not None  # the fast way is taken
    assert _outlined(source) == _full(source)


def test_the_region_between_plain_statements():
    source = textwrap.dedent(LAYOUTS["decorators and comments between them"]).lstrip("\n")
    source = REGION + source + REGION.replace("_omp_demo", "_omp_demo2")
    assert _outlined(source) == _full(source)


@pytest.mark.parametrize(
    "source",
    [
        "x = 1\r\n" + REGION.replace("\n", "\r\n"),  # a line end of '\r': not outlined
        "x = 1" + REGION.rstrip("\n"),  # no final newline
        "# omp threadprivate(x)\nx = 1\n" + REGION,  # a pragma of the module's own code
    ],
)
def test_sources_laid_out_otherwise_are_generated(source):
    assert _outlined(source) == _full(source)


def test_a_big_module_with_one_pragma():
    # Benchmarks' big module: the standard library's argparse.py and one region.
    source = Path(argparse.__file__).read_text(encoding="utf-8") + REGION
    assert _outlined(source) == _full(source)


def test_a_plain_statement_keeps_text_libcst_would_lose():
    # libcst (1.x) writes ``except (A, B) :`` back without the space: a plain statement
    # is the user's text as it is.  (The only difference the outline makes on the
    # standard library: webbrowser.py.)
    source = "try:\n    pass\nexcept (ValueError, TypeError) :\n    pass\n" + REGION
    text, table, _ = _outlined(source)
    assert "except (ValueError, TypeError) :\n" in text
    full_text, full_table, _ = _full(source)
    assert full_text == text.replace(") :", "):") and full_table == table


SCANNED = [
    # A pragma-like line inside a string, a pragma continued over comment lines at
    # the end of a function (the next statement's comments), one in the footer.
    'x = """\n# omp parallel\n"""\n\ndef f():\n    # omp parallel \\\n#   num_threads(2)\n'
    "    pass\n\n# omp barrier\n",
    "def f():\n    pass\n    # omp for \\\n\n# omp critical\n" + REGION,
    REGION + "\n# omp parallel\n",
]


@pytest.mark.parametrize("source", SCANNED)
def test_searching_the_regions_finds_what_searching_everything_finds(source):
    from omppy.transform.diagnostics import PragmaError
    from omppy.transform.scanner import find_pragmas

    module = cst.parse_module(source)
    sketch = outline(module, source, ast.parse(source))
    assert sketch is not None

    def found(regions):
        try:
            return [(p.pos, p.directive, p.shown) for p in find_pragmas(source, "m.py", regions)]
        except PragmaError as error:
            return str(error)

    assert found(sketch.regions(source)) == found(None)
