"""What travels to a task, and the shared objects named alike on both sides.

The master pickles a region once (cloudpickle: functions and classes of the script
travel by value): its body, its arguments and the *roots*, the objects whose changes
come back, each with the levels of containers watched below it (``Region.watch``,
as for the fork backend; the globals a translated module's functions change,
``_omp_effects``).  One pickle keeps identities: an object reachable from two
arguments, or from an argument and a function's globals, is one object in the task.

Each side builds a :class:`~omppy.runtime.replica.Replica` by walking the same roots
in the same order: root ``i`` gets the token ``("r", i)`` and what it holds
``(token of its container, place)``, so a token names the same object in the master
and in every task (forked processes use ``id``, which only ``fork`` keeps).  A task
reports the replica's changes, pickled with shared objects by token (``dumps``); the
master applies them to its own objects exactly as a forked worker's are applied.
"""

from __future__ import annotations

import io
import pickle
import sys
import types
from typing import Any

from ..buffers import ArrayShadow
from ..region import Region
from ..replica import CLOSURE_DEPTH, Replica, Token
from ..shadow import CellShadow
from ..sharedmem import is_array
from ..watch import REBINDS
from ..wire import ATOMIC

Root = tuple[Any, int, str]  # (object, levels watched, label)
UNLIMITED = 1 << 62  # arrays of any size are compared: a task's copy is its own


def roots_of(region: Region) -> list[Root]:
    """The objects whose changes a region's tasks carry back, in a fixed order."""
    roots: list[Root] = []
    namespace = getattr(region.body, "__globals__", {})
    functions = [(name, v) for name, v in region.args.items() if isinstance(v, types.FunctionType)]
    functions += [
        (name, namespace[name])
        for name in region.body.__code__.co_names
        if isinstance(namespace.get(name), types.FunctionType)
    ]
    for name, function in functions:
        roots.extend(_function_roots(function, name))
    for name, value in region.args.items():
        if isinstance(value, (types.FunctionType, type, types.ModuleType)):
            continue
        depth = region.watch.get(name, 0)
        if not (depth == 0 and name in region.readonly and is_array(value)):
            depth = max(1, depth)  # else an array only read: read-only in the task
        roots.append((value, depth, name))
    effects = namespace.get("_omp_effects")
    # The module globals the body reads by name (the translator hands in only what a
    # function around the region binds): compared like the arguments they used to be,
    # an array among them read-only in the task, as an argument only read is.
    changed_by_functions = effects if isinstance(effects, dict) else {}
    handed_in = {id(value) for value, _, _ in roots}
    for name in sorted(_global_reads(region.body.__code__)):
        value = namespace.get(name)
        if (
            name in changed_by_functions
            or name not in namespace
            or type(value) in ATOMIC
            or isinstance(value, (types.FunctionType, type, types.ModuleType))
            or id(value) in handed_in
        ):
            continue
        handed_in.add(id(value))
        roots.append((value, 0 if is_array(value) else 1, name))
    if isinstance(effects, dict):
        module = namespace.get("__name__", "__main__")
        prefix = "" if module == "__main__" else f"{module}."
        for variable, depth in effects.items():
            if variable != REBINDS and variable in namespace:
                roots.append((namespace[variable], max(1, int(depth)), prefix + variable))
    return roots


def _global_reads(code: types.CodeType) -> set[str]:
    """The names ``code`` and the code nested in it (generator expressions, lambdas)
    may read as globals (attribute names too: a harmless extra root at most)."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _global_reads(constant)
    return names


def _function_roots(function: types.FunctionType, label: str) -> list[Root]:
    """A function's closure cells (a ``nonlocal`` rebound, a memo dict) and mutable
    defaults (``def f(x, cache={})``): caches that travel with the code, compared as
    the fork backend compares them (``Replica._watch_function``)."""
    roots: list[Root] = []
    for value in (*(function.__defaults__ or ()), *(function.__kwdefaults__ or {}).values()):
        if type(value) not in ATOMIC:
            roots.append((value, CLOSURE_DEPTH, f"a default of {label}"))
    cells = function.__closure__ or ()
    for variable, cell in zip(function.__code__.co_freevars, cells, strict=False):
        try:
            contents = cell.cell_contents
        except ValueError:
            continue
        if isinstance(contents, (types.FunctionType, type, types.ModuleType)):
            continue  # code: no data (a decorated function, a class)
        roots.append((cell, 1, f"{variable} (a variable of {label}'s closure)"))
        if type(contents) not in ATOMIC:
            roots.append((contents, CLOSURE_DEPTH, f"{variable} in {label}'s closure"))
    return roots


def build_replica(roots: list[Root]) -> Replica:
    """The replica of ``roots``: the same tokens on both sides (see the docstring)."""
    replica = Replica(array_limit=UNLIMITED)
    for index, (value, depth, label) in enumerate(roots):
        token = ("r", index)
        if isinstance(value, types.CellType):
            if id(value) not in replica.tokens:  # watch() does not look into cells
                replica.objects[token] = value
                replica.tokens[id(value)] = token
                replica.labels[token] = label
                replica.shadows[token] = CellShadow(value)
                replica.depths[token] = 1
            continue
        replica.watch(value, depth, label, token)
    return replica


def compare_arrays(replica: Replica) -> None:
    """In the master: arrays in shared memory (``omppy.shared``, which forked
    processes share and so never compare) are compared too: a task's is a copy."""
    for token, value in replica.objects.items():
        if (
            token not in replica.shadows
            and is_array(value)
            and value.flags.writeable
            and not value.dtype.hasobject
            and replica.depths.get(token, 0) >= 1
        ):
            replica.shadows[token] = ArrayShadow(value)


