"""lastprivate(conditional: x) (OpenMP 5.2): x takes the value from the sequentially last iteration, or lexically last section, that assigned it, and keeps its value when none did; on parallel for with static, chunked, dynamic and guided schedules, a for in a region (shared and private names), collapse(2), sections and parallel sections, beside plain lastprivate; assignments in nested if/for/with/try, tuple targets, augmented assignment, a value that is a list, a loop variable that is a tuple, and the loop's own variable."""
import contextlib

data = [3, 8, 1, 9, 2, 7, 0, 4, 6, 5, 1, 1]


def parallel_for(kind):
    found = -1
    never = "kept"
    if kind == "static":
        # omp parallel for lastprivate(conditional: found, never) schedule(static)
        for i in range(len(data)):
            if data[i] > 6:
                found = i
            if data[i] > 100:
                never = i
    elif kind == "chunked":
        # omp parallel for lastprivate(conditional: found, never) schedule(static, 2)
        for i in range(len(data)):
            if data[i] > 6:
                found = i
            if data[i] > 100:
                never = i
    elif kind == "dynamic":
        # omp parallel for lastprivate(conditional: found, never) schedule(dynamic)
        for i in range(len(data)):
            if data[i] > 6:
                found = i
            if data[i] > 100:
                never = i
    else:
        # omp parallel for lastprivate(conditional: found, never) schedule(guided)
        for i in range(len(data)):
            if data[i] > 6:
                found = i
            if data[i] > 100:
                never = i
    return found, never


def nested_statements():
    best = None
    pair = (0, 0)
    hits = 0
    where = ""
    # omp parallel for lastprivate(conditional: best, pair, hits, where) schedule(dynamic, 3)
    for i in range(len(data)):
        for j in range(2):
            if data[i] + j == 9:
                best = [i, j]
        with contextlib.nullcontext(i) as where:
            pass
        if data[i] == 1:
            pair = first, second = (i, data[i])
        try:
            if data[i] == 0:
                raise ValueError(i)
        except ValueError as problem:
            hits = problem.args[0] + 100
    return best, pair, hits, where


def in_region(n):
    last_even = None
    plain = None
    seen = []
    # omp parallel
    if True:
        # omp for lastprivate(conditional: last_even) lastprivate(plain) schedule(dynamic, 2)
        for i in range(n):
            plain = i * 10
            if i % 2 == 0 and i < n - 3:
                last_even = i
        # omp critical
        seen.append(last_even)
    # omp end parallel
    return last_even, plain, sorted(set(seen))


def collapsed():
    cell = None
    # omp parallel for collapse(2) lastprivate(conditional: cell)
    for i in range(4):
        for j in range(3):
            if (i + j) % 4 == 1:
                cell = (i, j)
    return cell


def pairs_loop():
    total = 0
    # omp parallel for lastprivate(conditional: total) schedule(static, 1)
    for a, b in [(1, 2), (3, 4), (5, 6), (7, 0)]:
        if b:
            total = a
            total += b
    return total


def loop_variable():
    i = "before"
    # omp parallel for lastprivate(conditional: i) schedule(dynamic, 2)
    for i in range(7):
        pass
    return i


def sections_form():
    tag = "none"
    other = "none"
    # omp parallel sections lastprivate(conditional: tag, other)
    # omp section
    tag = "first"
    # omp section
    if len(data) > 100:
        tag = "second"
    # omp section
    other = "third"
    # omp end parallel sections
    inner = "start"
    # omp parallel
    # omp sections lastprivate(conditional: inner)
    # omp section
    inner = "a"
    # omp section
    inner = "b"
    # omp section
    pass
    # omp end sections
    # omp end parallel
    return tag, other, inner


for kind in ("static", "chunked", "dynamic", "guided"):
    print(kind, parallel_for(kind))
print(nested_statements())
print(in_region(11))
print(collapsed())
print(pairs_loop())
print(loop_variable())
print(sections_form())
