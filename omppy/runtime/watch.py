"""What a team shares, decided once, in the master, before it forks.

The replica of a region (``replica.py``) watches:

- the region's shared names (the values its outlined body receives), as deep as
  the translator says the region may write through them (``Region.watch``); names
  it only reads are still watched one level down, which costs a comparison of
  their items' identities and catches a write the translator could not see;
- the globals of every translated module (modules whose namespace holds the
  runtime as ``_omp``): the module namespace itself, so that a global rebound in a
  called function (``global count; count += 1``) is carried, and the containers it
  holds, so that a helper's ``found.append(n)`` or ``distances[i] = d`` is carried.
  The globals its functions may change (``_omp_effects``) are watched as deep as
  they may change them; in the region's own module, only those the code the region
  can reach may change (``Region.module_watch``, from the translator's
  ``reach.py``), when the region runs no code omppy cannot see.

Arrays in shared memory (``omppy.shared`` arrays and staged arrays) need no
watching: every process writes the same memory.  A module global that is an
ordinary array whose memory a region stages is rebound to the staged copy for the
region (``StagedArrays.rebind_globals``), so a helper writing it through its global
name writes the shared copy; so is one that a function of its module writes.

``OMPPY_CHECK=1`` (``omppy run --check``) watches everything the region can reach,
at any depth and whatever the size of its arrays, and compares the objects omppy
cannot look into by their pickle: a change omppy would otherwise miss is carried,
and one it cannot carry is an error.  It costs a copy of all that per region.
"""

from __future__ import annotations

import gc
import os
import sys
import types
from typing import TYPE_CHECKING, Any

from ..locations import library_locations
from . import netprint, private_globals
from .errors import OmpError
from .icv import icv
from .objects import is_opaque
from .opaque import uncomparable
from .replica import Replica
from .streams import SharedStream, uses_module_random, uses_numpy_random

if TYPE_CHECKING:
    from .region import Region
    from .sharedmem import StagedArrays

# Levels of containers watched: as deep as the translator says code may write
# (``Region.watch``, and ``_omp_effects`` in a translated module); a shared name only
# read, and a translated module's namespace with the containers it holds, one level
# (a cheap comparison that catches what the analysis could not see, skipped for big
# objects: Replica._beyond_the_net).
MODULE_DEPTH = 2
# A module of the program without pragmas: no one worked out what its functions
# change, so a global holding few items in all (replica._few_below) is compared
# four levels down (``seen.setdefault(k, []).append(v)`` in a registry helper,
# ``tree[k][s].append(v)``); deeper changes, and those of bigger globals, are the
# deep net's (deepnet.py): an error, not a loss.
PLAIN_MODULE_DEPTH = 5
DEEP = 1 << 20  # OMPPY_CHECK=1: everything reachable
REBINDS = "global"  # in _omp_effects: a function of the module rebinds its globals
PLAIN = "<plain>"  # not a global's name: the effects of a module without pragmas


_found: tuple[Any, list[tuple[str, dict[str, Any]]]] = (None, [])


def translated_modules() -> list[tuple[str, dict[str, Any]]]:
    """``(name, namespace)`` of every module running translated code, and of every
    module of the program's own (outside the standard library and site-packages).

    Looking at every module costs milliseconds in a big program, and it is asked
    twice per region: the answer is kept while ``sys.modules`` keeps its size, its
    newest entry and its ``__main__`` (an import adds an entry; a runner replaces
    ``__main__``), and each module found is still the one under its name.
    """
    global _found
    modules = sys.modules
    key = (len(modules), next(reversed(modules), None), id(modules.get("__main__")))
    cached_key, cached = _found
    if key == cached_key and all(
        getattr(modules.get(name), "__dict__", None) is namespace for name, namespace in cached
    ):
        return cached
    runtime = modules.get("omppy.runtime")
    found = []
    libraries = None
    for name, module in list(modules.items()):
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        if namespace.get("_omp") is runtime:
            found.append((name, namespace))
            continue
        # A module of the program's own without pragmas (a helper module with a
        # registry or cache): its globals are watched too, as a net.
        path = namespace.get("__file__")
        if isinstance(path, str) and path.endswith(".py") and name != "__main__":
            if libraries is None:
                libraries = tuple(directory for directory, _ in library_locations())
            if not os.path.abspath(path).startswith(libraries):
                found.append((name, namespace))
    _found = (key, found)
    return found


