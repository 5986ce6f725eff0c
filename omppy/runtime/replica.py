"""The shared objects of a team, as one process holds them.

Every thread of a team is a process with its own copy of the program's objects.
A :class:`Replica` is one process's record of the objects the team shares:

- **Tokens**: every shared object has a token that names it in every process.  An
  object that existed when the team forked is named by its ``id`` (``fork`` keeps
  addresses), and the replica holds a reference to it so that the ``id`` stays its
  own.  An object a thread creates later and hands to the team (``out[i] = [..]``,
  ``frontier, nxt = nxt, []`` in a ``single``) is named by where it first appeared:
  ``(token of its container, place)``, the same in the process that made it and in
  every process that received it.
- **Watched containers** have a :class:`~omppy.runtime.shadow.Shadow`, the state the
  team agrees on.  :meth:`changes` compares each with its live object; the result
  travels pickled with :meth:`dumps`, where shared objects go by token (so a thread's
  ``x, y = y, x`` swaps the receiving process's own objects) and everything else by
  value (the pickling is in ``wire.py``).

What is watched, and how deep, is decided when the team forks (``team.py`` builds
the replica from the region's shared names, the globals of translated modules and
the translator's watch list): the replica itself only keeps the records.

One idea: the :class:`Replica`, one process's record of what its team shares (what
is watched and how deep, the tokens, the changes found and applied); it is one class
of about 500 lines whose parts share its tables, so it stays whole.
"""

from __future__ import annotations

import enum
import io
import operator
import pickle
import types
from collections import deque
from collections.abc import Iterator, Sized
from typing import Any

from . import masked, packing, wire
from .buffers import too_large_to_compare
from .deepnet import DeepNet
from .errors import OmpError
from .netprint import fingerprint, unchanged
from .objects import (
    ATTRIBUTE_LEVELS,
    IMMUTABLE,
    CannotCarry,
    Shadow,
    attribute_dicts,
    caches_on_read,
    children,
    holds_caching_objects,
    is_array,
    is_opaque,
    misread_methods,
    slot_names,
    stores_through_hooks,
)
from .opaque import uncomparable
from .shadow import _ATTRIBUTE_KINDS as ATTRIBUTE_KINDS
from .shadow import _POINTERS_FROM as POINTERS_FROM
from .shadow import _SMALL_DICT as SMALL_DICT
from .shadow import (
    AttributeShadow,
    CellShadow,
    ClassShadow,
    DictShadow,
    ListShadow,
    NamespaceShadow,
    _instance_dict,
    shadow_for,
)
from .streams import LABEL, SharedStream
from .wire import (
    ATOMIC,
    PLAIN,
    Parcel,
    _all_atomic,
    _packed,
    _TokenPickler,
    _TokenUnpickler,
    _unpacked,
)

# A module's globals that watch_namespace passes over at once (docs/benchmarks.md,
# session 8): the net and watch() would record nothing for them (numbers and strings;
# classes, modules and built-in functions are opaque; a function without a closure too).
_PASSED = frozenset({*ATOMIC, type, types.ModuleType, types.BuiltinFunctionType})
LANES = True  # watch()'s lanes for plain objects and short lists (False: tests compare)

# Globals of a translated module no code of the region was found to change are still
# compared (a cheap net for what the analysis cannot see), up to these sizes.
NET_ITEMS = 10_000
CLOSURE_DEPTH = 3  # levels watched below a closure variable (see _watch_function)
# Levels watched below an object whose method the translator took for a container's
# (objects.misread_methods): what the method's body reaches (``self.by_kind[k][s]``).
UNSEEN_DEPTH = 4
NET_ARRAY_BYTES = 1 << 20
# What to do about a change the net caught (check_net): one text for its three errors.
_WATCH_ADVICE = (
    "Run the program with 'omppy run --check' (OMPPY_CHECK=1), which compares "
    "everything, or change it through its own name in the region's code (or in a "
    "function of a translated module) so that omppy watches it"
)

Token = Any  # an int (an object the team had when it forked) or a tuple (see above)
Change = tuple[Any, ...]
Changes = list[tuple[Token, Change]]

