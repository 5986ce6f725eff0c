"""The translator writes exactly what it wrote before, byte for byte, on every program
the tests carry (``tests/translation_snapshot.py`` makes the manifest; run it to
accept a change that is meant to alter the output, and commit the manifest's diff)."""

from __future__ import annotations

import re

import pytest
from translation_snapshot import COMBINED, fingerprint, names, read_manifest, translation_of

EXPECTED = read_manifest()


def test_the_manifest_lists_every_program():
    assert sorted(EXPECTED) == sorted(names()), (
        "programs were added or removed: run python tests/translation_snapshot.py"
    )


# The quick suite checks the corpus and the examples; the realistic programs and the
# big module are slow.
CASES = [
    pytest.param(
        name,
        id=name,
        marks=pytest.mark.slow if "realistic" in name or name == COMBINED else (),
    )
    for name in names()
]


@pytest.mark.parametrize("name", CASES)
def test_the_translation_is_unchanged(name):
    assert fingerprint(name) == EXPECTED.get(name), (
        f"the translation of {name} changed; if that is intended, run "
        "python tests/translation_snapshot.py and commit the manifest"
    )


WIDTH = 99  # omppy/transform/layout.py, as the project's own code


@pytest.mark.parametrize("name", CASES)
def test_generated_lines_fit_in_99_columns(name):
    """Generated code is laid out as a person would write it: a line longer than 99
    columns is one of the user's own (indented deeper in a region's function, or with
    its threadprivate names as ``_omp_private.x``), never one omppy wrote."""
    translation = translation_of(name)
    if isinstance(translation, str):
        pytest.skip("the translator refuses this program")
    own = {line.strip() for line in translation.source.splitlines()}
    # (a statement of a synchronisation block may hold its dict or key in a walrus,
    # ``(_omp_h0 := tree.setdefault(a, {}))[b] = i``: still the user's line)
    held = {_without_holds(line) for line in own}
    long = [
        (number, line)
        for number, line in enumerate(translation.text.splitlines(), 1)
        if len(line) > WIDTH
        and line.strip().replace("_omp_private.", "") not in own
        and _without_holds(line) not in held
    ]
    assert not long, f"generated lines over {WIDTH} columns in {name}: {long}"


def _without_holds(line: str) -> str:
    """The user's line under what key notes hold (``_omp_h0 := ``) and the calls of
    noted twins (``_omp.twin(f)(x)``, key_twins.py)."""
    line = re.sub(r"_omp\.twin\(([^()]*)\)\(", r"\1(", line)
    return re.sub(r"[()\s]", "", re.sub(r"_omp_[hks]\d+ := ", "", line))


@pytest.mark.slow
def test_the_translation_does_not_depend_on_the_hash_seed():
    """Two interpreters with different string hashes translate the whole corpus alike
    (a set's order once leaked into the watch lists)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__).resolve().parent
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from translation_snapshot import COMBINED, fingerprint; print(fingerprint(COMBINED))"
    )
    found = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code, str(here)],
            capture_output=True, text=True, env=env, timeout=120, check=True,
        )
        found.add(done.stdout.strip())
    assert len(found) == 1, found
