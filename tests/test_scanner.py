"""The scanner: which comments are pragmas, continuation lines, positions.

See docs/pragmas.md, "Syntax".
"""

from __future__ import annotations

import textwrap

import pytest

from omppy.transform.diagnostics import PragmaError
from omppy.transform.grammar import Segment, parse_pragma
from omppy.transform.pragma import Clause, Position, Pragma
from omppy.transform.scanner import PRAGMA_RE, find_pragmas, has_pragmas


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def error(source: str, filename: str = "t.py") -> PragmaError:
    with pytest.raises(PragmaError) as info:
        find_pragmas(source, filename)
    return info.value


# -- has_pragmas ---------------------------------------------------------------------


@pytest.mark.parametrize("space", ["\u00a0", "\u2028", "\x1c", "\x85"])
def test_has_pragmas_in_bytes_never_misses_a_unicode_space(space: str) -> None:
    # Text patterns take these for whitespace after the sentinel; bytes patterns know
    # only ASCII, so the bytes check must count them in rather than miss a pragma.
    source = f"# omp{space}parallel\n"
    assert has_pragmas(source)
    for encoding in ("utf-8", "latin-1"):
        try:
            data = source.encode(encoding)
        except UnicodeEncodeError:
            continue
        assert has_pragmas(data), encoding


@pytest.mark.parametrize(
    "source",
    [
        "# omp parallel\n",
        "#omp parallel for\n",
        "x = 1\n    # omp barrier\n",
        "\t#\tomp for\n",
        "# omp",
        "# omp\n",
        "#   omp   critical\n",
        "x = 1\r\n# omp barrier\r\n",
        "x = 1\r# omp barrier",
        "\f# omp barrier\n",
        # The cheap check may say yes where find_pragmas finds nothing.
        's = """\n# omp for\n"""\n',
    ],
)
def test_has_pragmas_true(source: str) -> None:
    assert has_pragmas(source)
    assert has_pragmas(source.encode())  # the import hook checks undecoded files
    assert PRAGMA_RE.search(source)


@pytest.mark.parametrize(
    "source",
    [
        "",
        "x = 1\n",
        "# ompx parallel\n",
        "# OMP parallel\n",
        "# Omp parallel\n",
        "# omptimize this\n",
        "# openmp parallel\n",
        "# o mp parallel\n",
        "x = 1  # omp for\n",
        "s = '# omp for'\n",
        "## omp parallel\n",
        "import compileall  # complete\n",
    ],
)
def test_has_pragmas_false(source: str) -> None:
    assert not has_pragmas(source)
    assert not has_pragmas(source.encode())
    assert not PRAGMA_RE.search(source)
    assert find_pragmas(source) == []


# -- which comments are pragmas ------------------------------------------------------


def test_a_single_pragma_in_full() -> None:
    source = src(
        """
        total = 0
        # omp parallel for reduction(+:total)
        for i in range(10):
            total += i
        """
    )
    assert find_pragmas(source) == [
        Pragma(
            directive="parallel for",
            pos=Position(2, 0),
            end_line=2,
            text="parallel for reduction(+:total)",
            clauses=(Clause("reduction", Position(2, 19), names=("total",), op="+"),),
        )
    ]


def test_pragmas_come_in_document_order_with_their_positions() -> None:
    source = src(
        """
        def f(n):
            # omp parallel
            if n:
                #omp   barrier
                pass
            # omp end parallel
        # omp critical
        x = 1
        """
    )
    found = [(p.directive, p.end, p.pos, p.end_line) for p in find_pragmas(source)]
    assert found == [
        ("parallel", False, Position(2, 4), 2),
        ("barrier", False, Position(4, 8), 4),
        ("parallel", True, Position(6, 4), 6),
        ("critical", False, Position(7, 0), 7),
    ]


def test_strings_and_trailing_comments_are_not_pragmas() -> None:
    source = src(
        '''
        doc = """
        # omp parallel for
        """
        x = 1  # omp for
        y = "# omp barrier"
        z = (
            1,  # omp single
        )
        # omp master
        w = 2
        '''
    )
    assert [(p.directive, p.pos.line) for p in find_pragmas(source)] == [("master", 9)]


