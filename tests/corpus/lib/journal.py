"""A journal file kept in this module's globals (no pragmas here): programs reach it
only through ``journal.FILE`` or the helpers."""

FILE = None


def open_journal(path):
    global FILE
    FILE = open(path, "w")  # noqa: SIM115


def entry(*fields):
    FILE.write(" ".join(str(f) for f in fields) + "\n")
