"""The order in which a synchronisation block touches a shared dict's keys.

A block of earlier iterations that sets again keys a later iteration's block added
first puts them, in python, where it sets them, in the order it sets them.  The
translator follows each statement of a block that names a key with a note
(transform/key_notes.py); the runtime keeps the notes for the team's tracked dicts
(runtime/keynotes.py) and the keys take their places from them at the next barrier
(coherence.py).  A block whose keys no note names (a helper function's stores) is
an error where the order matters.  The corpus program dict_keys_set_again.py runs
the idioms differentially on both backends.
"""

from __future__ import annotations

import textwrap
from collections import Counter

import pytest
from helpers import run_omppy, run_python

from omppy.runtime import keynotes
from omppy.transform.translate import translate


def _block(statements: str, prelude: str = "") -> list[str]:
    """The lines the translator makes of ``statements`` in a critical block, from the
    first statement on, notes included (``_omp.keyed``) and merges wrapped."""
    # (in a function: its names are locals, which no ``bind_global`` follows)
    source = textwrap.dedent(prelude) + (
        "def run(counts, d, c, n, part, seen, tree, groups, values, row, get, rows, q, k):\n"
        "    # omp parallel for\n    for i in range(4):\n        # omp critical\n"
        + textwrap.indent(textwrap.dedent(statements), "        ")
        + "        # omp end critical\n"
    )
    text = translate(source, "m.py").text
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("try:") + 1
    if "_omp.refreshed(" in lines[start]:
        start += 1  # (the block takes the newest values of the names it binds)
    if lines[start] == "_omp_keys = _omp.KEYS":
        start += 1  # (whether notes count, read once per block: tested below)
    end = next(n for n in range(start, len(lines)) if lines[n] == "finally:")
    return lines[start:end]


def test_a_store_is_followed_by_its_note():
    assert _block("counts[i] = counts.get(i, 0) + 1\n") == [
        "counts[i] = counts.get(i, 0) + 1",
        "if _omp_keys: _omp.keyed(counts, i)",
    ]


def test_notes_inside_compound_statements_and_one_line_suites():
    assert _block("for w in 'ab':\n    seen[w] = True\nif i: d[i] += 1\n") == [
        "for w in 'ab':",
        "seen[w] = True",
        "if _omp_keys: _omp.keyed(seen, w)",
        "if i:",
        "d[i] += 1",
        "if _omp_keys: _omp.keyed(d, i)",
    ]


def test_setdefault_and_items_used_through_a_key():
    assert _block("tree.setdefault(i, {})[0] = i\ngroups[i].append(i)\n") == [
        "(_omp_h0 := tree.setdefault(i, {}))[0] = i",
        "if _omp_keys:",
        "_omp.keyed(tree, i)",
        "_omp.keyed(_omp_h0, 0)",
        "groups[i].append(i)",
        "if _omp_keys: _omp.keyed(groups, i)",
    ]


def test_merges_go_through_merging():
    assert _block("c.update(part)\nc += part\nc.update((w, 1) for w in part)\nn += 1\n") == [
        "c.update(_omp.merging(c, part))",
        "c += part",
        "if _omp_keys: _omp.merged(c, part)",
        "c.update(_omp.merging(c, ((w, 1) for w in part)))",
        "n += 1",
    ]


def test_update_with_double_star_notes_the_keywords_in_order():
    assert _block("d.update(a=1, **part)\n") == ["d.update(**_omp.keywords(d, a=1, **part))"]


def test_update_keywords_are_noted_by_name():
    assert _block("d.update(a=1, b=i)\n") == [
        "d.update(a=1, b=i)",
        "if _omp_keys:",
        "_omp.keyed(d, 'a')",
        "_omp.keyed(d, 'b')",
    ]


def test_keys_built_of_names_constants_f_strings_and_operators():
    assert _block("d[f'{i}!'] = 1\nd[i + 1, 'x'] = 2\nd[row[0]] = 3\n") == [
        "d[f'{i}!'] = 1",
        "if _omp_keys: _omp.keyed(d, f'{i}!')",
        "d[i + 1, 'x'] = 2",
        "if _omp_keys: _omp.keyed(d, (i + 1, 'x'))",
        "d[row[0]] = 3",
        "if _omp_keys:",
        "_omp.keyed(d, row[0])",
        "_omp.keyed(row, 0)",
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "d[i] = i = 2\n",  # the statement rebinds the key's name
        "d[(j := i)] = 1\n",  # a walrus
        "x = [d[k] for k in range(i)]\n",  # a comprehension's own names

        "count += 1\n",
    ],
)
def test_no_note_where_evaluating_again_could_differ(statement):
    assert _block(statement) == [statement.strip()]


