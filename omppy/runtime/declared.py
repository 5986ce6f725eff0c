"""User-defined reductions: ``declare reduction`` and reductions by a function.

``# omp declare reduction(merge : dict, Counter : omp_out.update(omp_in))
initializer(type(omp_orig)())`` registers, under its name, a combiner and an
initializer (the translator turns their Python expressions into functions); a
``reduction(merge: x)`` clause then finds the declaration whose types match the
type of ``x`` (``isinstance``, the newest declaration first).  ``reduction(math.gcd:
g)`` reduces by a function of two arguments (:class:`ByFunction`).

- The combiner is called as ``combine(omp_out, omp_in)``; its value is the combined
  value, except ``None``, which means the combiner changed ``omp_out`` in place
  (``omp_out.update(omp_in)``).
- Each thread's copy starts from the initializer's value, given the original
  (``omp_orig``), or without an initializer from ``type(x)()``: ``0``, ``[]``,
  ``{}``..., zeros of the shape and dtype for a numpy array, as OpenMP
  zero-initializes it.  That default is checked once: combining
  it with the original must give the original back (``operator.mul`` on ints fails:
  ``0 * x`` is not ``x``), or the reduction would quietly compute something else.
- The partial results are combined in thread order into the original, as the
  built-in operators are (reduction.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from .errors import OmpError

Combiner = Callable[[Any, Any], Any]
Initializer = Callable[[Any], Any]


class UserReduction:
    """One ``declare reduction``, or a reduction by a function."""

    def __init__(
        self,
        name: str,
        types: tuple[type, ...],
        combiner: Combiner,
        initializer: Initializer | None,
        described: str,
    ) -> None:
        self.name = name
        self.types = types
        self.combiner = combiner
        self.initializer = initializer
        self.described = described  # how messages show it

    def combine_two(self, out: Any, value: Any) -> Any:
        result = self.combiner(out, value)
        return out if result is None else result

    def identity(self, original: Any) -> Any:
        """The value a thread's private copy starts from."""
        if self.initializer is not None:
            return self.initializer(original)
        kind = type(original)
        try:
            start = _zero(original)
        except Exception as error:
            raise OmpError(
                f"{self.described}: a thread's copy of the variable would start from "
                f"{kind.__name__}(), which fails ({type(error).__name__}: {error}); give "
                "the reduction an initializer: '# omp declare reduction(name : "
                f"{kind.__name__} : ...) initializer(omp_priv = ...)'"
            ) from None
        self._check_identity(start, original)
        return start

    def _check_identity(self, start: Any, original: Any) -> None:
        """Combining the default start with the original must give the original."""
        try:
            combined = self.combine_two(_fresh(start, original), original)
            same = _equal(combined, original)
        except Exception:
            return  # cannot tell: the combine itself will report a real problem
        if same is False:
            kind = type(original).__name__
            raise OmpError(
                f"{self.described}: a thread's copy of the variable would start from "
                f"{kind}() = {start!r}, which is not a neutral value of this reduction: "
                f"combined with the original {_short(original)} it gives "
                f"{_short(combined)}. Give the reduction the value to start from: "
                f"'# omp declare reduction(name : {kind} : ...) initializer(...)'"
            )

    def combine(self, original: Any, partials: list[Any]) -> Any:
        """The threads' partial results folded, in thread order, into the original."""
        result = original
        for partial in partials:
            result = self.combine_two(result, partial)
        return result


def _zero(original: Any) -> Any:
    """The zero-initialised value of ``original``'s type, as OpenMP starts a private
    copy without an initializer: ``type(x)()``, or zeros of a numpy array's shape and
    dtype (``ndarray()`` has no shape)."""
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(original, numpy.ndarray):
        return numpy.zeros_like(original)
    return type(original)()


def _fresh(start: Any, original: Any) -> Any:
    """A new copy of the default start, for the check (the combiner may change it)."""
    try:
        return _zero(original)
    except Exception:
        return start


def _equal(a: Any, b: Any) -> bool | None:
    """``a == b`` as a truth value, or None when it has none (numpy arrays compared
    element-wise)."""
    numpy = sys.modules.get("numpy")
    if numpy is not None and (isinstance(a, numpy.ndarray) or isinstance(b, numpy.ndarray)):
        return bool(numpy.array_equal(a, b))
    try:
        return bool(a == b)
    except Exception:
        return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_declared: dict[str, list[UserReduction]] = {}
_by_function: dict[int, tuple[Any, UserReduction]] = {}


def declare_reduction(
    name: str, types: tuple[Any, ...], combiner: Combiner, initializer: Initializer | None
) -> None:
    """``# omp declare reduction(name : types : combiner) initializer(...)``."""
    for kind in types:
        if not isinstance(kind, type):
            raise OmpError(
                f"'# omp declare reduction({name} : ...)': {kind!r} is not a type; list "
                "the types of the variables it reduces (int, list, MyClass...), or 'object' "
                "for any"
            )
    shown = ", ".join(k.__name__ for k in types)
    found = UserReduction(name, tuple(types), combiner, initializer, f"reduction({name}: ...)")
    found.described = f"reduction({name}: ...) (declared for {shown})"
    declarations = _declared.setdefault(name, [])
    # A later declaration for the same types replaces the earlier one.
    declarations[:] = [d for d in declarations if d.types != found.types]
    declarations.append(found)


def lookup(name: str, original: Any) -> UserReduction:
    """The declaration of ``name`` for the type of ``original``."""
    declarations = _declared.get(name)
    if not declarations:
        raise OmpError(
            f"reduction({name}: ...): no '# omp declare reduction({name} : ...)' has run "
            "yet; the declaration must run before the construct that uses it"
        )
    for declaration in reversed(declarations):
        if isinstance(original, declaration.types):
            return declaration
    kinds = ", ".join(sorted({k.__name__ for d in declarations for k in d.types}))
    raise OmpError(
        f"reduction({name}: ...) on a {type(original).__name__}: '{name}' is declared for "
        f"{kinds} only"
    )


def reduce_with(function: Any, text: str) -> UserReduction:
    """``reduction(math.gcd: g)``: a reduction by a function of two arguments."""
    if not callable(function):
        raise OmpError(
            f"reduction({text}: ...): '{text}' is {_short(function)}, not a function of two "
            "arguments nor a name from '# omp declare reduction'"
        )
    known = _by_function.get(id(function))
    if known is not None and known[0] is function:
        return known[1]
    reduction = UserReduction(text, (object,), function, None, f"reduction({text}: ...)")
    _by_function[id(function)] = (function, reduction)
    return reduction


def resolve(op: Any, original: Any) -> UserReduction:
    """The user reduction that ``op`` (a declared name, or a :class:`UserReduction`)
    stands for, for the type of ``original``."""
    if isinstance(op, UserReduction):
        return op
    if not str(op).isidentifier():  # not a name a 'declare reduction' can give
        raise ValueError(f"unknown reduction operator '{op}'")
    return lookup(str(op), original)
