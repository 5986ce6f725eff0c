"""How a task, and what it is handed, travels to another process of its team.

A deferred task is pickled when it is created: its outlined function, the values of
the names it captures, and what the runtime needs to run it (``tasks.py``).  The
pickler is the replica's (``replica.py``): an object the team shares goes by its
token and arrives as the receiving process's own object.  Three more kinds of
value need care, and this module handles them:

- **Functions defined inside other functions** (also in the changes a block or barrier
  hands on, when the replica's pickler fails: :class:`FunctionPickler`) (the task's
  own body, outlined by the translator as ``def _omp_task_<line>`` where the task
  stands; a helper or lambda a task is handed). ``pickle`` names a function by its
  module and qualified name, which fails for these. They travel as the *key* of their
  code object (file, qualified name, first line, a checksum of the bytecode), their
  defaults and their closure cells (as cells: functions that share one share it on
  arrival). The receiving process finds the code object by walking the code reachable
  from its modules' functions and classes (every process of a team was forked from one
  that had loaded the same modules) and builds a new function around it.
- **Modules** a task reads through a local name (``import numpy as np`` in the
  function, or a module the region hands its body) travel by name and are imported
  on arrival (every process already has them, nearly always).
- **Views of ``omppy.shared`` arrays** (``a[lo:hi]``) that the team does not track:
  they travel as the key of their mapping, an offset, a shape and strides, and
  arrive as a view of the same shared memory.  A mapping made after the team
  forked exists only in the process that made it: such a task cannot travel
  (:class:`CannotTravel`), and runs at once in its creator.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
import types
import zlib
from typing import Any

from . import sharedmem
from .errors import OmpError
from .replica import _TokenPickler
from .watch import translated_modules

CodeKey = tuple[str, str, int, int]

# This process's code objects by key, with the globals their functions run with.
_codes: dict[CodeKey, tuple[types.CodeType, dict[str, Any]]] = {}
_keys: dict[int, tuple[types.CodeType, CodeKey]] = {}  # id(code) -> (code, its key)
_scanned: set[int] = set()  # ids of the code objects registered so far


class CannotTravel(Exception):
    """A value a task is handed cannot reach another process: run the task at once."""


class _Empty:
    """An empty closure cell's contents, as pickled."""

    def __reduce__(self) -> str:
        return "EMPTY_CELL"


EMPTY_CELL = _Empty()


def code_key(code: types.CodeType) -> CodeKey:
    """A name for ``code`` that every process of the team computes alike."""
    known = _keys.get(id(code))
    if known is not None and known[0] is code:
        return known[1]
    key = (code.co_filename, code.co_qualname, code.co_firstlineno, zlib.crc32(code.co_code))
    _keys[id(code)] = (code, key)
    return key


# -- finding code by key ----------------------------------------------------------------


def _register(code: types.CodeType, namespace: dict[str, Any]) -> None:
    pending = [code]
    while pending:
        current = pending.pop()
        if id(current) in _scanned:
            continue
        _scanned.add(id(current))
        _codes.setdefault(code_key(current), (current, namespace))
        pending.extend(c for c in current.co_consts if isinstance(c, types.CodeType))


def _scan_namespace(namespace: dict[str, Any]) -> None:
    """Register the code of every function and class reachable from a module's
    globals (methods, nested classes, wrapped functions), and the code nested in it."""
    module = namespace.get("__name__")
    seen: set[int] = set()
    pending = list(namespace.values())
    while pending:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, types.FunctionType):
            _register(value.__code__, value.__globals__)
            wrapped = getattr(value, "__wrapped__", None)
            if wrapped is not None:
                pending.append(wrapped)
        elif isinstance(value, type):
            if getattr(value, "__module__", None) == module:
                pending.extend(vars(value).values())
        elif isinstance(value, (staticmethod, classmethod)):
            pending.append(value.__func__)
        elif isinstance(value, property):
            pending.extend(f for f in (value.fget, value.fset, value.fdel) if f is not None)
        else:
            wrapped = getattr(value, "__wrapped__", None)  # functools.lru_cache & co.
            if isinstance(wrapped, types.FunctionType):
                pending.append(wrapped)


def find_code(key: CodeKey, module: str) -> tuple[types.CodeType, dict[str, Any]]:
    """The code object named ``key`` and its globals, in this process."""
    found = _codes.get(key)
    if found is not None:
        return found
    namespaces = [namespace for _, namespace in translated_modules()]
    home = sys.modules.get(module)
    if home is not None and isinstance(getattr(home, "__dict__", None), dict):
        namespaces.append(home.__dict__)
    for namespace in namespaces:
        _scan_namespace(namespace)
    found = _codes.get(key)
    if found is None:
        raise OmpError(
            f"a task's code ({key[1]}, {key[0]}:{key[2]}) could not be found in the "
            "thread that was to run it; a task must be defined in a module that was "
            "imported before its parallel region started"
        )
    return found


# -- functions ---------------------------------------------------------------------------


def _by_reference(function: types.FunctionType) -> bool:
    """Whether ``pickle`` can name ``function`` by module and qualified name."""
    if "<" in function.__qualname__:
        return False
    target: Any = sys.modules.get(function.__module__)
    for part in function.__qualname__.split("."):
        target = getattr(target, part, None)
    return target is function


