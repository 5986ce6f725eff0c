"""The code objects a translation compiles to: names, and what the cache stores."""

from __future__ import annotations

import ast
import marshal
from types import CodeType

from omppy.transform.lines import compile_translation, translated_tree, user_names
from omppy.transform.translate import translate

SOURCE = """\
def plain_a(x):
    return x


def plain_b(y):
    return y


def compute(n):
    s = 0
    # omp parallel for reduction(+:s)
    for i in range(n):
        s += i
    return s
"""


def code_objects(code: CodeType) -> list[CodeType]:
    found = [code]
    for const in code.co_consts:
        if isinstance(const, CodeType):
            found += code_objects(const)
    return found


def test_a_region_is_named_like_its_function():
    code = compile_translation(translate(SOURCE, "m.py"), "m.py")
    names = sorted(c.co_name for c in code_objects(code))
    assert names == ["<module>", "compute", "compute", "plain_a", "plain_b"]


def test_renaming_keeps_code_without_regions_and_its_shared_constants():
    # The compiler shares equal constant tuples between code objects (here the
    # ``(None,)`` of both plain functions); marshal then writes and loads each once.
    # Copying them would cost the cached import an allocation per function.
    translation = translate(SOURCE, "m.py")
    compiled = compile(translated_tree(translation, "m.py"), "m.py", "exec")
    renamed = user_names(compiled)
    before = {c.co_name: c for c in code_objects(compiled)}
    after = {c.co_name: c for c in code_objects(renamed)}
    assert after["plain_a"] is before["plain_a"]
    assert after["plain_b"] is before["plain_b"]
    assert after["plain_a"].co_consts is after["plain_b"].co_consts
    assert len(marshal.dumps(renamed)) <= len(marshal.dumps(compiled)) + 64


def test_the_cache_key_changes_with_omppy_version(monkeypatch):
    from omppy.transform import importer

    current = importer.translator_fingerprint()
    assert importer.translator_fingerprint() is current  # once per process
    monkeypatch.setattr(importer, "_fingerprint", None)
    monkeypatch.setattr(importer, "__version__", importer.__version__ + ".post1")
    changed = importer.translator_fingerprint()
    assert len(changed) == len(current) == 8
    assert changed != current
    source = b"x = 1\n"
    assert importer._header(source, None) != importer._header(source + b"\n", None)
    assert importer._header(source, None) != importer._header(source, 3)


MULTI_LINE = """\
info = [{"a": 1}]
if {(p["a"], p.get("b")) for p in info} != {
    (1, None)
}:
    print("x")
total = (1 +
         undefined_name)
seen = [0] * 3
# omp parallel
seen[0] = 1
# omp end parallel
"""


def test_a_statement_over_several_lines_keeps_its_lines():
    # Only the first line of each statement is in the translation's table: the others
    # took the first's, and a node ending on a later line then ended before it began
    # ("line 2, column 3-1 is not a valid range" from compile()).
    translation = translate(MULTI_LINE, "m.py")
    code = compile_translation(translation, "m.py")
    names = [
        node.lineno
        for node in ast.walk(translated_tree(translation, "m.py"))
        if isinstance(node, ast.Name) and node.id == "undefined_name"
    ]
    assert names == [7]
    assert isinstance(code, CodeType)
