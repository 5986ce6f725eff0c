"""Settings and a registry of results; imports the worker module's helper."""

SETTINGS = {"scale": 3, "offset": 1}
RESULTS = {}
SEEN = []


def record(key, value):
    from . import workers  # noqa: F401  (the cycle: workers imports this module)

    # omp critical
    RESULTS[key] = value
    SEEN.append(key)
    # omp end critical