def stage_globals(staged: StagedArrays) -> None:
    """Rebind the global arrays of translated modules that the region may write to
    their staged copies (see the module docstring)."""
    if "numpy" not in sys.modules:
        return  # no arrays anywhere
    for _, namespace in translated_modules():
        effects = namespace.get("_omp_effects")
        written = set(effects) if isinstance(effects, dict) else set()
        staged.rebind_globals(namespace, written)


def build_replica(call: dict[str, Any], region: Region, staged: StagedArrays) -> Replica:
    """The shared objects of a region about to run with arguments ``call``.

    The garbage collector waits meanwhile: a region that watches 10,000 objects makes
    as many shadows (30,000 new objects), and each 700 of them would start a collection
    that walks them all again, some a walk of the whole heap (docs/benchmarks.md,
    "Session 8: check").  Cyclic garbage waits a few milliseconds more: the first
    allocation after it starts the collection that is due."""
    if not gc.isenabled():
        return _build_replica(call, region, staged)
    gc.disable()
    try:
        return _build_replica(call, region, staged)
    finally:
        gc.enable()


def _build_replica(call: dict[str, Any], region: Region, staged: StagedArrays) -> Replica:
    deep = icv().deep_check
    replica = Replica(array_limit=1 << 62, deep=True) if deep else Replica()
    if staged.pairs:  # what shares memory with a staged array reads the staged copy
        replica.stand_in = staged.stand_in
    depths = region.watch
    modules = translated_modules()
    program_modules = {module for module, _ in modules}
    replica.own_module = getattr(region.body, "__module__", None)
    for name, value in call.items():
        if depths.get(name, 0) > 0 and not is_opaque(value) and uncomparable(value):
            _refuse_uncomparable(name, value)
        if isinstance(value, types.FunctionType):
            replica.watch_function(value, DEEP if deep else MODULE_DEPTH, name)
        elif (
            isinstance(value, type)
            and (deep or depths.get(name, 0) > 1)
            and getattr(value, "__module__", None) in program_modules
        ):
            # A class of the program the region changes through (``Node.make(i)``, a
            # classmethod appending to ``cls.registry[k]``): its attributes, as deep.
            replica.watch_class(value, DEEP if deep else depths[name], name)
        if deep:
            replica.watch_root(value, DEEP, name)
        elif depths.get(name, 0) > 0:
            replica.watch_root(value, depths[name], name)
        else:
            replica.watch_net(value, name)
    namespaces = []
    for name, namespace in modules:
        label = "" if name == "__main__" else f"{name}."
        effects = namespace.get("_omp_effects")
        if not isinstance(effects, dict):
            # A module without pragmas (or an older translation): assume the worst.
            effects = {REBINDS: 1, PLAIN: PLAIN_MODULE_DEPTH}
        elif region.module_watch is not None and region.module_watch[0] is namespace:
            # The region's own module: only what the code it can reach may change
            # (the translator's reach.py; other modules' code is beyond it).
            effects = region.module_watch[1]
        namespaces.append((namespace, label, effects))
        # What the module's functions may change first, as deep as they may change
        # it; then the rest of the namespace, as a net (Replica.watch_namespace).
        private = private_globals.names_in(namespace)  # each thread's own: not shared
        for variable, depth in effects.items():
            if variable in namespace and variable not in private:
                value = namespace[variable]
                if isinstance(value, type) and getattr(value, "__module__", None) == name:
                    # A class whose methods change its attributes (``Sensor.created
                    # += 1`` in ``__init__``): its attributes, compared by every block.
                    replica.watch_class(value, DEEP if deep else depth, label + variable)
                else:
                    replica.watch(value, DEEP if deep else depth, label + variable)
                token = replica.token_of(value)
                if token is not None:
                    replica.always.append(token)
    if replica.uncompared:
        # Held inside what the region may change, as deep as it may change it (the
        # nets below are for code the translator cannot follow: not refused there).
        value, label = replica.uncompared[0]
        _refuse_uncomparable(label, value, held=True)
    for namespace, label, effects in namespaces:
        depth = DEEP if deep else MODULE_DEPTH
        private = private_globals.names_in(namespace)
        if region.module_names is not None and region.module_names[0] is namespace:
            private |= region.module_names[1]  # (they travel by name: globalnames.py)
        replica.watch_namespace(
            namespace,
            depth,
            label,
            rebinds=REBINDS in effects,
            private=private,
            deeper=0 if deep else effects.get(PLAIN, 0) - 1,
        )
    globals_ = [namespace for namespace, _, _ in namespaces]
    numpy_too = uses_numpy_random(globals_)
    if numpy_too or uses_module_random(globals_):
        replica.watch_stream(SharedStream(numpy_too))
    if not deep and (region.module_watch is None or replica.unseen):
        # The deep net is for code the translator cannot follow: when its reach
        # analysis found every piece of code the region can run (module_watch), each
        # change is made where it looked and is watched as deep as it goes (unless a
        # method it took for a container's belongs to a class of another module).
        roots = [(value, name) for name, value in call.items()]
        for namespace, label, _ in namespaces:
            roots.extend(
                (value, label + name)
                for name, value in namespace.items()
                if not name.startswith(("__", "_omp"))
            )
        replica.take_deep_net(roots, frozenset(program_modules))
    for array, _ in (*replica.frozen, *replica.aliases):
        staged.freeze(array)
    replica.stand_in = None
    netprint.release_unused()  # the items held for big lists this region did not watch
    return replica


