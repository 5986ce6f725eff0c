"""The translator writes exactly what it wrote before, byte for byte, on every program
the tests carry (``tests/translation_snapshot.py`` makes the manifest; run it to
accept a change that is meant to alter the output, and commit the manifest's diff)."""

from __future__ import annotations

import pytest
from translation_snapshot import ROOT, fingerprint, read_manifest, sources

EXPECTED = read_manifest()


def test_the_manifest_lists_every_program():
    assert sorted(EXPECTED) == [p.relative_to(ROOT).as_posix() for p in sources()], (
        "programs were added or removed: run python tests/translation_snapshot.py"
    )


# The quick suite checks the corpus and the examples; the realistic programs are slow.
CASES = [
    pytest.param(
        p,
        id=p.relative_to(ROOT).as_posix(),
        marks=pytest.mark.slow if "realistic" in p.parts else (),
    )
    for p in sources()
]


@pytest.mark.parametrize("path", CASES)
def test_the_translation_is_unchanged(path):
    name = path.relative_to(ROOT).as_posix()
    assert fingerprint(path) == EXPECTED.get(name), (
        f"the translation of {name} changed; if that is intended, run "
        "python tests/translation_snapshot.py and commit the manifest"
    )
