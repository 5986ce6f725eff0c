"""The dask backend: a region's loop runs as chunked tasks on a Dask cluster
(``OMPPY_BACKEND=dask``, ``omppy run --backend dask``; docs/cluster.md).

A task runs in another process, maybe on another machine, on unpickled copies of
the region's inputs: it shares no memory, lock or barrier with the others.  So the
backend runs only regions whose threads need none of those: a ``parallel for``, and
a ``parallel`` region whose work is one ``for`` (or none).  Anything else is refused
before the region runs (``scan.py``).  Data flow of one region::

    master (the program)                              a Dask worker, per task
    --------------------                              -----------------------
    scan the body: refuse, or the region's form
    plan the tasks: chunks of the iteration space
    pickle body + inputs once (cloudpickle);
    scatter it when it is big  ----------------->     unpickle a fresh copy
                                                      watch what the body can reach
                                                      run the body on its chunks
    gather the reports  <-------------------------    its changes (by token), partials,
                                                      lastprivate values, output, error
    check the chunks' changes against each other,
    apply them in chunk order, combine reductions

- ``connect.py``: the Dask client (a LocalCluster, a scheduler address, or the
  program's own client), opened at the first region and closed at exit;
- ``scan.py``: the body's constructs, read from its bytecode before it runs;
- ``plan.py``: schedules as tasks; ``payload.py``: what travels, and the shared
  objects named the same way on both sides; ``context.py``: ``_omp_t`` in a task;
- ``task.py``: what a worker runs; ``region.py``: ``parallel()`` for this backend.
"""