@pytest.mark.parametrize(
    "comment", ["# ompx parallel", "# OMP parallel", "# omp_parallel", "#: omp parallel"]
)
def test_other_comments_are_ordinary(comment: str) -> None:
    assert find_pragmas(f"{comment}\nx = 1\n") == []


def test_sentinel_spacing_is_free() -> None:
    source = "#omp parallel\n#   omp    for\n#\tomp\tsingle\n"
    pragmas = find_pragmas(source)
    assert [p.directive for p in pragmas] == ["parallel", "for", "single"]
    assert [p.text for p in pragmas] == ["parallel", "for", "single"]


def test_crlf_and_lone_cr_line_endings() -> None:
    assert [p.pos for p in find_pragmas("x = 1\r\n# omp barrier\r\ny = 2\r\n")] == [Position(2, 0)]
    assert [p.pos for p in find_pragmas("x = 1\r# omp barrier\ry = 2\r")] == [Position(2, 0)]


def test_crlf_error_shows_the_line_without_carriage_return() -> None:
    err = error("x = 1\r\n# omp parallel nowait\r\n")
    assert err.source_line == "# omp parallel nowait"


def test_a_file_without_a_final_newline() -> None:
    assert [p.directive for p in find_pragmas("x = 1\n# omp barrier")] == ["barrier"]


def test_filename_is_reported() -> None:
    assert str(error("# omp paralel\n", "pkg/mod.py")).startswith("pkg/mod.py:1:7: ")


# -- continuation lines --------------------------------------------------------------


def test_continuation_repeating_the_sentinel() -> None:
    source = src(
        """
        s = 0
        # omp parallel for \\
        # omp     reduction(+:s)
        for i in range(4):
            s += i
        """
    )
    (pragma,) = find_pragmas(source)
    assert pragma.directive == "parallel for"
    assert pragma.pos == Position(2, 0)
    assert pragma.end_line == 3
    assert pragma.text == "parallel for reduction(+:s)"
    assert pragma.clauses == (Clause("reduction", Position(3, 10), names=("s",), op="+"),)


def test_continuation_with_a_bare_hash() -> None:
    source = "# omp parallel for \\\n#     reduction(+:s)\nfor i in range(4):\n    s += i\n"
    (pragma,) = find_pragmas(source)
    assert pragma.clauses == (Clause("reduction", Position(2, 6), names=("s",), op="+"),)
    assert pragma.end_line == 2


def test_continuations_chain_and_mix_styles() -> None:
    source = src(
        """
        def f():
            # omp parallel \\
            # omp for \\
            # omp   num_threads(3) \\
            #       private(a,\\
            #   b)
            for i in range(3):
                pass
        """
    )
    (pragma,) = find_pragmas(source)
    assert pragma.directive == "parallel for"
    assert (pragma.pos, pragma.end_line) == (Position(2, 4), 6)
    assert pragma.text == "parallel for num_threads(3) private(a, b)"
    assert pragma.clause("num_threads") == Clause(
        "num_threads", Position(4, 12), expr="3", expr_pos=Position(4, 24)
    )
    assert pragma.clause("private") == Clause("private", Position(5, 12), names=("a", "b"))


def test_words_split_across_lines_stay_apart() -> None:
    (pragma,) = find_pragmas("# omp parallel\\\n# omp for\nfor i in x:\n    pass\n")
    assert pragma.directive == "parallel for"


def test_continuation_line_is_not_a_pragma_of_its_own() -> None:
    single, barrier = find_pragmas("# omp single \\\n# omp nowait\n# omp barrier\n")
    assert (single.directive, single.clauses) == ("single", (Clause("nowait", Position(2, 6)),))
    assert (barrier.directive, barrier.pos) == ("barrier", Position(3, 0))


def test_error_on_a_continuation_line_points_there() -> None:
    source = src(
        """
        def f():
            # omp parallel for \\
            #     reduction(+:s) \\
            #     schedul(static)
            for i in range(3):
                pass
        """
    )
    assert str(error(source)) == (
        "t.py:4:11: unknown clause 'schedul' (did you mean 'schedule'?)\n"
        "        #     schedul(static)\n"
        "              ^"
    )