def test_a_container_that_is_not_a_name_is_noted_where_it_is_used():
    assert _block("get()[i] = 1\nget()[f(i)] += 1\nrows(i)[0].append(i)\n") == [
        "(_omp_h0 := get())[i] = 1",
        "if _omp_keys: _omp.keyed(_omp_h0, i)",
        "(_omp_h0 := get())[(_omp_k0 := f(i))] += 1",
        "if _omp_keys: _omp.keyed(_omp_h0, _omp_k0)",
        "(_omp_h0 := rows(i))[0].append(i)",
        "if _omp_keys: _omp.keyed(_omp_h0, 0)",
    ]


def test_a_key_that_is_not_simple_is_held_where_the_statement_reads_it():
    # (a call evaluated again could do anything; an item read first, ``row`` changed
    # by what the statement does after)
    assert _block("d[f(i)] = 1\nd[i, f(i)] += 1\nd[f'{i:03d}'] = 2\nd[f(i):] = [1]\n") == [
        "d[(_omp_k0 := f(i))] = 1",
        "if _omp_keys: _omp.keyed(d, _omp_k0)",
        "d[(_omp_k0 := (i, f(i)))] += 1",
        "if _omp_keys: _omp.keyed(d, _omp_k0)",
        "d[(_omp_k0 := f'{i:03d}')] = 2",
        "if _omp_keys: _omp.keyed(d, _omp_k0)",
        "d[f(i):] = [1]",
    ]
    assert _block("counts[q.lower()] = counts.get(q.lower(), 0) + 1\n") == [
        "counts[(_omp_k0 := q.lower())] = counts.get(q.lower(), 0) + 1",
        "if _omp_keys: _omp.keyed(counts, _omp_k0)",
    ]
    assert _block("groups[k.strip()].append(i)\nd[row[0]] += get(row)\n") == [
        "groups[(_omp_k0 := k.strip())].append(i)",
        "if _omp_keys: _omp.keyed(groups, _omp_k0)",
        "d[(_omp_k0 := row[0])] += get(row)",
        "if _omp_keys:",
        "_omp.keyed(row, 0)",
        "_omp.keyed(d, _omp_k0)",
    ]


def test_c_plus_equals_an_expression_goes_through_merging():
    assert _block("c += Counter(part)\nc |= d\n") == [
        "c += _omp.merging(c, Counter(part), True)",
        "c |= d",
        "if _omp_keys: _omp.merged(c, d)",
    ]


def test_a_block_with_notes_reads_the_switch_once():
    source = "def run(d):\n    # omp parallel\n    # omp critical\n    d[1] = 2\n"
    lines = [line.strip() for line in translate(source, "m.py").text.splitlines()]
    assert lines.count("_omp_keys = _omp.KEYS") == 1
    assert "if _omp_keys: _omp.keyed(d, 1)" in lines
    plain = "def run(d):\n    # omp parallel\n    # omp critical\n    d.x = 2\n"
    assert "_omp_keys" not in translate(plain, "m.py").text


def test_an_item_key_is_read_again_where_the_statement_read_it_last():
    assert _block("d[q[0]] = q.pop(0)\n") == [
        "d[q[0]] = q.pop(0)",
        "if _omp_keys:",
        "_omp.keyed(d, q[0])",
        "_omp.keyed(q, 0)",
    ]
    # read before the pop, read again after it: another item, or none (a target
    # read first is held)
    assert _block("x = d[q[0]] + q.pop(0)\nd[q[0]] += q.pop(0)\n") == [
        "x = d[q[0]] + q.pop(0)",
        "if _omp_keys: _omp.keyed(q, 0)",
        "d[(_omp_k0 := q[0])] += q.pop(0)",
        "if _omp_keys:",
        "_omp.keyed(q, 0)",
        "_omp.keyed(d, _omp_k0)",
    ]


def test_no_note_reads_a_name_its_line_rebinds_or_deletes():
    source = "def run(d, k):\n    # omp parallel\n    # omp critical\n    d[k] = 1; del k\n"
    assert "keyed(d, k)" not in translate(source, "m.py").text


def test_a_setdefault_with_a_computed_key_holds_the_key_where_it_always_runs():
    source = "tree.setdefault(len(c), []).append(i)\nx = i if c else d.setdefault(f(i), 0)\n"
    assert _block(source) == [
        "tree.setdefault((_omp_s00 := len(c)), []).append(i)",
        "if _omp_keys: _omp.keyed(tree, _omp_s00)",
        "x = i if c else d.setdefault(f(i), 0)",  # (may not run: no note, no hold)
    ]


