"""The translator's output on every program the tests carry, as a manifest of hashes.

A change that should not alter what the translator writes (a faster analysis, a
refactoring) is checked against ``tests/snapshots/translations.sha256``:
``tests/test_translation_snapshot.py`` translates every file again and compares.
A change that *should* alter the output regenerates the manifest, and the diff of the
manifest shows which programs it touched:

    python tests/translation_snapshot.py            # rewrite the manifest

One more entry, ``tests/corpus/*.py as one module``, is the corpus programs (those
without a ``from __future__`` import) joined into one module of about 5,000 lines: a
big module, where most of the statements have nothing to translate.

Each line is ``<sha256>  <path>``: the hash of the translated text, the line table
(generated line -> user line) and the warnings, or of the error message when the
translator refuses the file.  Hashes, not copies: the manifest stays small and a
reviewer reads which files changed, not a thousand lines of generated code.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from omppy.transform.translate import Translation

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "snapshots" / "translations.sha256"
# The programs: the differential corpus, the realistic programs and the examples.
SOURCES = ("tests/corpus/*.py", "tests/realistic/*.py", "examples/*.py")


COMBINED = "tests/corpus/*.py as one module"


def sources() -> list[Path]:
    return sorted(p for pattern in SOURCES for p in ROOT.glob(pattern))


def names() -> list[str]:
    return [*(p.relative_to(ROOT).as_posix() for p in sources()), COMBINED]


def text_of(name: str) -> str:
    if name != COMBINED:
        return (ROOT / name).read_text(encoding="utf-8")
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/corpus/*.py"))]
    return "".join(text + "\n" for text in texts if "from __future__" not in text)


@functools.lru_cache(maxsize=8)
def translation_of(name: str) -> Translation | str:
    """What the translator makes of the program ``name``: its translation, or the
    error message when it refuses the file."""
    from omppy.transform.diagnostics import PragmaError
    from omppy.transform.translate import translate

    try:
        return translate(text_of(name), name)
    except (PragmaError, SyntaxError) as error:
        return f"error: {type(error).__name__}: {error}"


def fingerprint(name: str) -> str:
    """The hash of what the translator makes of the program ``name``."""
    translation = translation_of(name)
    if isinstance(translation, str):
        made = translation
    else:
        table = sorted(translation.line_of.items())
        made = "\n".join(
            (translation.text, repr(table), *(str(w) for w in translation.warnings))
        )
    return hashlib.sha256(made.encode("utf-8")).hexdigest()


def manifest() -> dict[str, str]:
    return {name: fingerprint(name) for name in names()}


def read_manifest() -> dict[str, str]:
    found = {}
    for line in MANIFEST.read_text().splitlines():
        digest, _, name = line.partition("  ")
        found[name] = digest
    return found


def main() -> None:
    sys.path.insert(0, str(ROOT))
    made = manifest()
    MANIFEST.write_text("".join(f"{digest}  {name}\n" for name, digest in made.items()))
    print(f"{MANIFEST.relative_to(ROOT)}: {len(made)} files")


if __name__ == "__main__":
    main()
