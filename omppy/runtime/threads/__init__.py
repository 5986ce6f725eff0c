"""The threads backend: a team of threads sharing one heap (``OMPPY_BACKEND=threads``).

On a free-threaded CPython (3.13t) the threads run Python in parallel; with the GIL
they take turns, which is correct but brings no speed-up (``backend.py``).  Shared
names are the same objects in every thread, so nothing is copied, logged or compared:
what the fork backend needs ``coherence.py``, ``replica.py`` and ``shadow.py`` for is
simply the heap here.  What a team still has to agree on is kept in its
:class:`~.team.ThreadTeam`:

- ``region.py``: ``parallel()`` for this backend: team size, start, join, failures;
- ``pool.py``: the worker threads, kept between regions so a region costs microseconds;
- ``team.py``: barrier, exchange, work-share records, the published names, abort;
- ``context.py``: ``_omp_t``, a :class:`~omppy.runtime.thread.ThreadContext` whose
  loops, barriers and synchronisation constructs use the team instead of an arena;
- ``sync.py``/``workshare.py``: the constructs' blocks and ``for`` ends;
- ``park.py``: how a thread waits (spin briefly, then sleep on a queue of its own);
- ``streams.py``: each thread's random streams; ``output.py``: whole lines.
"""
