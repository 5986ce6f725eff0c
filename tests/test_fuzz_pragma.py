"""Fuzzing the scanner and the grammar: any input gives pragmas or a located PragmaError."""

from __future__ import annotations

import ast

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from omppy.transform.diagnostics import PragmaError
from omppy.transform.grammar import (
    ALL_CLAUSES,
    EXAMPLES,
    FLAG_CLAUSES,
    LIST_CLAUSES,
    OPTIONAL_NUMBER_CLAUSES,
    ORDERED_DEPEND_EXAMPLE,
)
from omppy.transform.pragma import (
    DIRECTIVE_CLAUSES,
    MEMORY_ORDERS,
    REDUCTION_OPERATORS,
    SCHEDULE_KINDS,
    UNSUPPORTED_DIRECTIVES,
    Pragma,
)
from omppy.transform.scanner import PRAGMA_RE, find_pragmas, has_pragmas

# Fast enough for two CI cores.
FUZZ = settings(max_examples=200, deadline=None)

# Pieces of pragma syntax, so that random text reaches deep into the grammar.
WORDS = sorted(
    {w for d in DIRECTIVE_CLAUSES.keys() | UNSUPPORTED_DIRECTIVES for w in d.split()}
    | ALL_CLAUSES
    | set(SCHEDULE_KINDS)
    | {"end", "x", "y", "n", "monotonic", "inscan", "lambda", "for", "none", "1", "0"}
)
PUNCTUATION = ["(", ")", "[", "]", ",", ":", "+", "&&", "||", "'", '"', "\\", "#", ".", "*"]
SPACES = st.sampled_from(["", " ", "  ", "\t", ", "])
# Anything a comment can hold: no line breaks, no NUL (Python refuses NUL in source).
COMMENT_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x00")

pragma_pieces = st.lists(st.tuples(st.sampled_from(WORDS + PUNCTUATION), SPACES), max_size=12).map(
    lambda pieces: "".join(word + space for word, space in pieces)
)
pragma_text = st.one_of(st.text(COMMENT_CHARS, max_size=40), pragma_pieces)


def check_outcome(source: str) -> list[Pragma]:
    """find_pragmas returns, or raises a PragmaError located inside ``source``."""
    lines = source.split("\n")
    try:
        pragmas = find_pragmas(source, "f.py")
    except PragmaError as err:
        assert 1 <= err.line <= len(lines)
        assert 0 <= err.col <= len(lines[err.line - 1])
        if err.source_line is not None:
            assert err.source_line == lines[err.line - 1]
        assert str(err).startswith(f"f.py:{err.line}:{err.col + 1}: ")
        return []
    for pragma in pragmas:
        assert lines[pragma.pos.line - 1][pragma.pos.col] == "#"
        assert pragma.pos.line <= pragma.end_line <= len(lines)
        for clause in pragma.clauses:
            assert lines[clause.pos.line - 1][clause.pos.col :].startswith(clause.name)
    assert [p.pos.line for p in pragmas] == sorted({p.pos.line for p in pragmas})
    assert has_pragmas(source) or not pragmas
    return pragmas


@FUZZ
@given(pragma_text)
def test_any_text_after_the_sentinel(text: str) -> None:
    check_outcome(f"# omp {text}\nx = 1\n")


@FUZZ
@given(pragma_text, pragma_text, st.sampled_from(["# omp ", "#   ", "#omp"]))
def test_any_text_on_a_continuation_line(first: str, second: str, sentinel: str) -> None:
    check_outcome(f"    # omp {first} \\\n    {sentinel}{second}\n")


def snippets(text: str, more: str) -> st.SearchStrategy[str]:
    """Valid Python fragments, several holding pragmas or things that look like them."""
    return st.sampled_from(
        [
            "x = 1",
            "",
            "# a comment",
            "s = '# omp for'",
            "y = 2  # omp for",
            '"""\n# omp parallel\n"""',
            "z = (1,\n     # omp barrier\n     2)",
            "w = 3 \\\n    + 4",
            f"# omp {text}",
            f"#omp {text}\nfor i in range(3):\n    pass",
            f"if x:\n    # omp {text}\n    pass",
            f"# omp {text} \\\n# omp {more}",
            f"# omp {text} \\\n#   {more}",
            f"# omp {text} \\\nx = 1",
            "# omp parallel for reduction(+:s)\nfor i in range(3):\n    s += i",
            "# omp parallel\nif x:\n    pass\n# omp end parallel",
        ]
    )


@FUZZ
@given(st.data(), pragma_text, pragma_text)
def test_random_sources(data: st.DataObject, text: str, more: str) -> None:
    parts = data.draw(st.lists(snippets(text, more), max_size=8))
    source = "\n".join(parts) + "\n"
    ast.parse(source)  # the scanner's callers only hand it valid Python
    check_outcome(source)


@FUZZ
@given(st.text(st.sampled_from(" \t\f\r\n#ompOx"), max_size=30))
def test_has_pragmas_is_the_regex(source: str) -> None:
    assert has_pragmas(source) == (PRAGMA_RE.search(source) is not None)
    assert has_pragmas(source.encode()) == has_pragmas(source)  # ASCII: the same answer


@FUZZ
@given(st.text(st.sampled_from(" \t\f\r\n#ompOx\u00a0\u2028\x1c\x85é"), max_size=30))
def test_has_pragmas_on_bytes_never_misses(source: str) -> None:
    assert has_pragmas(source.encode()) or not has_pragmas(source)


