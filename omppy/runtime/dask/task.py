"""What a Dask worker runs: one task of a region, on a fresh copy of its inputs.

``run_chunk`` unpickles the region (a new copy for every task: each starts from the
master's state, whatever ran before in this worker), watches its roots as the
master does (``payload.py``), runs the body as thread ``num`` on the task's
iterations, and returns one pickled report: the changes to the roots (shared
objects by token), reduction partials, lastprivate values, the names the region
binds, the workshare's results, what the body printed, or its exception with the
traceback at the user's lines.
"""

from __future__ import annotations

import io
import pickle
import sys
from typing import Any

from .. import backend, declared, failures, state
from ..errors import OmpError
from ..forked import reseed
from ..region import Region
from ..tracebacks import strip_internal
from ..unbound import UNBOUND
from ..where import location
from ..wire import _packed
from . import payload
from .context import TaskContext
from .plan import Span
from .scan import refusal


def run_chunk(job: bytes, num: int, spans: list[Span] | None) -> bytes:
    """Run one task of a region (see the module docstring); never raises for the
    body's own failures: they travel in the report."""
    work = pickle.loads(job)
    region: Region = work["region"]
    replica = payload.build_replica(work["roots"])
    payload.align(replica, work["shadowed"])
    me = TaskContext(work["size"], num, spans)
    report: dict[str, Any] = {}
    out, err = io.StringIO(), io.StringIO()
    streams = sys.stdout, sys.stderr
    run = backend._run
    stack = state.own_stack()
    stack.append(me)
    backend._run = _refuse_nested
    sys.stdout, sys.stderr = out, err
    try:
        declared._declared.clear()
        declared._declared.update(work["declared"])
        reseed(num, work["seeds"])
        arguments = region.arguments(
            region.args, in_master=False, shared=lambda v: replica.token_of(v) is not None
        )
        values = region.body(me, **arguments) or {}
        report = {
            "changes": [(token, _packed(change)) for token, change in replica.changes()],
            "partials": region.partials(values),
            "last": region.last_values(values, me.did_last),
            "bound": {
                name: values[name]
                for name in region.shared
                if name in values and values[name] is not UNBOUND
            },
            "workshare": me.workshare_results,
        }
    except BaseException as exc:
        _explain_read_only(exc)
        report = {"error": _pack_exception(exc)}
    finally:
        sys.stdout, sys.stderr = streams
        backend._run = run
        stack.pop()
    report["out"], report["err"] = out.getvalue(), err.getvalue()
    try:
        return payload.dumps(report, replica)
    except Exception as exc:
        problem = OmpError(
            f"thread {num} could not send its results to the master "
            f"({type(exc).__name__}: {exc}); reduction and lastprivate values, and what "
            "the loop stores in shared objects, must be picklable"
        )
        failed = {"error": failures.pack_exception(problem), "out": report["out"],
                  "err": report["err"]}
        return payload.dumps(failed)


def _pack_exception(exc: BaseException) -> bytes:
    """``failures.pack_exception``, the exception pickled by cloudpickle: a class of
    the script (rebuilt here by value) is the master's own class again there."""
    import traceback

    text = "".join(traceback.format_exception(strip_internal(exc)))
    try:
        data = payload.dumps(exc)
        back = pickle.loads(data)
        if type(back) is type(exc) and str(back) == str(exc):
            return pickle.dumps(("pickled", data, text))
    except Exception:
        pass
    try:  # a constructor that pickle cannot call again: rebuilt without calling it
        state = dict(getattr(exc, "__dict__", {}))
        return pickle.dumps(("rebuilt", payload.dumps((type(exc), exc.args, state)), text))
    except Exception:
        return failures.pack_exception(exc)


def _refuse_nested(*args: Any, **kwargs: Any) -> Any:
    raise OmpError(refusal("parallel (nested)", location(2)))


def _explain_read_only(error: BaseException) -> None:
    if isinstance(error, ValueError) and "read-only" in str(error):
        error.add_note(
            "omppy: on the dask backend a numpy array that the translator found only "
            "read in the region is read-only in its tasks; write it through a name the "
            "region's code stores into, or run the region on the fork backend"
        )