def test_the_same_key_twice_in_a_statement_is_noted_once():
    assert _block("values[i] = values[i] + 1\n") == [
        "values[i] = values[i] + 1",
        "if _omp_keys: _omp.keyed(values, i)",
    ]


def test_nested_functions_are_not_entered():
    # (the call goes through _omp.twin, key_twins.py, which hands ``f`` back: a def
    # inside the block gets no twin)
    assert _block("def f(k):\n    d[k] = 1\nf(i)\n") == [
        "def f(k):",
        "d[k] = 1",
        "_omp.twin(f)(i)",
    ]


# -- the runtime's notes --------------------------------------------------------------


class _Replica:
    def __init__(self, *dicts):
        self.objects = {f"t{n}": d for n, d in enumerate(dicts)}
        self.ordered_dicts = list(self.objects)


@pytest.fixture
def watching():
    def start(*dicts):
        keynotes.start(_Replica(*dicts))

    yield start
    keynotes.stop()


def test_notes_name_tracked_dicts_only_in_first_touch_order(watching):
    counts, other = {}, {}
    watching(counts)
    for key in ("b", "a", "b", "c"):
        keynotes.keyed(counts, key)
        keynotes.keyed(other, key)
    assert keynotes.take() == {"t0": ["b", "a", "c"]}
    assert keynotes.take() == {}


def test_merging_notes_as_the_merge_reads(watching):
    counts, read = Counter(), []
    watching(counts)

    def words():
        for w in ("y", "x", "y"):
            read.append((w, list(keynotes.NOTES)))
            yield w

    merged = keynotes.merging(counts, words())
    assert read == []  # a generator is read by the merge, once, as lazily as before
    counts.update(merged)
    assert counts == Counter(y=2, x=1)
    assert [w for w, _ in read] == ["y", "x", "y"]
    assert keynotes.take() == {"t0": ["y", "x"]}
    pairs = {}
    watching(pairs)
    keynotes.stop()
    watching(pairs)
    pairs.update(keynotes.merging(pairs, [("q", 1), ("p", 2)]))
    pairs.update(keynotes.merging(pairs, {"r": 0, "q": 3}))
    assert keynotes.take() == {"t0": ["q", "p", "r"]}


def test_merging_leaves_what_it_cannot_read_to_the_merge(watching):
    d = {}
    watching(d)
    with pytest.raises(TypeError, match="not iterable"):
        d.update(keynotes.merging(d, 5))
    with pytest.raises((TypeError, ValueError)):
        d.update(keynotes.merging(d, [1]))  # not a pair: dict.update's own error
    assert keynotes.merging(d, 7, True) == 7  # ``d += 7`` raises its own error


def test_notes_count_only_in_a_block_that_may_change_a_tracked_dict(watching):
    import omppy.runtime as runtime

    counts, grid = {}, [[0]]
    watching(counts)
    keynotes.enable([grid])  # a block that fills a list of lists: one test per note
    assert runtime.KEYS is False
    keynotes.enable([grid, counts])
    assert runtime.KEYS is True
    keynotes.stop()
    assert runtime.KEYS is False
    watching(counts)
    keynotes.enable(None)  # a block that calls what the translator cannot see
    assert runtime.KEYS is True


def test_merged_notes_a_mappings_keys(watching):
    total = Counter()
    watching(total)
    part = Counter("baa")
    total += part
    keynotes.merged(total, part)
    keynotes.merged(total, 5)  # (``total += 5`` raised already: nothing to note)
    assert keynotes.take() == {"t0": ["b", "a"]}


def test_nothing_is_noted_outside_a_block():
    d = {}
    keynotes.keyed(d, "k")
    assert keynotes.merging(d, [("k", 1)]) == [("k", 1)]
    assert keynotes.NOTES == []


# -- end to end (fork backend) ---------------------------------------------------------

# chunk 1's block runs first (chunk 0 sleeps): it adds d, c, b, a; chunk 0's then sets
# a, b, c, d again, which python added in that order.
LATE_FIRST_CHUNK = """\
import time
chunks = [["a", "b", "c", "d"], ["d", "c", "b", "a"]]
counts = {}
%s
# omp parallel for schedule(static, 1) num_threads(2)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    %s
print(list(counts))
"""


def _agree(write, helper: str, block: str) -> None:
    script = write("late.py", LATE_FIRST_CHUNK % (helper, block))
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "['a', 'b', 'c', 'd']\n"