# -- valid pragmas, generated from the grammar tables --------------------------------

NAMES = [f"v{i}" for i in range(20)]


@st.composite
def clause_texts(draw: st.DrawFn, name: str, fresh: list[str], directive: str = "") -> str:
    """A valid clause ``name`` on ``directive``; list clauses take their variables from
    ``fresh``."""
    if name in LIST_CLAUSES:
        count = draw(st.integers(1, 3))
        names, fresh[:] = fresh[:count], fresh[count:]
        return f"{name}({', '.join(names)})"
    if name in {"reduction", "in_reduction", "task_reduction"}:
        op = draw(st.sampled_from([*REDUCTION_OPERATORS, "&&", "||"]))
        target = fresh.pop(0)
        return f"{name}({op}: {target})"
    if name == "schedule":
        kind = draw(st.sampled_from(SCHEDULE_KINDS))
        chunk = draw(st.sampled_from(["", ", 4", ", n // 2", ", len(x)"]))
        return f"schedule({kind}{'' if kind in ('runtime', 'auto') else chunk})"
    if name == "collapse":
        return f"collapse({draw(st.integers(1, 5))})"
    if name == "depend" and directive == "ordered":
        return ORDERED_DEPEND_EXAMPLE
    if directive == "depobj":
        return {"depend": "depend(inout: a[i])", "update": "update(in)"}.get(name, name)
    if name == "linear":
        return f"linear({fresh.pop(0)}: 2)"
    flags = FLAG_CLAUSES | OPTIONAL_NUMBER_CLAUSES
    return name if name in flags else EXAMPLES[name]


# Directives that need an argument, and the one they get.
NEEDS = {
    "cancel": " for",
    "cancellation point": " for",
    "threadprivate": "(x)",
    "allocate": "(x)",
    "declare reduction": "(merge : dict : omp_out.update(omp_in))",
    "depobj": "(o)",
}
# Clauses that cannot go together on a pragma (each pair is tested in test_grammar.py).
EXCLUSIVE = [
    {"read", "write", "update", "capture"},
    {"update", "compare"},
    {"read", "compare"},
    {"write", "compare"},
    set(MEMORY_ORDERS),
    {"threads", "depend"},
    {"threads", "doacross"},
    {"simd", "depend"},
    {"simd", "doacross"},
    {"full", "partial"},
    {"inbranch", "notinbranch"},
]


def consistent(directive: str, names: list[str]) -> bool:
    chosen = set(names)
    if any(len(chosen & group) > 1 for group in EXCLUSIVE):
        return False
    if directive == "atomic" and chosen & {"fail", "weak"} and "compare" not in chosen:
        return False
    if directive == "depobj" and len(chosen) != 1:
        return False  # one of depend, update and destroy
    return "allocate" not in chosen  # needs a private copy of its names: tested apart


@st.composite
def valid_pragmas(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A directive, its clause names, and the clause texts, all valid."""
    directive = draw(st.sampled_from(sorted(DIRECTIVE_CLAUSES)))
    allowed = sorted(DIRECTIVE_CLAUSES[directive])
    names = draw(st.lists(st.sampled_from(allowed), unique=True, max_size=5)) if allowed else []
    assume(consistent(directive, names))
    fresh = list(NAMES)
    texts = [draw(clause_texts(name, fresh, directive)) for name in names]
    return directive, names, texts


def meaning(pragma: Pragma) -> tuple[object, ...]:
    """What a pragma says, without where it says it."""
    clauses = [(c.name, c.names, c.expr, c.kind, c.op, c.number) for c in pragma.clauses]
    return pragma.directive, pragma.end, pragma.name, pragma.flush_names, clauses


@FUZZ
@given(valid_pragmas(), st.data())
def test_valid_pragmas_parse_the_same_however_they_are_split(
    generated: tuple[str, list[str], list[str]], data: st.DataObject
) -> None:
    directive, names, texts = generated
    words = [*f"{directive}{NEEDS.get(directive, '')}".split(), *texts]
    one_line = "# omp " + " ".join(words) + "\n"
    (pragma,) = check_outcome(one_line)
    assert pragma.shown == directive
    assert [c.name for c in pragma.clauses] == names

    # The same pragma over several lines, each break in either continuation style.
    lines = ["# omp " + words[0]]
    for index, word in enumerate(words[1:], start=1):
        if data.draw(st.booleans()):
            lines[-1] += " \\"
            lines.append(data.draw(st.sampled_from(["# omp   ", "#     ", "#omp "])) + word)
        else:
            # Commas may separate clauses, not the words of a directive name.
            between_clauses = index >= len(f"{directive}{NEEDS.get(directive, '')}".split())
            separators = [" ", "  ", "\t"] + [", ", ","] * between_clauses
            lines[-1] += data.draw(st.sampled_from(separators)) + word
    (split,) = check_outcome("\n".join(lines) + "\n")
    assert meaning(split) == meaning(pragma)
    assert split.end_line == len(lines)
    source_lines = "\n".join(lines).split("\n")
    for clause in split.clauses:
        if clause.expr is not None:
            assert clause.expr_pos is not None
            line = source_lines[clause.expr_pos.line - 1]
            assert line[clause.expr_pos.col :].startswith(clause.expr)