def reduce_function(function: types.FunctionType) -> Any:
    """How ``function`` is pickled when ``pickle`` cannot name it (see the module
    docstring), or ``NotImplemented``.  Its closure cells travel as cells
    (:func:`reduce_cell`): two functions of one closure (a counter's ``inc`` and
    ``get``) share them on arrival too."""
    if _by_reference(function):
        return NotImplemented
    state = (function.__defaults__, function.__kwdefaults__, function.__dict__)
    key = code_key(function.__code__)
    try:  # found here, it is found in every process forked from the same modules
        find_code(key, function.__module__)
    except OmpError:
        raise CannotTravel(f"{function.__qualname__} is not reachable from a module") from None
    where = (key, function.__module__, function.__name__, function.__qualname__)
    arguments = (*where, function.__closure__)
    return (rebuild_function, arguments, state, None, None, set_function_state)


def reduce_cell(cell: types.CellType) -> Any:
    """A closure cell: made empty (and remembered by the pickler), then filled, so a
    cell that holds its own function (a recursive local function) arrives whole."""
    try:
        contents = cell.cell_contents
    except ValueError:
        contents = EMPTY_CELL
    return (new_cell, (), contents, None, None, fill_cell)


def new_cell() -> types.CellType:
    return types.CellType()


def fill_cell(cell: types.CellType, contents: Any) -> None:
    if contents is not EMPTY_CELL:
        cell.cell_contents = contents


def rebuild_function(
    key: CodeKey, module: str, name: str, qualname: str, closure: Any = None
) -> types.FunctionType:
    code, namespace = find_code(key, module)
    if closure is None and code.co_freevars:
        closure = tuple(types.CellType() for _ in code.co_freevars)
    function = types.FunctionType(code, namespace, name, None, closure)
    function.__qualname__ = qualname
    return function


def set_function_state(function: types.FunctionType, state: tuple[Any, ...]) -> None:
    defaults, kwdefaults, attributes = state
    function.__defaults__ = defaults
    function.__kwdefaults__ = kwdefaults
    function.__dict__.update(attributes)


# -- views of shared arrays -----------------------------------------------------------------


def _mapping_of(array: Any) -> sharedmem.SharedMemory | None:
    base = array
    while base is not None:
        if isinstance(base, sharedmem.SharedMemory):
            return base
        base = getattr(base, "base", None)
        if isinstance(base, memoryview):
            base = base.obj
    return None


def _address(memory: sharedmem.SharedMemory) -> int:
    address = memory.__dict__.get("_address")
    if address is None:
        import numpy as np

        address = np.frombuffer(memory, dtype=np.uint8).__array_interface__["data"][0]
        memory.__dict__["_address"] = address
    return int(address)


def reduce_array(array: Any, forked_after: int) -> Any:
    """A view of shared memory as the key of its mapping (``NotImplemented`` for an
    array in ordinary memory).  ``forked_after``: how many mappings this process's
    line had made when the team forked; a later one of its own cannot travel."""
    memory = _mapping_of(array)
    if memory is None:
        return NotImplemented
    pid, count = memory.key
    if pid == os.getpid() and count > forked_after:
        raise CannotTravel("an omppy.shared array made after the team started")
    offset = array.__array_interface__["data"][0] - _address(memory)
    return (shared_view, (memory.key, offset, array.shape, array.strides, array.dtype))


def shared_view(key: tuple[int, int], offset: int, shape: Any, strides: Any, dtype: Any) -> Any:
    import numpy as np

    memory = sharedmem.mapping(key)
    if memory is None:
        raise OmpError(
            "a task was handed an omppy.shared array that the thread running it does not "
            "share; please report this as a bug"
        )
    return np.ndarray(shape, dtype=dtype, buffer=memory, offset=offset, strides=strides)


# -- the pickler -------------------------------------------------------------------------


class TaskPickler(_TokenPickler):
    """The replica's pickler (shared objects by token), plus local functions and views
    of shared arrays (see the module docstring)."""

    def __init__(self, file: io.BytesIO, tokens: dict[int, Any], forked_after: int) -> None:
        super().__init__(file, tokens)
        self.forked_after = forked_after

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is types.FunctionType:
            return reduce_function(obj)
        if type(obj) is types.CellType:
            return reduce_cell(obj)
        if isinstance(obj, types.ModuleType) and sys.modules.get(obj.__name__) is obj:
            return importlib.import_module, (obj.__name__,)  # ``np``, ``math``: by name
        numpy = sys.modules.get("numpy")
        if numpy is not None and isinstance(obj, numpy.ndarray):
            return reduce_array(obj, self.forked_after)
        return NotImplemented


class FunctionPickler(_TokenPickler):
    """The replica's pickler plus local functions: for a change that holds a function
    made in the region (``fs[i] = lambda x, i=i: ...``, a closure a helper returns,
    a function a decorator registers), which plain pickle cannot name.  Used only
    when the replica's own pickler failed (``replica.Replica.dumps``): it asks about
    every object it meets."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is types.FunctionType:
            return reduce_function(obj)
        if type(obj) is types.CellType:
            return reduce_cell(obj)
        return NotImplemented


class TaskCoder:
    """One thread's pickler for tasks: ``dumps`` and ``loads`` with its team's tokens."""

    def __init__(self, replica: Any, forked_after: int) -> None:
        self.replica = replica
        self.buffer = io.BytesIO()
        self.pickler = TaskPickler(self.buffer, replica.tokens, forked_after)

    def dumps(self, payload: Any) -> bytes:
        buffer = self.buffer
        try:
            self.pickler.dump(payload)
            return buffer.getvalue()
        finally:
            self.pickler.clear_memo()
            buffer.seek(0)
            buffer.truncate()

    def loads(self, data: bytes) -> Any:
        return self.replica.loads(data)
