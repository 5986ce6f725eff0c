"""What the translator knows of code it cannot see: Python's and libraries' functions
and methods that only read, those that change only their receiver, the special
methods Python runs on its own.

The effects analysis (``effects.py``) and the synchronisation blocks' analysis
(``sync_blocks.py``) read these tables; anything not named here, and not defined in
the module, is code whose effects are unknown (``effects.UNKNOWN``).
"""

from __future__ import annotations

import builtins

# Methods that mutate a list, dict, set or deque in place: called on a shared object
# outside a synchronisation construct, their effect could not be carried back
# (analysis.py records each call: ``Usage.mutations``).
MUTATING_METHODS = frozenset(
    {
        "append",
        "extend",
        "insert",
        "remove",
        "pop",
        "clear",
        "update",
        "add",
        "discard",
        "setdefault",
        "popitem",
        "appendleft",
        "extendleft",
        "popleft",
        "difference_update",
        "intersection_update",
        "symmetric_difference_update",
    }
)

# Methods that change their receiver (and only it): lists, dicts, sets, deques,
# bytearrays, numpy arrays (the ones above, and these).
CONTAINER_METHODS = MUTATING_METHODS | frozenset(
    {
        "rotate",
        "sort",
        "reverse",
        "__setitem__",
        "__delitem__",
        "__iadd__",
        "fill",
        "put",
        "itemset",
        "resize",
        "partition",
        "setflags",
        "move_to_end",
        "subtract",
    }
)
# Methods that read their receiver and change nothing.
READING_METHODS = frozenset(
    {
        "get",
        "keys",
        "values",
        "items",
        "copy",
        "count",
        "index",
        "find",
        "rfind",
        "startswith",
        "endswith",
        "split",
        "rsplit",
        "splitlines",
        "join",
        "strip",
        "lstrip",
        "rstrip",
        "lower",
        "upper",
        "title",
        "capitalize",
        "replace",
        "format",
        "format_map",
        "encode",
        "decode",
        "isdigit",
        "isalpha",
        "isalnum",
        "isspace",
        "islower",
        "isupper",
        "sum",
        "mean",
        "max",
        "min",
        "std",
        "var",
        "argmax",
        "argmin",
        "all",
        "any",
        "dot",
        "tolist",
        "tobytes",
        "astype",
        "most_common",
        "elements",
        "total",
        "issubset",
        "issuperset",
        "union",
        "intersection",
        "difference",
        "symmetric_difference",
        "isdisjoint",
        "__len__",
        "__contains__",
        "__getitem__",
        "__iter__",
        "conjugate",
        "item",
        "nonzero",
        "cumsum",
        "cumprod",
        "prod",
        "round",
        "searchsorted",
        "argsort",
        "bit_length",
        "hex",
        "fromkeys",
        "__eq__",
        "__hash__",
        "__repr__",
        "__str__",
        "read_only",
    }
)
# Builtins that only read their arguments (or iterate them once).
READING_FUNCTIONS = frozenset(
    {
        "len",
        "sum",
        "min",
        "max",
        "sorted",
        "list",
        "tuple",
        "set",
        "frozenset",
        "dict",
        "print",
        "str",
        "repr",
        "int",
        "float",
        "complex",
        "bool",
        "abs",
        "round",
        "isinstance",
        "issubclass",
        "hash",
        "id",
        "type",
        "enumerate",
        "zip",
        "reversed",
        "range",
        "any",
        "all",
        "format",
        "iter",
        "divmod",
        "pow",
        "ord",
        "chr",
        "bin",
        "hex",
        "oct",
        "hasattr",
        "callable",
        "ascii",
        "bytes",
        "bytearray",
        "memoryview",
    }
)
# Functions of modules (``np.dot``, ``math.fsum``) that only read their arguments,
# unless an ``out=`` argument says where to write.  Functions that may return a view
# of their argument (``np.asarray``, ``reshape``, ``ravel``) are not among them: a
# write through the view writes the argument.
READING_MODULE_FUNCTIONS = frozenset(
    {
        "sum", "mean", "average", "median", "std", "var", "min", "max", "amin", "amax",
        "argmin", "argmax", "ptp", "dot", "vdot", "inner", "outer", "matmul", "tensordot",
        "einsum", "trace", "norm", "det", "inv", "solve", "eig", "eigh", "svd", "qr",
        "sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "arcsin", "arccos",
        "arctan", "arctan2", "sinh", "cosh", "tanh", "abs", "absolute", "sign", "floor",
        "ceil", "round", "rint", "clip", "maximum", "minimum", "add", "subtract",
        "multiply", "divide", "true_divide", "floor_divide", "power", "mod", "remainder",
        "square", "hypot", "isnan", "isinf", "isfinite", "isclose", "allclose",
        "array_equal", "array", "copy", "concatenate", "stack", "vstack",
        "hstack", "dstack", "column_stack", "where", "nonzero", "count_nonzero", "unique",
        "sort", "argsort", "cumsum", "cumprod", "prod", "diff", "gradient", "convolve",
        "correlate", "histogram", "bincount", "digitize", "searchsorted", "percentile",
        "quantile", "any", "all", "logical_and", "logical_or", "logical_not", "reshape",
        "roll", "tile", "repeat", "linspace", "arange",
        "zeros_like", "ones_like", "empty_like", "full_like", "fsum", "dist",
        "comb", "perm", "isqrt", "gcd", "lcm", "append", "insert", "delete", "fmean",
        "stdev", "pstdev", "variance", "pvariance", "geometric_mean", "harmonic_mean",
        "median_low", "median_high", "median_grouped", "mode", "multimode", "quantiles",
        # the clocks of ``time`` (a timed block can still say what it changes)
        "perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "process_time",
        "process_time_ns", "thread_time", "thread_time_ns",
    }
) | frozenset(
    # numpy's ufuncs (numpy 2.4: every name of ``dir(numpy)`` that is a ``numpy.ufunc``)
    # and the functions of math and cmath: they read their arguments and write only an
    # ``out=`` one.  ``np.log1p(x)`` missing from the table made a slice ``x`` of a big
    # array count as written, so the array was staged (benchmarks/data.py, slices-work).
    {
        "acos", "acosh", "arccosh", "arcsinh", "arctanh", "asin", "asinh", "atan",
        "atan2", "atanh", "bitwise_and", "bitwise_count", "bitwise_invert",
        "bitwise_left_shift", "bitwise_not", "bitwise_or", "bitwise_right_shift",
        "bitwise_xor", "cbrt", "conj", "conjugate", "copysign", "deg2rad", "degrees",
        "divmod", "equal", "exp2", "expm1", "fabs", "float_power", "fmax", "fmin", "fmod",
        "frexp", "greater", "greater_equal", "heaviside", "invert", "isnat", "ldexp",
        "left_shift", "less", "less_equal", "log1p", "logaddexp", "logaddexp2",
        "logical_xor", "matvec", "negative", "nextafter", "not_equal", "positive", "pow",
        "rad2deg", "radians", "reciprocal", "right_shift", "signbit", "spacing", "trunc",
        "vecdot", "vecmat", "erf", "erfc", "factorial", "gamma", "lgamma", "phase",
        "polar", "rect", "ulp",
    }
)
# Builtins whose result holds the argument's items (a loop over it aliases them).
ITEM_VIEWS = frozenset({"enumerate", "zip", "reversed", "sorted", "list", "tuple", "iter"})
ITEM_METHODS = frozenset({"values", "items"})
# Methods that return one item of their receiver (``d.get(k)``, ``d.setdefault(k, [])``,
# ``queue.pop()``): a name bound to the result is an alias of that item.
ITEM_RETURNING = frozenset({"get", "setdefault", "pop", "popleft", "__getitem__"})
# Builtins that hand back one item of the collection they are given
# (``min(buckets, key=len)``, ``next(iter(d.values()))``): what is done to the result is
# done to an item of that collection's owner.
ITEM_PICKING = frozenset({"next", "min", "max"})
# Builtins and methods whose result holds the same items as their argument or receiver,
# not wrapped in tuples (``list(d.values())[k]`` is an item of ``d``).
SAME_ITEMS = frozenset({"reversed", "sorted", "list", "tuple", "iter"})
SAME_ITEMS_METHODS = frozenset({"values"})
BUILTINS = frozenset(dir(builtins))

# In-place operators: ``x += y`` runs ``x.__iadd__(y)``, which may change ``x``.
IN_PLACE_METHODS = (
    "__iadd__",
    "__isub__",
    "__imul__",
    "__imatmul__",
    "__itruediv__",
    "__ifloordiv__",
    "__imod__",
    "__ipow__",
    "__ilshift__",
    "__irshift__",
    "__iand__",
    "__ixor__",
    "__ior__",
)

# Special methods that only build or compare: one a block runs implicitly cannot
# change anything (see SyncBlocks.has_implicit_hooks).
PURE_SPECIAL = frozenset(
    {
        "__init__",
        "__new__",
        "__post_init__",
        "__init_subclass__",
        "__class_getitem__",
        "__repr__",
        "__str__",
        "__format__",
        "__hash__",
        "__eq__",
        "__ne__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
        "__bool__",
        "__len__",
        "__reduce__",
        "__reduce_ex__",
        "__getstate__",
        "__setstate__",
        "__copy__",
        "__deepcopy__",
    }
)