def align(replica: Replica, shadowed: set[Token]) -> None:
    """In a task: compare only what the master can apply; an array the master does
    not compare (read-only there) is read-only here too, so a write is an error, as
    on the fork backend."""
    for token in [t for t in replica.shadows if t not in shadowed]:
        del replica.shadows[token]
    for token, shadow in replica.shadows.items():
        if type(shadow) is ArrayShadow:
            replica.shadows[token] = SparseArrayShadow(replica.objects[token])
    for token, value in replica.objects.items():
        if token not in shadowed and is_array(value) and value.flags.writeable:
            value.flags.writeable = False


def by_value(body: Any) -> None:
    """The body's module travels by value when it is not the script itself: a task
    imports modules afresh, without omppy's translation."""
    import cloudpickle

    name = getattr(body, "__module__", None)
    module = sys.modules.get(name or "")
    if module is not None and name != "__main__":
        try:
            cloudpickle.register_pickle_by_value(module)
        except ValueError:
            pass


def dumps(payload: Any, replica: Replica | None = None) -> bytes:
    """``payload`` by cloudpickle, shared objects by token when ``replica`` is given."""
    buffer = io.BytesIO()
    _pickler()(buffer, replica.tokens if replica is not None else {}).dump(payload)
    return buffer.getvalue()


def named_code(make: Any, args: tuple[Any, ...], filename: str) -> types.CodeType:
    """A code object cloudpickle rebuilt, with its file name back."""
    code: types.CodeType = make(*args)
    return code.replace(co_filename=filename)


_class: type | None = None


def _pickler() -> type:
    """cloudpickle's pickler (made at first use: cloudpickle is optional) that keeps
    code objects' file names, so that a task's traceback shows the user's file and
    lines (cloudpickle writes ``<dynamic-code>``), and pickles the replica's shared
    objects by token."""
    global _class
    if _class is not None:
        return _class
    from collections import ChainMap

    import cloudpickle

    def reduce_code(code: types.CodeType) -> Any:
        make, args = cloudpickle.cloudpickle._code_reduce(code)
        return named_code, (make, args, code.co_filename)

    class TokenPickler(cloudpickle.Pickler):
        dispatch_table = ChainMap(
            {types.CodeType: reduce_code}, cloudpickle.Pickler.dispatch_table
        )

        def __init__(self, file: io.BytesIO, tokens: dict[int, Token]) -> None:
            super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
            self.tokens = tokens

        def persistent_id(self, obj: Any) -> Any:
            if not self.tokens or type(obj) in ATOMIC:
                return None
            return self.tokens.get(id(obj))

    _class = TokenPickler
    return _class


class SparseArrayShadow(ArrayShadow):
    """In a task: an array's changes always by element, never the whole array, so
    that tasks writing most of their own part of one array do not clash."""

    __slots__ = ()

    def diff(self, live: Any) -> tuple[Any, ...] | None:
        np = sys.modules["numpy"]
        if live.shape != self.copy.shape or live.dtype != self.copy.dtype:
            return ("N", None, live.copy())
        if live.tobytes() == self.copy.tobytes():
            return None
        if live.dtype.fields is not None or live.dtype.kind == "V":
            # Structured elements: compared by their bytes (no ufunc compares them).
            width = live.dtype.itemsize
            mine = np.ascontiguousarray(live).view(np.uint8).reshape(live.size, width)
            agreed = np.ascontiguousarray(self.copy).view(np.uint8).reshape(live.size, width)
            differs = (mine != agreed).any(axis=1)
        else:
            differs = np.not_equal(live, self.copy).ravel()
        changed = np.flatnonzero(differs)
        if len(changed) == 0:
            return None
        if live.size < 1 << 31:
            changed = changed.astype(np.int32)
        return ("N", changed, live.ravel()[changed])
