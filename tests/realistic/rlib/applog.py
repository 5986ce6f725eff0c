"""A small application log: one file opened once, written by the helpers that use it
(the module has no pragmas; programs reach the file only through its globals)."""

LOG = None
_count = 0


def start(path):
    global LOG
    LOG = open(path, "w")  # noqa: SIM115
    LOG.write("# started\n")


def note(*fields):
    global _count
    _count += 1
    LOG.write(" ".join(str(f) for f in fields) + "\n")


def stop():
    LOG.write("# stopped\n")
    LOG.close()