def test_keys_set_again_in_a_loop_take_the_earlier_blocks_order(write):
    _agree(write, "", "for w in chunks[c]: counts[w] = counts.get(w, 0) + 1")


def test_a_same_object_stored_again_takes_the_earlier_blocks_place(write):
    _agree(write, "", "for w in chunks[c]: counts[w] = True")


@pytest.mark.slow
@pytest.mark.parametrize(
    "block",
    [
        "counts.update((w, 1) for w in chunks[c])",
        "counts.update(dict.fromkeys(chunks[c], 0))",
        "for w in chunks[c]: counts.setdefault(w, []).append(c)",
    ],
)
def test_other_ways_of_setting_keys_again(write, block):
    _agree(write, "", block)


@pytest.mark.parametrize(
    "block",
    [
        "for w in chunks[c]: counts[w] = counts.pop(w, 0) + 1",
        "for w in chunks[c]:\n        counts.pop(w, None)\n        counts[w] = c",
    ],
)
def test_keys_a_block_moves_end_where_the_last_block_put_them(write, block):
    # chunk 1's block runs first and adds d, c, b, a; chunk 0's then moves a, b, c, d
    # to the end: python adds them in chunk 0 and moves them in chunk 1, so d, c, b, a
    script = write("late.py", LATE_FIRST_CHUNK % ("", block))
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "['d', 'c', 'b', 'a']\n"


def test_keys_set_again_in_a_called_function_take_its_order(write):
    # (the block calls the function's noted twin: key_twins.py)
    helper = "def merge(dst, words):\n    for w in words:\n        dst[w] = dst.get(w, 0) + 1\n"
    _agree(write, helper, "merge(counts, chunks[c])")


def test_keys_tested_in_a_called_function_take_its_order(write):
    # a memo: the earlier block finds the key the later one added, and adds nothing
    helper = (
        "def see(words):\n    for w in words:\n        if w not in counts:\n"
        "            counts[w] = 1\n"
    )
    _agree(write, helper, "see(chunks[c])")


def test_keys_set_again_in_a_function_with_no_twin_are_an_error(write):
    # a decorated function has no twin (the decorator may wrap it)
    helper = (
        "def keep(f):\n    return f\n"
        "@keep\ndef merge(dst, words):\n    for w in words:\n        dst[w] = dst.get(w, 0) + 1\n"
    )
    script = write("late.py", LATE_FIRST_CHUNK % (helper, "merge(counts, chunks[c])"))
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": "fork"})
    assert got.status == 1
    assert got.out == ""
    assert got.err.splitlines()[-1] == (
        "omppy.runtime.errors.OmpError: '# omp critical' in thread 0 set keys of counts "
        "('d' and 'c') that a block of later iterations had added first, in the region "
        f"at {script}:11: python has them in the order this earlier block set them, "
        "which omppy cannot know here (the block set them in a called function, or "
        "merged an iterable it could not read twice), so the dict's key order would "
        "differ from python's. Set the keys in the block itself (`d[k] = ...`, "
        "`d.update(part)` with a dict or list `part`), or collect each chunk's results "
        "in a list indexed by the loop variable and merge them in order after the loop"
    )


@pytest.mark.slow
def test_dicts_made_in_a_block_get_keys_in_python_order(write):
    script = write(
        "tree.py",
        "import time\n"
        "tree = {}\n"
        "# omp parallel for schedule(static, 1) num_threads(2)\n"
        "for c in range(2):\n"
        "    if c == 0:\n"
        "        time.sleep(0.3)\n"
        "    for b in (c, 5 + c):\n"
        "        # omp critical\n"
        "        tree.setdefault('x', {})[b] = c\n"
        "print({k: list(v) for k, v in tree.items()})\n",
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "{'x': [0, 5, 1, 6]}\n"


def test_a_one_element_tuple_key_stays_a_tuple():
    assert _block("d[i,] = 1\nd[f(i),] = 2\n") == [
        "d[i,] = 1",
        "if _omp_keys: _omp.keyed(d, (i,))",
        "d[(_omp_k0 := (f(i),))] = 2",
        "if _omp_keys: _omp.keyed(d, _omp_k0)",
    ]


def test_a_note_comes_before_the_jump_that_ends_its_line():
    assert _block("for w in 'ab':\n    seen[w] = True; continue\n    if w: d[w] = 1; break\n") == [
        "for w in 'ab':",
        "seen[w] = True",
        "if _omp_keys: _omp.keyed(seen, w)",
        "continue",
        "if w:",
        "d[w] = 1",
        "if _omp_keys: _omp.keyed(d, w)",
        "break",
    ]