class Replica:
    """One process's view of the objects its team shares (see the module docstring)."""

    def __init__(self, array_limit: int = 16 << 20, deep: bool = False) -> None:
        # Arrays outside shared memory larger than this are not compared (a copy of
        # each would be taken per region); see watch.py.  ``deep``: OMPPY_CHECK=1.
        self.array_limit = array_limit
        self.deep = deep
        self.objects: dict[Token, Any] = {}
        self.tokens: dict[int, Token] = {}  # id(object) -> token
        self.shadows: dict[Token, Shadow] = {}
        self.depths: dict[Token, int] = {}  # levels watched below each known object
        # How a message names each object: ``out[3]``, ``self.x`` (see render_label).
        self.labels: dict[Token, Label] = {}
        self.below: dict[Token, list[int]] = {}  # ids of the watched objects each holds
        # Compared whenever a synchronisation block ends, whatever it touched: the
        # module namespaces themselves (a rebound global), and the globals the
        # translator says functions change, with what they hold.
        self.namespaces: list[Token] = []
        # Dicts whose new keys are put in the order of the iterations that added them
        # (coherence.py): the shared names' and the globals' own dicts.
        self.ordered_dicts: list[Token] = []
        # Arrays outside shared memory too large to compare: read-only for the region
        # (a write is an error, see team.py), with the label of each.
        self.frozen: list[tuple[Any, str]] = []
        # Objects whose state omppy can neither compare nor carry (a bz2 compressor,
        # a C library's handle) met where the region may change them, with the label
        # of each: the region refuses to start (watch.py) rather than lose a change.
        self.uncompared: list[tuple[Any, str]] = []
        self.unwatched: set[Token] = set()  # big objects left out of the net
        # The lengths of the big lists, dicts and sets left out: a thread that changes
        # one's length (an append, a new key) is an error, not a loss (check_net).
        self.net_lengths: dict[Token, int] = {}
        # The same as two lists (the containers, their lengths), made at the first
        # check: at a block's exit the lengths are compared in C (check_net).
        self._net_pairs: tuple[list[Any], list[int]] | None = None
        # And their fingerprints (netprint.py): a store that keeps the length.
        self.net_prints: dict[Token, Any] = {}
        # The items of the lists and sets among them, held for the region: their
        # prints are addresses, which a freed item would give to a new object.
        self.net_held: list[tuple[Any, ...]] = []
        # And the program's containers below what is compared (deepnet.py).
        self.deep_net: DeepNet | None = None
        self.always: list[Token] = []
        # The module of the region's code (watch.py; None: not known), and whether an
        # object of a class of another module runs code the translator took for a
        # container's method (``store.put(k, v)``): then the region needs the deep net.
        self.own_module: str | None = None
        self.unseen = False
        # While the globals of a module without pragmas are walked (watch_namespace's
        # ``deeper``): they are watched deep already, and the translator took no call
        # on them for a container's (a call through an imported name runs another
        # module's code: effects.py), so an object there with a ``replace`` of its own
        # (a pathlib.Path) does not make the region take the deep net.
        self._plain_walk = False
        self.stream: SharedStream | None = None  # random's generator (streams.py)
        # Set by the region when it staged arrays (sharedmem.StagedArrays.stand_in):
        # ``(container, step, array)`` -> what the container should hold for the
        # region.  An array that shares memory with a staged one (``box["a"]``, a
        # view kept in an attribute) is swapped for its view of the staged copy,
        # so that writes and reads through it meet every thread's; one that cannot
        # be swapped is made read-only (``aliases``).
        self.stand_in: Any = None
        self.aliases: list[tuple[Any, str]] = []
        self._pickler: _TokenPickler | None = None
        self._buffer = io.BytesIO()

    # -- what is shared ---------------------------------------------------------------

    def watch(self, value: Any, depth: int, label: Label, token: Token = None) -> None:
        """Share ``value`` and what it holds, ``depth`` levels of containers down.

        ``depth`` 1 watches the container itself (its items, keys or attributes);
        2 also the containers it holds, and so on.  A tuple is looked through: it
        cannot change, and what it holds is watched as deep as the tuple would be.
        """
        queue: deque[tuple[Any, Token, int, Label]] = deque()
        queue.append((value, id(value) if token is None else token, depth, label))
        # The tables, bound once: a region may watch 10,000 objects here.
        tokens, depths, objects, labels = self.tokens, self.depths, self.objects, self.labels
        shadows, below_of = self.shadows, self.below
        own_module, stand_in = self.own_module, self.stand_in
        misread = not self._plain_walk and own_module is not None
        # Per class: whether its objects take the lane below (every test of the
        # generic path decided by the class, and decided "plain object").
        lanes: dict[type, bool] = {}
        fast = LANES and stand_in is None
        while queue:
            value, token, depth, label = queue.popleft()
            kind = type(value)
            if kind is _Alike:
                items = value.items
                if not self._watch_alike(items, token, depth, label, lanes, queue):
                    # Their turn, in the order the usual way queues them.
                    queue.extendleft(
                        (items[step], (token, step), depth, (label, step))
                        for step in reversed(range(len(items)))
                    )
                continue
            if fast and id(value) not in tokens:
                # Two lanes for what a region changing 10,000 objects watches (their
                # objects, their short lists): what the generic path below does for
                # them, its tests made once per class (docs/benchmarks.md, session 8).
                if kind is list and depth == 1:
                    if not value or not holds_caching_objects(value, own_module):
                        objects[token] = value
                        tokens[id(value)] = token
                        labels[token] = label
                        depths[token] = 1
                        if token not in shadows:
                            shadows[token] = ListShadow(value)
                        continue
                elif depth > 0 and kind is not list and kind is not dict:
                    lane = lanes.get(kind)
                    if lane is None:
                        lane = lanes[kind] = self._lane(value, misread)
                    state = _instance_dict(value) if lane else None
                    if state is not None:
                        objects[token] = value
                        tokens[id(value)] = token
                        labels[token] = label
                        depths[token] = depth
                        if token not in shadows:
                            shadows[token] = AttributeShadow(value, state)
                        if depth < 2:
                            continue
                        below = below_of.setdefault(token, [])
                        for name, child in state.items():
                            if type(child) in ATOMIC or isinstance(child, IMMUTABLE):
                                continue
                            below.append(id(child))
                            attr = ("attr", name)
                            queue.append((child, (token, attr), depth - 1, (label, attr)))
                        continue
            if kind is tuple:
                for step, child in enumerate(value):
                    if type(child) not in ATOMIC:
                        queue.append((child, (token, step), depth, (label, step)))
                continue
            known = tokens.get(id(value))
            if known is not None:
                if depths.get(known, 0) >= depth:
                    continue
                token = known  # watched deeper now than when it was first met
            elif (
                kind in ATOMIC
                or isinstance(value, IMMUTABLE)
                or (is_opaque(value) and kind is not types.GeneratorType)
            ):
                if kind is types.FunctionType and value.__closure__ and depth > 0:
                    # A closure made at run time and kept in a container (a list of
                    # accumulators): its variables are data the region may change.
                    self._watch_function(value, depth, label)
                elif kind is types.MethodType and depth > 0:
                    self._watch_bound_method(value, label)
                continue
            else:
                objects[token] = value
                tokens[id(value)] = token
                labels[token] = label
                if kind.__module__ != "builtins":
                    if depth < CLOSURE_DEPTH and caches_on_read(kind):
                        # Reading it runs the program's code that changes it (a lazy
                        # table's ``__getitem__`` filling ``self.cache``): the
                        # translator saw a read, so it is watched a few levels down
                        # and compared by every block that runs the program's code,
                        # like a closure.
                        depth = CLOSURE_DEPTH
                        self.always.append(token)
                    elif 0 < depth < CLOSURE_DEPTH and stores_through_hooks(kind):
                        # A store into it runs its class's code (``UserList.__setitem__``
                        # storing into ``self.data``): watched as deep as that reaches.
                        depth = CLOSURE_DEPTH
                    if (
                        0 < depth < UNSEEN_DEPTH
                        and misread
                        and misread_methods(kind, own_module)  # type: ignore[arg-type]
                    ):
                        # ``store.put(k, v)`` with a ``put`` of another module: the
                        # translator saw a container's method, one level deep; its
                        # body may reach further (and beyond that, the deep net looks).
                        depth = UNSEEN_DEPTH
                        self.always.append(token)
                        self.unseen = True
            if depth == 1 and holds_caching_objects(value, own_module):
                depth = 2  # its items are met (and watched as such objects are)
            depths[token] = depth
            if depth < 1:
                continue
            if token not in shadows:
                if stand_in is not None and stand_in(None, None, value) is None:
                    # Memory of a staged array, in a place the replica could not swap
                    # (a tuple, a set, a class attribute): it would write and read
                    # the old memory, so a write is an error instead (watch.py).
                    self.aliases.append((value, render_label(label)))
                    continue
                shadow = shadow_for(value, self.array_limit, self.deep)
                if shadow is not None:
                    shadows[token] = shadow
                elif too_large_to_compare(value, self.array_limit):
                    self.frozen.append((value, render_label(label)))
                elif type(value).__module__ != "numpy" and uncomparable(value):
                    self.uncompared.append((value, render_label(label)))
            if kind is not list and kind is not dict and isinstance(value, (list, dict)):
                # A list or dict subclass with attributes of its own (``class
                # Path(list)`` with ``self.cost``): its shadow compares the items; the
                # attributes live in its ``__dict__``, watched beside it, as deep.
                state = getattr(value, "__dict__", None)
                if type(state) is dict and state and id(state) not in tokens:
                    below_of.setdefault(token, []).append(id(state))
                    where = (label, ("attr", "__dict__"))
                    queue.append((state, (token, "__dict__"), depth, where))
            if depth < 2:
                continue
            below = below_of.setdefault(token, [])
            if kind is list and _atomic_items(value):
                continue  # numbers and strings: nothing below to watch
            swapped = False
            if kind is list and fast and _alike(value):
                # Objects of one class: queued as one entry, watched in bulk when it
                # is their turn (Replica._watch_alike), else one by one from there.
                below.extend(map(id, value))
                queue.append((_Alike(value), token, depth - 1, label))
                continue
            if kind is list:
                held: Any = enumerate(value)
            elif kind is dict:
                held = value.items()
            elif _is_plain(value):  # its __dict__, as children() gives it
                state = getattr(value, "__dict__", None)
                held = _attributes(state) if isinstance(state, dict) else ()
            else:
                held = children(value)
            for step, child in held:
                if type(child) in ATOMIC or isinstance(child, IMMUTABLE) or step is None:
                    continue
                if stand_in is not None:
                    replacement = stand_in(value, step, child)
                    if replacement is not None and replacement is not child:
                        child, swapped = replacement, True
                below.append(id(child))
                queue.append((child, (token, step), depth - 1, (label, step)))
            if swapped and token in shadows:
                # The container's agreed state holds the stand-ins, not the originals.
                shadow = shadow_for(value, self.array_limit, self.deep)
                if shadow is not None:
                    shadows[token] = shadow

    def _watch_alike(
        self,
        value: list[Any],
        token: Token,
        depth: int,
        label: Label,
        lanes: dict[type, bool],
        queue: deque[tuple[Any, Token, int, Label]],
    ) -> bool:
        """Watch the items of ``value`` (the items of a list, queued as one entry by
        :meth:`watch`, ``depth`` levels each, now that it is their turn) in bulk when
        they are objects of a class taking :meth:`watch`'s lane for plain objects, none
        met before: each gets the token, label, depth and shadow the lane would give it
        as it met them one after the other, with the tables filled in C (a region
        changing 5,000 objects watches them: docs/benchmarks.md, session 9), and what
        each holds is queued as the lane queues it.  False (nothing done): the items go
        the usual way."""
        kind = type(value[0])
        lane = lanes.get(kind)
        if lane is None:
            misread = not self._plain_walk and self.own_module is not None
            lane = lanes[kind] = self._lane(value[0], misread)
        if not lane:
            return False
        tokens = self.tokens
        ids = list(map(id, value))
        if len(set(ids)) != len(ids) or not tokens.keys().isdisjoint(ids):
            return False  # an object twice, or met before: one at a time
        try:
            states = list(map(vars, value))
        except TypeError:
            return False
        if not _one_kind(states) or type(states[0]) is not dict:
            return False
        places = [(token, step) for step in range(len(value))]
        shadows = self.shadows
        if not shadows.keys().isdisjoint(places):
            return False
        below = depth
        tokens.update(zip(ids, places, strict=True))
        self.objects.update(zip(places, value, strict=True))
        names = [(label, step) for step in range(len(value))]
        self.labels.update(zip(places, names, strict=True))
        self.depths.update(dict.fromkeys(places, below))
        shadows.update(zip(places, map(AttributeShadow, value, states), strict=True))
        if below < 2:
            return True
        below_of = self.below
        for place, name, state in zip(places, names, states, strict=True):
            held = below_of.setdefault(place, [])
            for attribute, child in state.items():
                if type(child) in ATOMIC or isinstance(child, IMMUTABLE):
                    continue
                held.append(id(child))
                attr = ("attr", attribute)
                queue.append((child, (place, attr), below - 1, (name, attr)))
        return True

    def _lane(self, value: Any, misread: bool) -> bool:
        """Whether ``value``'s class takes :meth:`watch`'s lane for plain objects: a
        class of the program whose objects :func:`shadow_for` compares by their
        ``__dict__`` (``ATTRIBUTE_KINDS``, decided for an earlier object of it), that
        runs none of the program's code on a read or a store, and none of another
        module's under a container method's name: at any depth, the generic path
        would neither change the depth nor compare it at every block."""
        kind = type(value)
        return (
            kind in ATTRIBUTE_KINDS
            and kind.__module__ != "builtins"
            and _is_plain(value)
            and not caches_on_read(kind)
            and not stores_through_hooks(kind)
            and not (misread and misread_methods(kind, self.own_module))  # type: ignore[arg-type]
        )

    def watch_root(self, value: Any, depth: int, label: str) -> None:
        """Share a name's value (a region's shared name, a module global)."""
        self.watch(value, depth, label)
        self._order_dict(value)
        if depth > 1 and not isinstance(value, dict) and type(value).__module__ != "builtins":
            # An object of the program's class: the dicts its attributes hold
            # (``self.counts[w] += 1`` in a method's region; ``self.stats.counts``,
            # objects a few attributes down) get new keys in order too.
            for held in attribute_dicts(value, min(depth - 1, ATTRIBUTE_LEVELS)):
                self._order_dict(held)

    def _order_dict(self, value: Any) -> None:
        """Put the new keys of ``value``, if a watched dict, in iteration order."""
        if isinstance(value, dict) and len(self.ordered_dicts) < 64:
            token = self.tokens.get(id(value))
            if token is not None and token in self.shadows and token not in self.ordered_dicts:
                self.ordered_dicts.append(token)

    def watch_namespace(
        self,
        namespace: dict[str, Any],
        depth: int,
        prefix: str,
        rebinds: bool = True,
        private: frozenset[str] = frozenset(),
        deeper: int = 0,
    ) -> None:
        """Share a module's globals: the namespace (rebinding a global is a change of
        it) and, ``depth - 1`` levels down, the containers it holds.  ``rebinds``:
        functions of the module rebind globals (``global x``), so every block compares
        the namespace.  ``private``: threadprivate globals, each thread's own, left out
        (private_globals.py).  ``deeper``: the levels for a global whose items hold
        few items in all (a module without pragmas, whose functions' effects no one
        worked out: a registry ``seen.setdefault(k, []).append(v)``)."""
        self._plain_walk = deeper > 0
        try:
            self.watch(namespace, 1, f"the globals of {prefix.rstrip('.') or '__main__'}")
            token = self.tokens[id(namespace)]
            if type(self.shadows.get(token)) is DictShadow:
                self.shadows[token] = NamespaceShadow(namespace, private)
            if rebinds:
                self.namespaces.append(token)
            module = namespace.get("__name__")
            for name, value in list(namespace.items()):
                if name.startswith(("__", "_omp")) or name in private:
                    continue
                kind = type(value)
                if kind is types.FunctionType:
                    if value.__module__ == module and _holds_data(value):
                        self._watch_function(value, depth, prefix + name)
                elif isinstance(value, type) and getattr(value, "__module__", None) == module:
                    self._watch_class(value, depth, prefix + name)
                if kind in _PASSED or (kind is types.FunctionType and not value.__closure__):
                    continue  # what the net and watch() pass over: code, modules, numbers
                if self._beyond_the_net(value, prefix + name):
                    continue
                levels = depth - 1
                if deeper > levels and _few_below(value, deeper):
                    levels = deeper
                self.watch_root(value, levels, prefix + name)
        finally:
            self._plain_walk = False

    def _beyond_the_net(self, value: Any, label: str) -> bool:
        """A big object that no code of the region was found to change (a global, or
        a shared name only read): not compared at every synchronisation point, which
        would cost the region in proportion to its size.  A big array is made read-only
        for the region instead, so that a write the translator did not see is an
        error rather than lost; a big list, dict or set is left alone."""
        if self.deep:
            return False
        known = self.tokens.get(id(value))
        if known is not None:
            return known in self.unwatched  # left out already (or watched: go on)
        if isinstance(value, (list, dict, set, deque, bytearray)):
            if len(value) <= NET_ITEMS:
                return False
            self.net_lengths[id(value)] = len(value)
            self._net_pairs = None
            self.net_prints[id(value)] = fingerprint(value, self.net_held)
        elif too_large_to_compare(value, NET_ARRAY_BYTES):
            self.frozen.append((value, label))
        else:
            return False
        # Known by its token (so a value that refers to it travels by reference),
        # with no shadow: never compared.
        self.tokens[id(value)] = id(value)
        self.objects[id(value)] = value
        self.labels[id(value)] = label
        self.depths[id(value)] = 0
        self.unwatched.add(id(value))
        return True

    def watch_stream(self, stream: SharedStream) -> None:
        """Share the state of ``random``'s generator (streams.py), compared at every
        block.  (Watched by hand: objects of omppy's own are never watched.)"""
        token = id(stream)
        self.objects[token] = stream
        self.tokens[token] = token
        self.labels[token] = LABEL
        self.depths[token] = 1
        self.shadows[token] = AttributeShadow(stream)
        self.always.append(token)
        self.stream = stream

    def check_net(self, who: str, contents: bool = False) -> None:
        """Raise :class:`OmpError` if ``who`` changed the length of a big container
        the net leaves out (see ``_beyond_the_net``), or with ``contents`` (at a
        barrier and the region's end) anything in it (netprint.py): the change would
        stay in this process."""
        if not contents:
            if not self.net_lengths:
                return  # (most regions: nothing beyond the net)
            # A block's exit (2,000 of them in a loop calling a helper with a
            # critical: docs/benchmarks.md, session 11): every length at once, in C;
            # a change goes on to the loop below, which names it.
            pairs = self._net_pairs
            if pairs is None:
                objects = self.objects
                pairs = self._net_pairs = (
                    [objects[token] for token in self.net_lengths],
                    list(self.net_lengths.values()),
                )
            if list(map(len, pairs[0])) == pairs[1]:
                return
        if contents and self.deep_net is not None:
            label = self.deep_net.changed(self._compared)
            if label is not None:
                raise OmpError(
                    f"{who} changed {label} through a path omppy does not follow (deeper "
                    "than the translator found the region's code changes it), so the "
                    "change would be lost. "
                    + _WATCH_ADVICE
                )
        objects = self.objects
        prints = self.net_prints
        for token, length in self.net_lengths.items():
            now = len(objects[token])
            if now == length and contents and not unchanged(objects[token], prints[token]):
                raise OmpError(
                    f"{who} changed {self.label_of(token)} (a "
                    f"{type(objects[token]).__name__} of {length:,} items) through a path "
                    "omppy does not follow, and omppy does not compare it between threads: "
                    f"it is larger than {NET_ITEMS:,} items and the translator found no "
                    "code of the region that changes it, so the change would be lost. "
                    + _WATCH_ADVICE
                )
            if now != length:
                raise OmpError(
                    f"{who} changed the length of {self.label_of(token)} (a "
                    f"{type(objects[token]).__name__} of {length:,} items, now {now:,}), "
                    "which omppy does not compare between threads: it is larger than "
                    f"{NET_ITEMS:,} items and the translator found no code of the region "
                    "that changes it, so the change would be lost. "
                    + _WATCH_ADVICE
                )

    def take_deep_net(self, roots: list[tuple[Any, str]], program_modules: frozenset[str]) -> None:
        """Fingerprint the program's containers below what this replica compares
        (deepnet.py), from ``roots``: the shared names and the modules' globals.  The
        net is kept even when empty: what threads hand the team below what is
        compared joins it (``_adopt_values``)."""
        shadows = self.shadows
        watched = {key: token for key, token in self.tokens.items() if token in shadows}
        net = DeepNet()
        net.take(roots, watched, program_modules)
        self.deep_net = net

    def _compared(self, value: Any) -> bool:
        token = self.tokens.get(id(value))
        return token is not None and token in self.shadows

    def watch_net(self, value: Any, label: str) -> None:
        """A shared name the region was found only to read: compared one level down
        (its own items) as a net for what the analysis cannot see, when that is
        cheap (see ``_beyond_the_net``)."""
        if not self._beyond_the_net(value, label):
            known = len(self.uncompared)
            self.watch_root(value, 1, label)
            del self.uncompared[known:]  # only read: nothing of it to lose (watch.py)

    def watch_class(self, cls: type, depth: int, label: str) -> None:
        """A class of the program that a region is handed (see ``_watch_class``)."""
        self._watch_class(cls, depth, label)

    def _watch_class(self, cls: type, depth: int, label: str) -> None:
        """A class of a translated module: its attributes (a class-level registry or
        counter), and the defaults and closures of its methods."""
        if id(cls) not in self.tokens:
            self.objects[id(cls)] = cls
            self.tokens[id(cls)] = id(cls)
            self.labels[id(cls)] = label
            self.shadows[id(cls)] = ClassShadow(cls)
            self.depths[id(cls)] = 1
        below = self.below.setdefault(id(cls), [])
        enum_class = isinstance(cls, enum.EnumMeta)
        for name, value in list(vars(cls).items()):
            if name.startswith("__") and name.endswith("__"):
                continue
            if enum_class and name.startswith("_") and name.endswith("_"):
                # The enum machinery's caches (``_value2member_map_`` gains
                # ``Perm.READ | Perm.WRITE`` when a thread first makes it): each
                # process fills its own, as python would have filled one.
                continue
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if isinstance(value, types.FunctionType):
                self._watch_function(value, depth, f"{label}.{name}")
            else:
                levels = depth - 1
                if hasattr(type(value), "__set__") and not is_opaque(value):
                    # A data descriptor of the program's own: a store into any instance
                    # runs its ``__set__``, which may keep state (an audit log) that the
                    # region's analysis never sees; a few levels down, like a closure.
                    levels = max(levels, CLOSURE_DEPTH)
                    self.watch(value, levels, f"{label}.{name}")
                    token = self.tokens.get(id(value))
                    if token is not None:
                        self.always.append(token)  # compared by every block
                else:
                    self.watch(value, levels, f"{label}.{name}")
                    # a class-level dict (``Event.kinds[k] = ...``): as a global's
                    self._order_dict(value)
                below.append(id(value))  # a block that touches the class compares it

    def watch_function(self, function: types.FunctionType, depth: int, label: str) -> None:
        """A function the region is handed (a nested helper): its closure and
        defaults, as for a function of a translated module."""
        self._watch_function(function, depth, label)

    def _watch_function(self, function: types.FunctionType, depth: int, label: str) -> None:
        """A function's mutable defaults (``def f(x, cache={})``) and the variables of
        its closure (a memo dict of a decorator): caches that live with the code."""
        for value in (*(function.__defaults__ or ()), *(function.__kwdefaults__ or {}).values()):
            self.watch(value, depth - 1, f"a default of {label}")
            self._order_dict(value)  # (a memo ``cache={}``: keys in iteration order)
        attributes = function.__dict__
        if attributes and any(not name.startswith("__") for name in attributes):
            # The function's own attributes (a decorator's ``wrapper.calls += 1``, a
            # ``fib.memo`` dict): data that lives with the code, changed by calls the
            # region's analysis does not follow; compared by every block, like a
            # closure's variables.
            self.watch(attributes, max(depth - 1, CLOSURE_DEPTH), f"{label}.__dict__")
            for value in attributes.values():
                self._order_dict(value)  # (``f.seen[k] = True``: keys in iteration order)
            token = self.tokens.get(id(attributes))
            if token is not None and token not in self.always:
                self.always.append(token)
        cells = function.__closure__ or ()
        for variable, cell in zip(function.__code__.co_freevars, cells, strict=False):
            if id(cell) not in self.tokens:
                self.objects[id(cell)] = cell
                self.tokens[id(cell)] = id(cell)
                self.labels[id(cell)] = f"{variable} (a variable of {label}'s closure)"
                self.shadows[id(cell)] = CellShadow(cell)
                self.depths[id(cell)] = 1
                # A ``nonlocal`` rebound inside a synchronisation block (an orphaned
                # ``atomic`` in a nested helper): compared at every block, cheaply.
                self.always.append(id(cell))
            try:
                contents = cell.cell_contents
            except ValueError:
                continue
            if isinstance(contents, types.FunctionType):
                continue  # the decorated function itself: no data
            # What a closure holds is reached only through the function, whose effects
            # the region's analysis does not see: a few levels down (a dict of lists),
            # unless it is big.
            below = depth - 1
            if not (isinstance(contents, Sized) and len(contents) > NET_ITEMS):
                below = max(below, CLOSURE_DEPTH)
            self.watch(contents, below, f"{variable} in {label}'s closure")
            self._order_dict(contents)  # (a dict the helper fills: keys in iteration order)
            token = self.tokens.get(id(contents))
            if token is not None and below >= CLOSURE_DEPTH and token not in self.always:
                # A decorator's memo dict filled by a call under critical: the block
                # publishes it (the region's analysis does not see into closures).
                self.always.append(token)

    def _watch_bound_method(self, method: types.MethodType, label: Label) -> None:
        """A bound method kept in a container (a dispatch table ``{"even": acc.add}``):
        calling it changes its object, which the region's analysis does not see; the
        object is watched a few levels down and compared by every block, as a
        closure's variables are."""
        owner = method.__self__
        if isinstance(owner, IMMUTABLE) or is_opaque(owner) or _shell_machinery(owner):
            return
        self.watch(owner, CLOSURE_DEPTH, f"{render_label(label)}.__self__")
        token = self.tokens.get(id(owner))
        if token is not None and token not in self.always:
            self.always.append(token)

    def token_of(self, value: Any) -> Token | None:
        return self.tokens.get(id(value))

    def label_of(self, token: Token) -> str:
        label = self.labels.get(token)
        return "a shared object" if label is None else render_label(label)

    # -- changes ------------------------------------------------------------------------

    def changes(self, packed: bool = False, kept: bool = False) -> Changes:
        """What this process changed in every watched container since it last agreed.

        ``packed``: the changes are only to be sent (a worker's last part): a list's
        runs of numbers come as machine words; ``kept``: only to be checked (the
        master's last part): a list's runs are views of it (``masked.list_change``)."""
        found: Changes = []
        objects = self.objects
        is_, attributes = operator.is_, object.__getattribute__
        shadows: dict[Token, Any] = self.shadows  # (each tested by its exact class below)
        for token, shadow in shadows.items():
            kind = type(shadow)
            # Objects and short lists, tested here as their diff tests them, without
            # its call (a region watching 5,000 objects and their lists compares
            # 10,000: docs/benchmarks.md, sessions 9 and 10): unchanged, and the
            # commonest changes (new values of the same attributes, an append to a
            # short list), found as their diff finds them.
            if kind is AttributeShadow:
                if shadow.slots is None:  # (no class with slots can become one without)
                    live = objects[token]
                    try:
                        state = attributes(live, "__dict__")
                    except AttributeError:
                        state = None
                    keys = shadow.keys
                    if (
                        type(state) is dict
                        and len(state) == len(keys)
                        and len(keys) <= SMALL_DICT
                        and all(map(is_, state, keys))
                    ):
                        values = shadow.values
                        if all(map(is_, state.values(), values)):
                            continue
                        sets = [
                            (key, value)
                            for key, value, old in zip(keys, state.values(), values, strict=True)
                            if value is not old
                        ]
                        found.append((token, ("A", sets, [])))
                        continue
            elif kind is ListShadow:
                live = objects[token]
                if shadow.pointers is None and type(live) is list:
                    items = shadow.items
                    n = len(items)
                    if len(live) == n and all(map(is_, live, items)):
                        continue
                    if len(live) > n and n < POINTERS_FROM and all(map(is_, items, live)):
                        found.append((token, ("S", n, n, live[n:])))  # appended to
                        continue
                if packed or kept:
                    change = shadow.diff(live, packed=packed, kept=kept)
                    if change is not None:
                        found.append((token, change))
                    continue
            change = shadow.diff(objects[token])
            if change is not None:
                found.append((token, change))
        return found

    def changes_under(self, values: list[Any], closed: bool = False) -> Changes:
        """What this process changed in ``values``, the containers they hold (as deep
        as they are watched) and the containers compared at every block (``always``).

        ``closed``: no function of the program ran (the translator says so), so
        neither a module namespace nor what functions change (``always``) can have
        changed, only ``values``: they alone are compared (a module among them by its
        namespace: ``config.rate = r``).
        """
        if self.unseen:
            # An object runs a method of another module that the translator took for
            # a container's (``m.get(k)`` filling ``m.table``): what a block names
            # says nothing of what it changes; everything is compared.
            return self.changes()
        objects, shadows = self.objects, self.shadows
        found: Changes = []
        tokens = self.tokens
        pending = []
        if tuple in map(type, values):  # (a critical's few names: seldom a tuple)
            values = list(_through_tuples(values))
        for value in values:
            token = tokens.get(id(value))
            if token is None and type(value) is types.ModuleType:
                token = tokens.get(id(value.__dict__))
            if token is not None:
                pending.append(token)
        if closed:
            if not pending:
                return found  # only numbers and strings (``count += 1``)
            if len(pending) == 1 and not self.below.get(pending[0]):
                # One container holding nothing watched (a critical's ``found.append(v)``,
                # compared at each of 2,000 exits: docs/benchmarks.md, session 9): the
                # loop below would compare it alone.
                token = pending[0]
                shadow = shadows.get(token)
                if shadow is not None:
                    change = shadow.diff(objects[token])
                    if change is not None:
                        found.append((token, change))
                return found
            done: set[Any] = set()
        else:
            for token in self.namespaces:
                change = shadows[token].diff(objects[token])
                if change is not None:
                    found.append((token, change))
            done = set(self.namespaces)
            pending.extend(self.always)
        while pending:
            token = pending.pop()
            if token in done:
                continue
            done.add(token)
            shadow = shadows.get(token)
            if shadow is not None:
                change = shadow.diff(objects[token])
                if change is not None:
                    found.append((token, change))
            for child in self.below.get(token, ()):
                below = tokens.get(child)
                if below is not None:
                    pending.append(below)
        return found

    def changes_of(self, token: Token) -> Change | None:
        shadow = self.shadows.get(token)
        return None if shadow is None else shadow.diff(self.objects[token])

    def settle(self, changes: Changes, event: Any) -> None:
        """This process's own ``changes`` were handed to the team (at ``event``, which
        every process names the same way): they are agreed now."""
        for token, change in changes:
            if change[0] == "D" and not change[1] and not change[2]:
                continue  # a block's key order alone (coherence._UNCHANGED)
            shadow = self.shadows[token]
            if type(shadow) is ListShadow:
                shadow.settle(self.objects[token], change)
            else:
                shadow.retake(self.objects[token])
            self._adopt_values(token, change, event)
        wire.forget()

    def apply(self, changes: Changes, event: Any, last: bool = False) -> None:
        """Apply another process's ``changes``, handed over at ``event``.

        ``last``: a thread's changes at the region's end, applied by the master
        after every check: nothing compares the shadows again, and no later change
        can name an object these put in place, so a list's shadow is left as it is
        and the new objects are not adopted (a pass over every value put)."""
        if last:
            changes = self._apply_last(changes)
        for token, change in changes:
            if change[0] == "D" and not change[1] and not change[2]:
                continue  # a block's key order alone (coherence._UNCHANGED)
            live = self.objects.get(token)
            shadow = self.shadows.get(token)
            if live is None or shadow is None:
                raise OmpError(
                    "omppy lost track of a shared object between two processes of a team "
                    f"({self.label_of(token)}); please report this as a bug"
                )
            try:
                shadow.apply(live, change)
            except CannotCarry as error:
                raise OmpError(
                    f"another thread changed {self.label_of(token)} (a {error}), and omppy "
                    "cannot carry changes to objects of that type between threads: it can "
                    "only compare them, not give them a new state. Change it outside the "
                    "parallel region: collect what the threads would feed it in a list "
                    "(in order, with '# omp ordered' if the order matters) and apply that "
                    "after the region; or keep the data it holds in lists, dicts, objects "
                    "or numpy arrays"
                ) from None
            self._adopt_values(token, change, event)
        wire.forget()

    def _apply_last(self, changes: Changes) -> Changes:
        """Apply the list changes of ``changes`` to the live lists alone (see
        :meth:`apply`); the others are left for the usual way."""
        rest: Changes = []
        objects, shadows = self.objects, self.shadows
        for token, change in changes:
            shadow = shadows.get(token)
            live = objects.get(token)
            if type(shadow) is ListShadow and live is not None:
                shadow.apply_last(live, change)
            else:
                rest.append((token, change))
        return rest

    def adopt(self, value: Any, token: Token, depth: int, label: str) -> None:
        """A value a thread handed to the team (a published name, a reduction's result)
        is shared from now on, under ``token`` in every process."""
        if type(value) in ATOMIC or isinstance(value, IMMUTABLE):
            return
        self.watch(value, depth, label, token)

    def _adopt_values(self, token: Token, change: Change, event: Any) -> None:
        """New objects that ``change`` put into a watched container are shared now,
        named by the event and their place (the same in every process; a place
        alone is not enough, the next event may put another new object there)."""
        depth = self.depths.get(token, 1) - 1
        if depth < 0:
            return
        if change[0] in "LMS" and _all_atomic(change):
            return  # numbers and strings put into a list: nothing to share (the usual case)
        label = self.labels.get(token, "")
        below = self.below.setdefault(token, [])
        for step, value in _placed_values(change):
            if type(value) in ATOMIC or id(value) in self.tokens:
                continue
            if isinstance(value, IMMUTABLE) or is_opaque(value):
                continue
            below.append(id(value))
            self.watch(value, depth, (label, step), (event, token, step))
            if depth and isinstance(value, dict) and token in self.ordered_dicts:
                # A dict put into a tracked dict (``tree.setdefault(a, {})[b] = i``):
                # its keys too come from several threads' blocks.
                self._order_dict(value)
            if depth == 0 and self.deep_net is not None:
                # Not compared: a later change of it (by code the translator could not
                # follow) is an error at the next barrier, not a loss (deepnet.py).
                self.deep_net.adopt(value, _Rendered((label, step)))

    # -- pickling ----------------------------------------------------------------------

    def dumps(self, payload: Any) -> bytes:
        """``payload`` pickled, shared objects by token (see :meth:`loads`)."""
        pickler = self._pickler
        if pickler is None:
            self._buffer = io.BytesIO()
            pickler = self._pickler = _TokenPickler(self._buffer, self.tokens)
        buffer = self._buffer
        try:
            pickler.dump(payload)
            return buffer.getvalue()
        except (pickle.PicklingError, AttributeError, TypeError) as error:
            return self._dumps_with_functions(payload, error)
        finally:
            pickler.clear_memo()  # one pickler for every payload: each stands alone
            buffer.seek(0)
            buffer.truncate()

    def _dumps_with_functions(
        self, payload: Any, error: Exception, buffer_callback: Any = None
    ) -> bytes:
        """``payload`` pickled with the functions made in the region that plain pickle
        cannot name (a lambda or closure stored in a shared list or dict) as their
        code's key (``taskcode.FunctionPickler``); ``error`` again if that fails too."""
        from .taskcode import CannotTravel, FunctionPickler  # taskcode imports replica

        out = io.BytesIO()
        try:
            FunctionPickler(out, self.tokens, buffer_callback).dump(payload)
        except (CannotTravel, pickle.PicklingError, AttributeError, TypeError):
            raise error from None  # what plain pickle said (cannot_hand names it)
        return out.getvalue()

    def loads(self, data: bytes) -> Any:
        return _TokenUnpickler(io.BytesIO(data), self.objects).load()

    def dump_changes(self, changes: Changes, *rest: Any) -> bytes:
        """``(changes, *rest)`` pickled; list changes that put only numbers and strings
        are pickled apart by the plain pickler, all in C: the token pickler asks
        ``persistent_id`` (a Python call) about every value it meets."""
        return self.dumps(([(token, _packed(change)) for token, change in changes], *rest))

    def dump_last(self, changes: Changes) -> bytes | Parcel:
        """A worker's last part, :meth:`dump_changes` with its machine words
        (``pickle.PickleBuffer``, ``masked.list_change``) out of the pickle: a
        :class:`wire.Parcel` then."""
        buffers: list[Any] = []
        out = io.BytesIO()
        payload = ([(token, _packed(change)) for token, change in changes],)
        try:
            _TokenPickler(out, self.tokens, buffers.append).dump(payload)
            data = out.getvalue()
        except (pickle.PicklingError, AttributeError, TypeError) as error:
            buffers.clear()
            data = self._dumps_with_functions(payload, error, buffers.append)
        return Parcel(data, buffers) if buffers else data

    def cannot_hand(self, error: Exception, changes: Changes, rest: tuple[Any, ...]) -> OmpError:
        """The error for a payload of :meth:`dump_changes` that cannot be pickled
        (an object pickle cannot take, a weakref dictionary), naming what fails."""
        what = "what this thread changed"
        names = next((part for part in rest if isinstance(part, dict)), {})
        for name, value in names.items():
            if not _picklable(self, value):
                what = f"the value of '{name}' (a {type(value).__name__})"
                if _is_lock(value):
                    maker = {"OmpLock": "omp_init_lock", "OmpNestLock": "omp_init_nest_lock"}
                    made = maker.get(type(value).__name__, "...")
                    return OmpError(
                        f"{what} cannot be handed between omppy's threads, which are "
                        f"processes: a lock made inside the region by one thread "
                        f"cannot reach the others. Make the lock before the region "
                        f"('{name} = {made}()' before '# omp parallel'): every "
                        "thread then has it from the start"
                    )
                break
        else:
            for token, change in changes:
                if not _picklable(self, _packed(change)):
                    what = f"a change to {self.label_of(token)}"
                    break
        text = str(error)
        if "Can't pickle <class" in text or "Can't pickle local object" in text:
            # pickle names a class by its module and qualified name: one defined in a
            # function (a namedtuple or dataclass made in main()) has no such name
            return OmpError(
                f"{what} cannot be handed between omppy's threads, which are processes: "
                f"pickling it failed ({error}). An instance of a class defined inside a "
                "function (or such a function, where omppy cannot find its code) cannot "
                "be pickled: define it at module level"
            )
        if names and what.startswith("the value of '"):
            # A name bound in a synchronisation block is shared (docs/data-sharing.md):
            # ``with open(p, "a") as f:`` under critical hands ``f`` to every thread.
            return OmpError(
                f"{what}, bound in a synchronisation block and so shared by the team, "
                f"cannot be handed between omppy's threads, which are processes: "
                f"pickling it failed ({error}). To keep '{name}' each thread's own, bind "
                f"it in the region outside the block too ('{name} = None' before the "
                "block), or keep objects that cannot be pickled (a file, a lock, a "
                "weakref dictionary) out of the names the block binds"
            )
        return OmpError(
            f"{what} cannot be handed between omppy's threads, which are processes: "
            f"pickling it failed ({error}). Keep objects that cannot be pickled (a "
            "weakref dictionary, a lock, a file) out of what the threads "
            "change or bind in synchronisation blocks: keep the shared data in lists, "
            "dicts, objects of your classes or numpy arrays"
        )

    def load_changes(self, data: bytes | Parcel) -> tuple[Any, ...]:
        if type(data) is Parcel:
            unpickler = _TokenUnpickler(io.BytesIO(data.data), self.objects, data.buffers)
            changes, *rest = unpickler.load()
            return ([(token, _unpacked(change, kept=True)) for token, change in changes], *rest)
        assert not isinstance(data, Parcel)
        if data[:1] == PLAIN:
            return pickle.loads(memoryview(data)[1:])
        changes, *rest = self.loads(data)
        return ([(token, _unpacked(change)) for token, change in changes], *rest)


