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

import sys
from typing import TYPE_CHECKING, Any

from . import private_globals
from .icv import icv
from .replica import Replica

if TYPE_CHECKING:
    from .region import Region
    from .sharedmem import StagedArrays

# Levels of containers watched: below a shared name the translator found no write
# through (its own items: a cheap comparison that catches what the analysis could not
# see), and below a translated module's namespace (the namespace and its global
# containers); deeper where the translator says code may write deeper
# (``Region.watch``, and ``_omp_effects`` in a translated module).
READ_ONLY_DEPTH = 1
MODULE_DEPTH = 2
DEEP = 1 << 20  # OMPPY_CHECK=1: everything reachable
REBINDS = "global"  # in _omp_effects: a function of the module rebinds its globals


def translated_modules() -> list[tuple[str, dict[str, Any]]]:
    """``(name, namespace)`` of every module running translated code."""
    runtime = sys.modules.get("omppy.runtime")
    found = []
    for name, module in list(sys.modules.items()):
        namespace = getattr(module, "__dict__", None)
        if isinstance(namespace, dict) and namespace.get("_omp") is runtime:
            found.append((name, namespace))
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
    """The shared objects of a region about to run with arguments ``call``."""
    deep = icv().deep_check
    replica = Replica(array_limit=1 << 62, deep=True) if deep else Replica()
    depths = region.watch
    for name, value in call.items():
        depth = DEEP if deep else max(depths.get(name, 0), READ_ONLY_DEPTH)
        replica.watch_root(value, depth, name)
    for name, namespace in translated_modules():
        label = "" if name == "__main__" else f"{name}."
        effects = namespace.get("_omp_effects")
        if not isinstance(effects, dict):
            effects = {REBINDS: 1}  # an older translation: assume the worst
        depth = DEEP if deep else MODULE_DEPTH
        private = private_globals.names_in(namespace)
        replica.watch_namespace(
            namespace, depth, label, rebinds=REBINDS in effects, private=private
        )
        if effects:
            for variable, depth in effects.items():
                if variable in namespace and variable not in private:
                    value = namespace[variable]
                    replica.watch(value, depth, label + variable)
                    token = replica.token_of(value)
                    if token is not None:
                        replica.always.append(token)
    for array, _ in replica.frozen:
        staged.freeze(array)
    return replica


def explain_read_only(error: BaseException, replica: Replica) -> None:
    """Add a note to numpy's "assignment destination is read-only" when the array is
    one the region froze (too large to compare, not in shared memory)."""
    if not replica.frozen or not isinstance(error, ValueError) or "read-only" not in str(error):
        return
    labels = ", ".join(label for _, label in replica.frozen[:3])
    error.add_note(
        f"omppy: {labels} {'is a numpy array' if len(replica.frozen) == 1 else 'are numpy arrays'}"
        " outside shared memory, too large to compare between threads (more than "
        f"{replica.array_limit >> 20} MiB), so the region made it read-only rather than "
        "lose the writes of all threads but one. Allocate it with omppy.shared (shared.zeros, "
        "shared.empty, shared.array), or hand it to the region as a name of its own, which "
        "puts it in shared memory for the region"
    )
