"""A Dask LocalCluster of worker processes for tests/test_dask_backend.py.

Run as a script: prints the scheduler's address, then serves until its standard
input closes (the test process ended or closed it), and closes the cluster.
"""

from __future__ import annotations

import sys

if __name__ == "__main__":  # the workers are spawned: they import this file again
    from distributed import LocalCluster

    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_port=0,
        silence_logs=50,
    )
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()
    cluster.close()