def _atomic_items(value: list[Any]) -> bool:
    """Whether a list holds only numbers and strings (``wire.ATOMIC``): a long one's
    types read in bulk off the items' memory (``packing.examine``: 4 ms for a million
    floats where a type per item in C takes 11, and 86 once they are shuffled)."""
    if len(value) >= packing.MIN_VALUES:
        read = packing.examine(value, False)
        if read is not None:
            return read[0] != "o"
    return ATOMIC.issuperset(map(type, value))


def _is_lock(value: Any) -> bool:
    """An OpenMP lock, or a lock of ``threading`` or ``multiprocessing``."""
    kind = type(value)
    module = getattr(kind, "__module__", "") or ""
    return (module.startswith("omppy.runtime.locks") and kind.__name__.endswith("Lock")) or (
        kind.__name__ in ("lock", "RLock", "Lock", "Semaphore", "BoundedSemaphore")
        and module.partition(".")[0] in ("_thread", "threading", "multiprocessing")
    )


def _few_below(value: Any, levels: int) -> bool:
    """Whether ``value`` (a list, dict or deque) and what it holds, ``levels`` levels
    of containers down, hold at most ``NET_ITEMS`` items in all (comparing them at
    every block is cheap).  Asked of every global of a module without pragmas at every
    region, so a level is counted by lengths, in C where its containers allow
    (``_counted``), before its items are gathered: a "no" (5,000 objects of two
    attributes each) costs no Python call per object."""
    if not isinstance(value, (list, dict, deque)):
        return False
    total = 0
    layer = [value]
    kinds: set[type] | None = None  # the classes of ``layer``'s items, when known
    for _ in range(levels):
        counted = _counted(layer, NET_ITEMS - total, kinds)
        kinds = None
        if counted is None:  # containers children() must look into, one by one
            below: list[Any] = []
            for container in layer:
                items = _held(container)
                total += len(items)
                if total > NET_ITEMS:
                    return False
                below += _non_leaves(items)[0]
            layer = below
            continue
        total += counted
        if total > NET_ITEMS:
            return False
        if len(layer) == 1:
            # (the classes found here are those the next count asks for: one pass
            # over 5,000 objects fewer, docs/benchmarks.md, session 11)
            layer, kinds = _non_leaves(_held(layer[0]))
        else:
            layer = [
                c
                for container in layer
                for c in _held(container)
                if type(c) not in ATOMIC and not isinstance(c, IMMUTABLE)
            ]
    return True


