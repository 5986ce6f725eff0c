"""``parallel()`` on the dask backend: refuse or plan, send, gather, apply.

See the package docstring for the data flow.  The master runs no part of the loop
itself: every iteration runs in a task, and the master applies the tasks' changes
in task order (iteration order for a ``parallel for``) after checking that no two
tasks changed one place (a data race, refused as on the fork backend).  A failed
task fails the region and nothing of it is applied.  Dask re-runs the task of a
worker that died (the body runs again for those iterations: docs/cluster.md).
"""

from __future__ import annotations

import itertools
import os
import sys
import uuid
from typing import Any

from .. import conflict, declared, failures, private_globals, state
from ..errors import OmpError
from ..firstfailure import Failure, first_failure
from ..forked import seeds_for_team
from ..forkjoin import run_alone
from ..reduction import combine
from ..region import Region, TeamRequest
from ..schedule import is_sequence, iteration_space, resolve
from ..team import requested_team_size
from ..wire import _unpacked
from ..workshare import CONDITIONAL
from . import connect, payload, plan, scan
from .task import run_chunk

SCATTER_BYTES = 256 << 10  # a region's pickle from this size on travels once (scatter)
_serial = itertools.count(1)
_session = uuid.uuid4().hex[:8]


class _Probe(Exception):
    """Raised by the probe's ``loop``: the loop's items and schedule."""


class _ProbeContext:
    """Thread 0 of a ``parallel for`` just long enough to see its loop call: the
    translator's combined body calls ``_omp_t.loop`` before anything else runs."""

    def loop(self, items: Any, kind: Any = None, chunk: Any = None, *rest: Any,
             **options: Any) -> Any:
        raise _Probe(items, kind, chunk)

    def chunks(self, share: Any) -> Any:
        # ``_omp_t.chunks(_omp_t.loop(...))``: Python looks the method up before it
        # calls ``loop``, so the probe needs it, though it is never called.
        return (share,)


def parallel(region: Region, request: TeamRequest) -> dict[str, Any]:
    """Run ``region`` as tasks on the cluster (``backend.parallel`` says what the
    clauses mean).  ``payload.py`` ships every global: no ``module_watch`` here."""
    region = region.replace(module_watch=None)
    body = region.body
    parent = state.current()
    filename = body.__code__.co_filename
    shape = scan.shape_of(body)
    if request.if_ and parent.team is None:
        scan.refuse(shape, filename)
        if request.copyin:
            raise OmpError(scan.refusal("parallel copyin", f"{filename}:{_line(body)}"))
        if any(name.startswith(CONDITIONAL) for name in region.reduction):
            # Not tried on a cluster yet: refused rather than guessed.
            where = f"{filename}:{_line(body)}"
            raise OmpError(scan.refusal("for lastprivate(conditional: ...)", where))
        if private_globals.names_in(getattr(body, "__globals__", {})):
            # Each thread's copy lives in its process between regions: a task's dies.
            raise OmpError(scan.refusal("threadprivate", f"{filename}:{_line(body)}"))
    if not request.if_ or parent.team is not None:
        return run_alone(region, parent)
    size = _team_size(request.num_threads, request.if_)
    if size == 1:
        return run_alone(region, parent)
    if shape.combined:
        items, kind, chunk = _probe(region)
        kind, chunk = resolve(kind, chunk)
        tasks: list[plan.Task] = list(plan.loop_tasks(len(items), kind, chunk, size))
    else:
        tasks = [(num, None) for num in range(size)]
    if not tasks:  # an empty loop: nothing to send
        return run_alone(region, parent)
    return _run_tasks(region, size, tasks, f"{filename}:{_line(body)}")


def _line(body: Any) -> int:
    return int(body.__code__.co_firstlineno)


def _team_size(num_threads: Any, if_: Any) -> int:
    """The clause, ``OMP_NUM_THREADS``/``omppy run -n``, or the cluster's threads."""
    explicit = num_threads is not None or any(
        os.environ.get(prefix + "NUM_THREADS", "").strip() for prefix in ("OMPPY_", "OMP_")
    )
    if explicit:
        return requested_team_size(num_threads, if_)
    return connect.cores()


def _probe(region: Region) -> tuple[Any, Any, Any]:
    arguments = dict(region.args)
    arguments.update(region.firstprivate)
    arguments.update({name: value for name, (_, value) in region.reduction.items()})
    try:
        region.body(_ProbeContext(), **arguments)
    except _Probe as found:
        items, kind, chunk = found.args
        return (items if is_sequence(items) else iteration_space(items)), kind, chunk
    raise OmpError("omppy could not find the loop of a 'parallel for'; please report this bug")


