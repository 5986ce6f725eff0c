"""The Dask client the dask backend submits to, opened once per process.

Where it comes from, first match wins: a client the program handed to
``omppy.use_backend("dask", client=...)`` (left open: it is the program's), a
scheduler address (``use_backend(..., scheduler=...)``, ``OMPPY_DASK_SCHEDULER``,
``omppy run --scheduler``), or else a ``LocalCluster`` of single-threaded worker
processes, one per CPU (or per ``OMPPY_NUM_THREADS``/``-n``) that omppy starts at the
first region and closes at exit.
"""

from __future__ import annotations

import atexit
import os
from typing import Any

from ..errors import OmpError
from ..icv import ConfigError, available_cpus, icv

SCHEDULER_VARIABLE = "OMPPY_DASK_SCHEDULER"
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler before giving up
INSTALL_HINT = (
    "the dask backend needs Dask's distributed scheduler, which is not installed: "
    'pip install "omppy[dask]" (or: pip install "dask[distributed]")'
)

_options: dict[str, Any] = {}
_client: Any = None
_cluster: Any = None
_owned = False  # omppy made the client (and maybe the cluster): it closes them


class DaskMissing(ConfigError):
    """``dask.distributed`` cannot be imported."""


def require() -> None:
    """Raise :class:`DaskMissing` (with the install command) if Dask is not installed."""
    try:
        import cloudpickle  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise DaskMissing(INSTALL_HINT) from None


def configure(
    client: Any = None, scheduler: str | None = None, workers: int | None = None
) -> None:
    """The cluster later regions use (``omppy.use_backend("dask", ...)``)."""
    require()
    if client is not None and scheduler is not None:
        raise TypeError("give a client or a scheduler address, not both")
    if workers is not None and int(workers) < 1:
        raise ValueError(f"workers must be positive, got {workers}")
    close()
    _options.clear()
    _options.update(client=client, scheduler=scheduler, workers=workers)


def scheduler_address() -> str | None:
    address = _options.get("scheduler") or os.environ.get(SCHEDULER_VARIABLE, "").strip()
    return address or None


def client() -> Any:
    """The client, opened on first use (an unreachable scheduler is an OmpError)."""
    global _client, _cluster, _owned
    if _client is not None:
        return _client
    require()
    given = _options.get("client")
    if given is not None:
        _client, _owned = given, False
        return _client
    from distributed import Client

    address = scheduler_address()
    if address is not None:
        try:
            _client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise OmpError(
                f"the dask backend cannot reach the Dask scheduler at {address} "
                f"({type(error).__name__}: {error}); start it (dask scheduler), check the "
                f"address ({SCHEDULER_VARIABLE}, omppy run --scheduler), or leave the "
                "address out to run on a local cluster"
            ) from None
    else:
        from distributed import LocalCluster

        _spawn_without_main()
        _cluster = LocalCluster(
            n_workers=local_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # no fixed port: another cluster may hold 8787
            silence_logs=50,  # CRITICAL: a lost worker, a heartbeat at shutdown: omppy reports
        )
        _client = Client(_cluster, set_as_default=False)
    _owned = True
    atexit.register(close)
    return _client


NANNY_PROCESS = "Dask Worker process (from Nanny)"  # distributed/nanny.py names them so
_spawn_patched = False


def _spawn_without_main() -> None:
    """Local workers start without running the program's script.

    A ``spawn``ed process re-runs the parent's ``__main__`` first (multiprocessing
    does, for the functions it defines): each worker would run the whole program
    again, sequentially, printing its output once more.  The region's functions
    travel by value (cloudpickle), so a worker needs none of it: the preparation of
    Dask's worker processes, and theirs only, leaves ``__main__`` out.
    """
    global _spawn_patched
    if _spawn_patched:
        return
    from multiprocessing import spawn

    original = spawn.get_preparation_data

    def preparation(name: str) -> dict[str, Any]:
        data: dict[str, Any] = original(name)
        if name == NANNY_PROCESS:
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
        return data

    spawn.get_preparation_data = preparation
    _spawn_patched = True


def local_workers() -> int:
    """Worker processes of the local cluster: the option, ``OMPPY_NUM_THREADS`` /
    ``OMP_NUM_THREADS`` (``omppy run -n``), or one per CPU."""
    workers = _options.get("workers")
    if workers is not None:
        return int(workers)
    if any(os.environ.get(p + "NUM_THREADS", "").strip() for p in ("OMPPY_", "OMP_")):
        return icv().team_size_at(1)
    return available_cpus()


def cores() -> int:
    """Worker threads in the cluster: the team size when none is asked for."""
    try:  # newer versions list only a few workers unless asked for all
        info = client().scheduler_info(n_workers=-1)
    except TypeError:
        info = client().scheduler_info()
    total = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values())
    return max(1, total)


def close() -> None:
    """Close what omppy opened (at exit, or before a new configuration)."""
    global _client, _cluster, _owned
    client_, cluster, owned = _client, _cluster, _owned
    _client = _cluster = None
    _owned = False
    if not owned:
        return
    for thing in (client_, cluster):
        if thing is not None:
            try:
                thing.close()
            except Exception:
                pass