_ALIKE = 64  # items: a shorter list's objects are watched one at a time


def _alike(items: list[Any]) -> bool:
    """Whether ``items`` are at least ``_ALIKE`` objects of one class that
    :meth:`Replica.watch` would queue (not numbers, strings or other immutable
    values) and may give its lane for plain objects (not lists or dicts)."""
    if len(items) < _ALIKE or not _one_kind(items):
        return False
    kind = type(items[0])
    return not (
        kind is list or kind is dict or kind in ATOMIC or isinstance(items[0], IMMUTABLE)
    )


def _one_kind(items: list[Any]) -> bool:
    """Whether every item of ``items`` (not empty) is of the first one's very class."""
    return len(set(map(type, items))) == 1


class _Alike:
    """The items of a list, queued as one entry by :meth:`Replica.watch`."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]) -> None:
        self.items = items


def _non_leaves(items: Any) -> tuple[list[Any], set[type] | None]:
    """The items that are not numbers or strings (what the walk goes below), taken
    whole, in C, when no such item is among them; and then their classes (else
    None)."""
    kinds = set(map(type, items))
    if not any(kind in ATOMIC or issubclass(kind, IMMUTABLE) for kind in kinds):
        return list(items), kinds
    return [c for c in items if type(c) not in ATOMIC and not isinstance(c, IMMUTABLE)], None


_SIZED = frozenset({list, tuple, dict})


def _counted(
    layer: list[Any], budget: int | None = None, kinds: set[type] | None = None
) -> int | None:
    """How many items the containers of ``layer`` hold (what ``children`` would yield),
    when each is a list, tuple, dict or plain object (``_held``): their lengths, or
    their ``__dict__``'s, summed in C.  None: another kind is among them.  With
    ``budget``: a count above it may stop early (at a count still above it).
    ``kinds``: the classes of ``layer``'s items, when the caller found them."""
    if kinds is None:
        kinds = set(map(type, layer))
    if kinds <= _SIZED:
        return sum(map(len, layer))
    for kind in kinds:
        if kind not in _SIZED and not _PLAIN_OBJECTS.get(kind):
            example = next(c for c in layer if type(c) is kind)
            if not _is_plain(example):
                return None
    if kinds.isdisjoint(_SIZED):
        plain = layer
        total = 0
    else:
        plain = [c for c in layer if type(c) not in _SIZED]
        total = sum(len(c) for c in layer if type(c) in _SIZED)
    try:
        if budget is None or len(plain) <= _COUNT_CHUNK:
            return total + sum(map(len, map(vars, plain)))
        # A chunk at a time, until the count passes ``budget``: 5,000 objects of two
        # attributes are "more than 5,000" after 2,500 (docs/benchmarks.md, session 8).
        # The item-by-item count would have passed it there too.
        for start in range(0, len(plain), _COUNT_CHUNK):
            total += sum(map(len, map(vars, plain[start : start + _COUNT_CHUNK])))
            if total > budget:
                break
        return total
    except TypeError:  # an object with no __dict__ (``object()``): holds nothing
        return None


