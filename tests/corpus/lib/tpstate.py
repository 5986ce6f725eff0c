"""threadprivate globals that other modules reach as tpstate.name (threadprivate_across_modules.py)."""

calls = 0
bag = []
owner = -1
last = None
scale = 1
# omp threadprivate(calls, bag, owner, last, scale)


def reset(me):
    global calls, bag, owner
    calls = 0
    bag = []
    owner = me


def note(value):
    global calls
    calls += 1
    bag.append(value)


def spread(value, peek):
    """A region of this module with copyin: the caller's function reads the copies."""
    global scale
    scale = value
    seen = []
    # omp parallel num_threads(3) copyin(scale)
    if True:
        got = peek()
        scale += 1  # each thread its own
        # omp critical
        seen.append((got, peek()))
    # omp end parallel
    return sorted(set(seen)), scale
