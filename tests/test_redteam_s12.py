"""Session 12's red-team findings (issue 9, round 9): the smallest programs of the
refusals and messages fixed (docs/correctness.md, "Session 12"). The round's
programs themselves are in the realistic set (tests/realistic, listed in ROUND)."""

from __future__ import annotations

import pytest
from helpers import ROOT, assert_same_as_python, run_omppy, run_python

from omppy.runtime.threads import keyorder

BACKENDS = ("fork", "threads")

# The round's programs in tests/realistic (test_realistic.py runs them with the
# whole sweep; the ones not in its lists must give python's answer).
ROUND = (
    "class_attr_set_via_type_self",
    "class_body_counter_method_region",
    "closure_captures_loop_local",
    "closure_counter_factory_atomic",
    "collapse_lastprivate_pair",
    "comprehension_var_shadows_loop_var",
    "counter_update_most_common",
    "csv_json_re_pipeline",
    "dataclass_field_list_extend",
    "del_items_critical",
    "deque_appendleft_critical",
    "descriptor_set_name_validated",
    "dict_of_objects_method_store",
    "dict_update_from_local_critical",
    "enumerate_items_zip_store",
    "exception_caught_collected",
    "generator_consumed_in_critical",
    "heapq_push_critical_pop_single",
    "helper_module_globals_critical",
    "iadd_shared_list_critical",
    "imported_classes_objects_tags",
    "lastprivate_list_object",
    "list_insert_sorted_critical",
    "list_sort_in_single",
    "master_barrier_list_reset",
    "method_region_self_dict_helper",
    "methodcaller_append_critical",
    "module_with_own_region",
    "nested_function_region_returns",
    "nested_parallel_sum_rows",
    "nonlocal_list_rebind_critical",
    "numpy_2d_fancy_pairs",
    "numpy_add_at_critical_hist",
    "numpy_bool_mask_rows",
    "numpy_fancy_index_disjoint",
    "numpy_structured_argmax_per_row",
    "numpy_ufunc_out_blocks",
    "numpy_where_out_rows",
    "ordered_print_lines",
    "ordered_string_accumulate",
    "orphaned_single_in_helper_append",
    "partial_store_into_result",
    "random_instance_per_chunk_seeded",
    "reduction_and_critical_min_record",
    "sections_extend_setdefault",
    "set_update_intersection_critical",
    "shared_file_handle_critical",
    "single_copyprivate_tuple",
    "slice_assign_disjoint_blocks",
    "slots_property_setter_objects",
    "string_iadd_shared_list_item",
    "threadprivate_cache_dict",
    "try_finally_around_for",
    "walrus_comprehension_in_body",
    "while_loop_convergence_single",
    "with_open_append_critical",
    # the second batch: dict key order, mostly
    "class_attr_dict_counts_method",
    "counter_iadd_chunks_critical",
    "dataclass_registry_dict_by_name",
    "defaultdict_list_groups_chunks_critical",
    "dict_comprehension_merge_single",
    "dict_pop_and_readd_critical",
    "generator_expression_sum_rows",
    "json_dump_shared_dict_dynamic",
    "list_of_dicts_update_records",
    "nested_dict_setdefault_keys_order",
    "numpy_argsort_scatter_single",
    "ordereddict_results_loop",
    "set_add_order_printed_sorted",
    "set_like_dict_visited",
    "string_join_ordered_chunks",
)


def test_the_round_programs_are_in_the_realistic_set():
    missing = [n for n in ROUND if not (ROOT / "tests" / "realistic" / f"{n}.py").exists()]
    assert not missing


def same_as_python(write, name: str, text: str, threads: int, backend: str) -> None:
    assert_same_as_python(write(name, text), threads, backend)


