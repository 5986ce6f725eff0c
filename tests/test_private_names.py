"""transform/private_names.py: which uses of a threadprivate name become
``_omp_private.name``, and that the translation keeps every line where it was."""

from __future__ import annotations

import textwrap

from omppy.transform.translate import translate

SOURCE = textwrap.dedent(
    """\
    count = 0
    print(count)
    # omp threadprivate(count)

    def bump():
        global count
        count += 1
        return (count)

    def shadow(count):
        return count + 1

    def local():
        count = 5
        return count

    def reader():
        return [count for _ in range(2)], (lambda: count)()

    class Holder:
        seen = count

    print(count)
    """
)


def _translated() -> str:
    return translate(SOURCE, "t.py").text


def test_uses_after_the_directive_and_in_functions_are_each_threads_own():
    text = _translated()
    assert "_omp_private = _omp.threadprivate_slots(_omp.globals())" in text
    assert "    _omp_private.count += 1\n    return (_omp_private.count)" in text
    assert "return [_omp_private.count for _ in range(2)], (lambda: _omp_private.count)()" in text
    assert "    seen = _omp_private.count" in text
    assert text.rstrip().endswith("print(_omp_private.count)")


def test_the_binding_before_the_directive_and_other_scopes_locals_stay():
    text = _translated()
    assert "\ncount = 0\nprint(count)\n" in text
    assert "    global count\n" in text
    assert "def shadow(count):\n    return count + 1" in text
    assert "    count = 5\n    return count" in text


def test_lines_are_kept():
    translation = translate(SOURCE, "t.py")
    # every user line maps to itself, shifted by the header the translation adds
    lines = translation.text.splitlines()
    for generated, user in translation.line_of.items():
        original = SOURCE.splitlines()[user - 1].strip()
        got = lines[generated - 1].strip()
        if got.startswith(("import omppy.runtime", "_omp")) or original.startswith("#"):
            continue  # the header, and the directive's own call
        assert got.replace("_omp_private.", "") == original, (generated, user)