@pytest.mark.parametrize(
    "after",
    [
        "x = 1\n",  # a statement
        "\n# omp for\n",  # a blank line
        "x = 1  # omp for\n",  # a trailing comment is not a line of its own
        "",  # the end of the file
    ],
)
def test_backslash_must_be_followed_by_a_comment_line(after: str) -> None:
    err = error("# omp parallel for \\\n" + after)
    assert str(err) == (
        "t.py:1:20: the pragma continues ('\\') but the next line is not a comment\n"
        "    # omp parallel for \\\n"
        "                       ^\n"
        "  hint: continue it on the next line with '# omp <clauses>' or '#   <clauses>', "
        "or remove the '\\'"
    )


def test_trailing_spaces_after_the_backslash_still_continue() -> None:
    (pragma,) = find_pragmas("# omp parallel \\   \n# omp for\nfor i in x:\n    pass\n")
    assert pragma.directive == "parallel for"


# -- a comment after a pragma ----------------------------------------------------------


def test_a_comment_may_follow_a_pragma() -> None:
    # As in docs/pragmas.md's own example: '#omp parallel for ...   # no space ...'.
    source = src(
        """
        s = 0
        # omp parallel for reduction(+:s)  # the sum
        for i in range(4):
            s += i
        # omp barrier# no space needed
        # omp critical (name)   # a named one
        s = 1
        """
    )
    loop, barrier, critical = find_pragmas(source)
    assert loop.text == "parallel for reduction(+:s)"
    assert loop.clauses == (Clause("reduction", Position(2, 19), names=("s",), op="+"),)
    assert (barrier.directive, barrier.clauses) == ("barrier", ())
    assert (critical.directive, critical.name) == ("critical", "name")


def test_a_hash_inside_a_string_or_brackets_is_not_a_comment() -> None:
    (pragma,) = find_pragmas('# omp parallel if(s != "#") num_threads(2)  # "#"\nx = 1\n')
    assert [c.expr for c in pragma.clauses] == ['s != "#"', "2"]
    err = error("# omp parallel num_threads(2 # two)\nx = 1\n")
    assert err.message == "unexpected '#' in clause 'num_threads'"


def test_a_commented_line_still_continues() -> None:
    source = "# omp parallel for \\  # note\n#   reduction(+:s)  # sum\nfor i in x:\n    s += i\n"
    (pragma,) = find_pragmas(source)
    assert pragma.text == "parallel for reduction(+:s)"


# -- pragmas inside statements -------------------------------------------------------


def test_pragma_inside_brackets_is_an_error() -> None:
    source = src(
        """
        values = [
            1,
            # omp barrier
            2,
        ]
        """
    )
    assert str(error(source)) == (
        "t.py:3:5: a pragma must stand on a line between statements, not inside one\n"
        "        # omp barrier\n"
        "        ^\n"
        "  hint: move it above the statement it applies to"
    )


def test_pragma_after_a_backslash_continued_statement_is_an_error() -> None:
    err = error("x = 1 \\\n# omp barrier\n")
    assert (err.line, err.col) == (2, 0)
    assert err.message == "a pragma must stand on a line between statements, not inside one"


def test_ordinary_comment_inside_brackets_is_fine() -> None:
    assert find_pragmas("x = [\n    # ompx\n    1,\n]\n# omp barrier\n")[0].pos == Position(5, 0)


def test_source_that_does_not_tokenize_is_a_pragma_error() -> None:
    err = error("# omp barrier\nx = '''\n")
    assert err.message.startswith("cannot tokenize the source: ")
    assert (err.filename, err.line, err.source_line) == ("t.py", 2, "x = '''")


# -- parse_pragma, the interface to the grammar --------------------------------------


def test_parse_pragma_maps_offsets_back_to_each_segment() -> None:
    segments = [
        Segment(" parallel for ", 7, 9, "    # omp parallel for \\"),
        Segment("   reduction(+:s)", 8, 5, "    #   reduction(+:s)"),
    ]
    pragma = parse_pragma(segments, "m.py", pos=Position(7, 4))
    assert pragma.pos == Position(7, 4)
    assert pragma.end_line == 8
    assert pragma.clause("reduction") == Clause("reduction", Position(8, 8), names=("s",), op="+")


def test_parse_pragma_position_defaults_to_the_first_segment() -> None:
    pragma = parse_pragma([Segment(" barrier", 3, 5, "#omp barrier")])
    assert pragma.pos == Position(3, 5)


def test_parse_pragma_needs_a_segment() -> None:
    with pytest.raises(ValueError, match="at least one segment"):
        parse_pragma([])