# Sections each changing the length of their own shared containers (extend, add,
# setdefault) with no critical: race-free (one thread runs a section), but refused at
# translate time as if every thread ran the call ("... from every thread that runs it
# at once").
OWN_SECTION_CONTAINERS = """\
words = "the quick brown fox jumps over the lazy dog again and again".split()
index = {}
lengths = []
endings = set()
# omp parallel sections
# omp section
for w in words:
    index.setdefault(w[0], []).append(w)
# omp section
lengths.extend(len(w) for w in words)
# omp section
for w in words:
    endings.add(w[-1])
# omp end parallel sections
print(sorted(index.items())[:3], lengths, sorted(endings))
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("threads", [1, 2, 3])
def test_containers_changed_in_one_section_only_are_carried(write, threads, backend):
    same_as_python(write, "sections.py", OWN_SECTION_CONTAINERS, threads, backend)


# Two sections appending to one list: a data race (the appends' order would be the
# threads', not the sections'), refused with a message that says so for sections.
TWO_SECTIONS_ONE_LIST = """\
out = []
# omp parallel sections
# omp section
for w in range(5):
    out.append(w)
# omp section
out.extend([9, 9])
# omp end parallel sections
print(out)
"""


def test_one_list_changed_by_two_sections_is_refused_for_sections(write):
    script = write("two.py", TWO_SECTIONS_ONE_LIST)
    got = run_omppy("run", str(script), threads=1)
    assert got.status == 1 and got.out == ""
    assert got.err == (
        f"{script}:5:5: 'out.append(...)' in a '# omp section' changes the shared object "
        "'out' itself, which another section or the code around the sections changes "
        "too: the sections run at once in different threads, a data race: their changes "
        "to its length or keys cannot be combined\n"
        "        out.append(w)\n"
        "        ^\n"
        "  hint: change 'out' in one section only, or wrap each change in '# omp critical'\n"
    )


# `with open(path, "a") as f:` under critical binds `f` in the block, which makes it a
# shared name published to the team; a file cannot be pickled. The message named the
# value but suggested only keeping such objects out of the shared data: it now says
# the name is shared because the block binds it, and how to keep it the thread's own.
FILE_BOUND_IN_CRITICAL = """\
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "log.txt")
# omp parallel for
for i in range(8):
    # omp critical
    with open(path, "a") as f:
        f.write(f"{i}\\n")
with open(path) as g:
    print(sorted(int(x) for x in g.read().split()))
"""


@pytest.mark.slow
def test_a_file_bound_in_critical_says_how_to_keep_it_own(write):
    script = write("files.py", FILE_BOUND_IN_CRITICAL)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 1 and got.out == ""
    assert got.err.strip().splitlines()[-1] == (
        "omppy.runtime.errors.OmpError: the value of 'f' (a TextIOWrapper), bound in a "
        "synchronisation block and so shared by the team, cannot be handed between "
        "omppy's threads, which are processes: pickling it failed (cannot pickle "
        "'_io.TextIOWrapper' object). To keep 'f' each thread's own, bind it in the "
        "region outside the block too ('f = None' before the block), or keep objects "
        "that cannot be pickled (a file, a lock, a weakref dictionary) out of the names "
        "the block binds"
    )
    # ... and the fix it names works
    fixed = write("fixed.py", FILE_BOUND_IN_CRITICAL.replace(
        "    # omp critical\n", "    f = None\n    # omp critical\n"
    ))
    same = run_omppy("run", str(fixed), threads=2)
    assert (same.status, same.out) == (0, run_python(fixed).out), same.err


# A class-level dict filled from a method under critical (realistic program
# class_attr_dict_counts_method): the later chunk's thread adds its keys first
# (iteration 0 sleeps). The class's dicts were not among the dicts whose new keys are
# put in iteration order (only the shared names' and the globals' own), so the dict
# printed in the order the blocks ran ('k3' first), exit status 0.
CLASS_DICT_KEYS = ROOT / "tests" / "realistic" / "class_attr_dict_counts_method.py"


@pytest.mark.parametrize(
    "backend",
    [
        "fork",
        pytest.param(
            "threads",
            marks=pytest.mark.skipif(
                not keyorder.available(), reason="no dict watchers before Python 3.12"
            ),
        ),
    ],
)
@pytest.mark.parametrize("threads", [2, 4])
def test_a_class_dicts_new_keys_come_in_iteration_order(threads, backend):
    assert_same_as_python(CLASS_DICT_KEYS, threads, backend)