def _refuse_uncomparable(name: str, value: Any, held: bool = False) -> None:
    """A shared name the region may change whose state omppy can neither compare nor
    carry (``opaque.uncomparable``), or such an object held in a shared object as deep
    as the region may change it (``held``): each thread would change its own copy,
    and the master would keep only its own changes, so the region does not start."""
    kind = type(value)
    where = (
        " (or take it out of the object that holds it for the region, if the region "
        "does not use it)"
        if held
        else ""
    )
    raise OmpError(
        f"the parallel region may change '{name}' (a {kind.__module__}.{kind.__qualname__} "
        "object), whose state omppy can neither compare nor hand between its threads, "
        "which are processes: it cannot be pickled. Every thread would change its own "
        "copy and the changes of all threads but the first would be lost. Use it "
        "outside the parallel region: collect what the threads would feed it in a list "
        "(in order, with '# omp ordered' if the order matters) and feed it after the "
        f"region{where}"
    )


def explain_read_only(error: BaseException, replica: Replica) -> None:
    """Add a note to numpy's "assignment destination is read-only" when the array is
    one the region froze (too large to compare, not in shared memory)."""
    if not isinstance(error, ValueError) or "read-only" not in str(error):
        return
    if replica.aliases:
        labels = ", ".join(label for _, label in replica.aliases[:3])
        error.add_note(
            f"omppy: {labels} shares memory with a numpy array that the region puts in "
            "shared memory for its threads, and is held where omppy cannot put the "
            "shared copy in its place (a tuple, a set, a class attribute), so the region "
            "made it read-only rather than let it write memory the other threads do not "
            "see. Use the array by its own name in the region, keep the view in a list, "
            "a dict or an attribute of an object, or allocate the array with omppy.shared"
        )
        return
    if not replica.frozen:
        return
    labels = ", ".join(label for _, label in replica.frozen[:3])
    error.add_note(
        f"omppy: {labels} {'is a numpy array' if len(replica.frozen) == 1 else 'are numpy arrays'}"
        " outside shared memory that omppy does not compare between threads (it is larger "
        f"than {replica.array_limit >> 20} MiB, or the translator found no code of the region "
        "that writes it), so the region made it read-only rather than "
        "lose the writes of all threads but one. Allocate it with omppy.shared (shared.zeros, "
        "shared.empty, shared.array), or hand it to the region as a name of its own, which "
        "puts it in shared memory for the region"
    )