_COUNT_CHUNK = 512


def _held(container: Any) -> Any:
    """What ``objects.children`` yields for ``container``, without the steps: a list,
    a tuple, a dict's values, a plain object's attributes taken as they are."""
    kind = type(container)
    if kind is list or kind is tuple:
        return container
    if kind is dict:
        return container.values()
    if _is_plain(container):
        state = getattr(container, "__dict__", None)
        return state.values() if isinstance(state, dict) else ()
    return [child for _, child in children(container)]


def _is_plain(value: Any) -> bool:
    """Whether ``value``'s class makes ``children`` give its ``__dict__`` alone (no
    container base, slots, array, opaque kind or ``__getattribute__`` of its own)."""
    kind = type(value)
    plain = _PLAIN_OBJECTS.get(kind)
    if plain is None:
        plain = (
            kind.__getattribute__ is object.__getattribute__
            and not issubclass(kind, (list, tuple, deque, dict, set, frozenset, str, bytes))
            and not issubclass(kind, bytearray)
            and not is_array(value)
            and not is_opaque(value)
            and not slot_names(kind)
        )
        if len(_PLAIN_OBJECTS) < 4096:
            _PLAIN_OBJECTS[kind] = plain
    return plain


def _attributes(state: dict[str, Any]) -> list[tuple[Any, Any]]:
    """``(("attr", name), value)`` for an object's ``__dict__``, as ``children``."""
    return [(("attr", name), item) for name, item in state.items()]


