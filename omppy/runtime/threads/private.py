"""Threadprivate module globals on the threads backend (``# omp threadprivate``, ``copyin``).

The threads of a team share one module namespace, so a thread's own copy of a global
cannot live there.  The translator rewrites every use of a threadprivate name in the
module's code to an attribute of ``_omp_private`` (``transform/private_names.py``);
on this backend that object is a :class:`ThreadSlots`, a ``threading.local``: each
thread reads and writes its own attributes, at the cost of an attribute lookup.

Pooled threads serve whichever thread number a team gives them, so the values
persist by thread number, not by thread, as the fork backend keeps them::

    master (thread 0)                            pooled worker as thread k
    -----------------                            -------------------------
    threadprivate(namespace, names)
      first values; its own copy is the global
    begin(copyin): the master's values  ----->   enter(k): each name := the master's
                                                   value for copyin names (a copy), else
                                                   what thread k left last time (outermost
                                                   teams), else a copy of the first value
                                                 ... runs the region on its own copies ...
    (the master keeps its copy as it is)  <---   leave(k): its values, kept for thread k

Thread 0 is the thread that met the region, whose copy simply stays.  A nested team's
workers start from the first values (or, with ``copyin``, from their master's), as
OpenMP leaves them unspecified there.  Code outside the module that reads
``module.name`` reads the global, which is the initial thread's copy only until the
directive: the name is each thread's own from then on (docs/backends.md).
"""

from __future__ import annotations

import threading
from typing import Any

from .. import private_globals
from ..errors import OmpError
from ..region import private_copy


class ThreadSlots(threading.local):
    """``_omp_private`` of one module: each thread's copies of its threadprivate globals.

    A thread that meets it first (one the program started itself) gets copies of the
    first values; a name not threadprivate yet (a use before the directive ran) is the
    module's global, as it would be without the directive.
    """

    def __init__(self, module: Module) -> None:
        for name in module.names:
            setattr(self, name, private_copy(module.first[name]))

    def __getattr__(self, name: str) -> Any:  # only for a name this thread lacks
        if name.startswith("__"):
            raise AttributeError(name)  # a tool's question (hasattr), not the program's
        module: Module = _by_slots[id(self)]
        if name not in module.first and name in module.namespace:
            return module.namespace[name]
        raise NameError(f"name {name!r} is not defined")  # or deleted by this thread


class Module:
    """One module's threadprivate globals: their first values and its slots."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.namespace = namespace
        self.names: list[str] = []
        self.first: dict[str, Any] = {}  # the value each thread's copy starts from
        self.slots = ThreadSlots(self)
        # thread number -> its values when its last outermost region ended
        self.stored: dict[int, dict[str, Any]] = {}


_modules: dict[int, Module] = {}  # id of the namespace -> its record
_by_slots: dict[int, Module] = {}  # id of the slots -> the same record


def slots(namespace: dict[str, Any]) -> ThreadSlots:
    """The ``_omp_private`` of the module whose globals are ``namespace``."""
    module = _modules.get(id(namespace))
    if module is None:
        module = _modules[id(namespace)] = Module(namespace)
        _by_slots[id(module.slots)] = module
    return module.slots


def threadprivate(namespace: dict[str, Any], names: tuple[str, ...]) -> None:
    """The directive ran: ``names`` are each thread's own from now on.  The calling
    thread's copy is the global's value itself; the others start from a copy of it."""
    module = _modules.get(id(namespace))
    if module is None:
        slots(namespace)
        module = _modules[id(namespace)]
    own = module.slots.__dict__
    for name in names:
        if name in module.first:
            continue
        # (bound through _omp_private before the directive ran, by a function called
        # early: that binding is the global's value)
        value = own[name] if name in own else namespace[name]
        module.first[name] = private_copy(value)
        module.names.append(name)
        setattr(module.slots, name, value)


Copied = dict[int, dict[str, Any]]  # id of a module's record -> copyin name -> value


def begin(copyin: tuple[str, ...], namespace: dict[str, Any] | None) -> Copied | None:
    """In the master, before the workers start: the values its ``copyin`` hands out
    (None when no module has threadprivate globals: nothing to do per thread)."""
    if not private_globals.declared():
        return None
    private_globals.check_backend("threads")
    copied: Copied = {}
    if copyin:
        module = _modules.get(id(namespace)) if namespace is not None else None
        for name in copyin:
            if module is None or name not in module.first:
                raise OmpError(
                    f"copyin({name}): '{name}' is not threadprivate in this module "
                    f"(no '# omp threadprivate({name})' has run)"
                )
            # A copy now: the master goes on with its own while the workers start.
            value = private_copy(getattr(module.slots, name))
            copied.setdefault(id(module), {})[name] = value
    return copied


def enter(copied: Copied, num: int, outermost: bool) -> None:
    """In worker ``num``, before it runs the region: its copies of every module's
    threadprivate globals."""
    for module in list(_modules.values()):
        given = copied.get(id(module), {})
        stored = module.stored.get(num, {}) if outermost else {}
        own = module.slots
        for name in module.names:
            if name in given:
                value = private_copy(given[name])  # the snapshot stays untouched
            elif name in stored:
                value = stored[name]
            else:
                value = private_copy(module.first[name])
            setattr(own, name, value)


def leave(num: int) -> None:
    """In worker ``num`` of an outermost team, after the region: keep its values."""
    for module in list(_modules.values()):
        own = module.slots.__dict__
        module.stored[num] = {name: own[name] for name in module.names if name in own}
