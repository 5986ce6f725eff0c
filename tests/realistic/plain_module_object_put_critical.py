"""An object from a module without pragmas whose method is named `put` (as
`queue.Queue.put`) fills nested dicts under critical. Session 6 found the changes
below its first level lost with exit status 0 at 2+ threads: the translator took
`store.put(...)` for a container's method (depth 1) and the region ran no deep net."""

from rlib.nested import store

# omp parallel for
for i in range(30):
    # omp critical
    store.put("ab"[i % 2], i % 3, i * i)

print({k: {s: sorted(v) for s, v in sorted(d.items())} for k, d in sorted(store.by_kind.items())})