# Per class: whether its objects hold only their ``__dict__``'s values (``_held``).
_PLAIN_OBJECTS: dict[type, bool] = {}


def _picklable(replica: Replica, value: Any) -> bool:
    try:
        replica.dumps(value)
    except Exception:
        return False
    return True


def _holds_data(function: types.FunctionType) -> bool:
    """Whether a function has defaults, attributes or a closure (Replica._watch_function
    looks at them; most of a module's functions have none)."""
    return bool(
        function.__defaults__
        or function.__kwdefaults__
        or function.__dict__
        or function.__closure__
    )


def _through_tuples(values: list[Any]) -> Iterator[Any]:
    """``values``, with what tuples hold in place of the tuples (a tuple is looked
    through when it is watched: it has no token, its items have)."""
    stack = list(values)
    while stack:
        value = stack.pop()
        if type(value) is tuple:
            stack.extend(value)
        else:
            yield value


class _Rendered:
    """A replica label where the deep net wants a string: rendered only for a message."""

    __slots__ = ("label",)

    def __init__(self, label: Any) -> None:
        self.label = label

    def __str__(self) -> str:
        return render_label(self.label)


# A name for messages: a string, or ``(parent label, step)`` for what a watched
# object holds, made into a string only when a message needs it (a walk over many
# objects would otherwise format a string for each).
Label = Any


