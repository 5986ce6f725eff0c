"""The translator's output on every program the tests carry, as a manifest of hashes.

A change that should not alter what the translator writes (a faster analysis, a
refactoring) is checked against ``tests/snapshots/translations.sha256``:
``tests/test_translation_snapshot.py`` translates every file again and compares.
A change that *should* alter the output regenerates the manifest, and the diff of the
manifest shows which programs it touched:

    python tests/translation_snapshot.py            # rewrite the manifest

Each line is ``<sha256>  <path>``: the hash of the translated text, the line table
(generated line -> user line) and the warnings, or of the error message when the
translator refuses the file.  Hashes, not copies: the manifest stays small and a
reviewer reads which files changed, not a thousand lines of generated code.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "snapshots" / "translations.sha256"
# The programs: the differential corpus, the realistic programs and the examples.
SOURCES = ("tests/corpus/*.py", "tests/realistic/*.py", "examples/*.py")


def sources() -> list[Path]:
    return sorted(p for pattern in SOURCES for p in ROOT.glob(pattern))


def fingerprint(path: Path) -> str:
    """The hash of what the translator makes of ``path``."""
    from omppy.transform.diagnostics import PragmaError
    from omppy.transform.translate import translate

    name = path.relative_to(ROOT).as_posix()
    try:
        translation = translate(path.read_text(encoding="utf-8"), name)
    except (PragmaError, SyntaxError) as error:
        made = f"error: {type(error).__name__}: {error}"
    else:
        table = sorted(translation.line_of.items())
        made = "\n".join(
            (translation.text, repr(table), *(str(w) for w in translation.warnings))
        )
    return hashlib.sha256(made.encode("utf-8")).hexdigest()


def manifest() -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): fingerprint(p) for p in sources()}


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
