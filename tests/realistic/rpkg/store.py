"""Module state written by orphaned constructs in this module and in rpkg.stats."""

table = {}
hits = 0
log = []


def put(key, value):
    # omp critical(store)
    table.setdefault(key, []).append(value)
    # omp end critical


def count():
    global hits
    # omp atomic
    hits += 1


def note(line):
    # omp critical(log)
    log.append(line)
    # omp end critical
