"""An exception in a task: raised where the creator waits (taskwait, the end of a
taskgroup) or at the end of the region, caught around it with its type and message;
a task that ran at once (if(0)) raises at its own line; later regions still work."""


def check(i):
    if i == 7:
        raise ValueError(f"bad item {i}")
    return i * 2


def spawn(n, out):
    for i in range(n):
        # omp task
        out[i] = check(i)
    # omp taskwait


# (The loops are in functions: a region that binds a name, as a loop at its top level
# binds its variable, cannot give the program python's value of it after a failure,
# RegionStateLost, docs/runtime-api.md.)
def group(n):
    # omp taskgroup
    for i in range(n):
        # omp task
        if i == 9:
            raise KeyError(f"missing {i}")
    # omp end taskgroup


def unwaited(n):
    for i in range(n):
        # omp task
        if i == 3:
            raise ZeroDivisionError("no tasks waited for this one")


def main():
    out = [0] * 12
    try:
        # omp parallel
        # omp single
        spawn(12, out)
    except ValueError as e:
        print("at taskwait:", type(e).__name__, e)

    try:
        # omp parallel
        # omp single
        group(12)
    except KeyError as e:
        print("at the end of a taskgroup:", type(e).__name__, e)

    try:
        # omp parallel
        # omp single
        unwaited(12)
    except ZeroDivisionError as e:
        print("at the end of the region:", type(e).__name__, e)

    caught = None
    # omp parallel
    # omp single
    if True:
        try:
            # omp task if(0)
            check(7)
        except ValueError as e:
            caught = str(e)
    print("undeferred:", caught)

    total = 0
    # omp parallel for reduction(+: total)
    for i in range(10):
        total += i
    print("after:", total)


main()
