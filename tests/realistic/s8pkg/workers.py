"""Work functions reading config's globals by `from .config import ...` and calling
its `record`; a counter of this module rebound under atomic."""

from . import config
from .config import SETTINGS, record

done = 0


def transform(x):
    return x * SETTINGS["scale"] + config.SETTINGS["offset"]


def run(n):
    global done
    # omp parallel for schedule(dynamic, 3)
    for i in range(n):
        record(i, transform(i))
        # omp atomic
        done += 1
    return done