def _run_tasks(region: Region, size: int, tasks: list[plan.Task], where: str) -> dict[str, Any]:
    client = connect.client()
    roots = payload.roots_of(region)
    replica = payload.build_replica(roots)
    payload.compare_arrays(replica)
    payload.by_value(region.body)
    serial = next(_serial)
    work = {
        "region": region,
        "roots": roots,
        "shadowed": set(replica.shadows),
        "size": size,
        "seeds": seeds_for_team(serial),
        "declared": declared._declared,  # declare reduction: identities in the tasks
    }
    try:
        job: Any = payload.dumps(work)
    except Exception as error:
        raise OmpError(
            f"the region at {where} cannot be sent to the cluster: its inputs do not "
            f"pickle ({type(error).__name__}: {error}); the dask backend copies every "
            "value the region reads to the workers"
        ) from None
    if len(job) >= SCATTER_BYTES:
        job = client.scatter(job, hash=False)
    keys = [f"omppy-{_session}-{serial}-{k}" for k in range(len(tasks))]
    futures = [
        client.submit(run_chunk, job, num, spans, key=key, pure=False)
        for key, (num, spans) in zip(keys, tasks, strict=True)
    ]
    try:
        raw = client.gather(futures)
    except BaseException as error:
        client.cancel(futures)
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        raise OmpError(
            f"the region at {where} failed on the cluster: {type(error).__name__}: {error}"
            + _killed_hint(error)
        ) from None
    finally:
        del futures
    reports = [replica.loads(data) for data in raw]
    return _join(region, replica, tasks, reports, where)


def _killed_hint(error: BaseException) -> str:
    if type(error).__name__ == "KilledWorker":
        return (
            "; a worker died running this task several times in a row (Dask's "
            "distributed.scheduler.allowed-failures): the body may crash its process "
            "(memory, a native extension)"
        )
    return ""


def _join(
    region: Region,
    replica: Any,
    tasks: list[plan.Task],
    reports: list[dict[str, Any]],
    where: str,
) -> dict[str, Any]:
    """Apply the tasks' changes, combine their results: the values the master's
    names take after the region."""
    for report in reports:  # output first, in task order, as the fork backend does
        if report.get("out"):
            sys.stdout.write(report["out"])
        if report.get("err"):
            sys.stderr.write(report["err"])
    failed: list[Failure] = [  # tasks in iteration order: python's order of failures
        (num, (0, index), failures.unpack_exception(report["error"]))
        for index, ((num, _), report) in enumerate(zip(tasks, reports, strict=True))
        if report.get("error")
    ]
    if failed:
        raise first_failure(_distinct(failed))
    batches = [
        (f"thread {num}" + (f" (iterations {spans[0][0]}-{spans[-1][1] - 1})" if spans else ""),
         [(token, _unpacked(change)) for token, change in report["changes"]])
        for (num, spans), report in zip(tasks, reports, strict=True)
    ]
    conflict.check([b for b in batches if b[1]], replica, f"in the region at {where}")
    for index, (_, changes) in enumerate(batches):
        replica.apply(changes, ("task", index))
    last = None
    bound: dict[str, Any] = {}
    for (num, _), report in zip(tasks, reports, strict=True):
        if report["last"] is not None:
            last = report["last"]
        if num == 0 and not bound:
            bound = report["bound"]
    partials = [report["partials"] for report in reports]
    result = region.outputs(bound, partials, last)
    result.update(_workshare_results(region, reports))
    return result


def _distinct(failed: list[Failure]) -> list[Failure]:
    """One of each error: every task that reached a refused construct says the same."""
    seen: set[tuple[type, str]] = set()
    kept = []
    for error in failed:
        key = (type(error[2]), str(error[2]))
        if key not in seen:
            seen.add(key)
            kept.append(error)
    return kept


def _workshare_results(region: Region, reports: list[dict[str, Any]]) -> dict[str, Any]:
    """A region's ``for``: its reductions combined in thread order, its lastprivate
    values from the thread that ran the last iteration (for the region's shared
    names, which the construct's barrier would have handed to every thread)."""
    found = [r["workshare"] for r in reports if r.get("workshare")]
    if not found:
        return {}
    result: dict[str, Any] = {}
    for name, (op, _) in found[0]["reduction"].items():
        if name in region.shared:
            original = region.args.get(name)
            parts = [f["reduction"][name][1] for f in found]
            result[name] = combine(op, original, parts)
    for f in found:
        for name, value in (f["last"] or {}).items():
            if name in region.shared:
                result[name] = value
    return result