def render_label(label: Label) -> str:
    """``grid[3].cells['a']`` for ``((("grid", 3), ("attr", "cells")), "a")``."""
    steps = []
    while isinstance(label, tuple):
        label, step = label
        steps.append(step)
    text = str(label)
    for step in reversed(steps):
        if isinstance(step, tuple) and len(step) == 2 and step[0] == "attr":
            text = f"{text}.{step[1]}"
        else:
            text = f"{text}[{step!r}]"
    return text


def _placed_values(change: Change) -> Iterator[tuple[Any, Any]]:
    """``(place, value)`` for each value ``change`` puts into its container."""
    kind = change[0]
    if kind == "L":
        for start, values in change[1]:
            for offset, value in enumerate(values):
                yield start + offset, value
    elif kind == "M":
        yield from masked.placed(change)
    elif kind == "S":
        for offset, value in enumerate(change[3]):
            yield change[1] + offset, value
    elif kind == "D":
        yield from change[1]
    elif kind == "A":
        for key, value in change[1]:
            yield ("attr", key[1] if isinstance(key, tuple) else key), value
    elif kind == "Q":
        yield from enumerate(change[1])
    elif kind == "C":
        yield "cell", change[1]


def _shell_machinery(owner: Any) -> bool:
    """The notebook's shell (``get_ipython`` in every cell's namespace is its bound
    method): each thread's shell changes on its own as it runs a cell (its display
    hook, its execution count), which is not the program's data (as its output
    history is not: shadow._interpreter_name)."""
    return type(owner).__module__.startswith(("IPython.", "ipykernel."))

