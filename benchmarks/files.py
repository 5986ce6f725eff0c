"""What a synchronisation block pays for the files a fork team shares (runtime/files.py).

    python benchmarks/files.py [--blocks 20000]

In one process, no team: the work a thread does on entering and leaving a block for
one file written, one text file read, one binary file read, and all three (the
minimum over five rounds, in microseconds), beside the cost of one system call
(``os.lseek``) measured alike, which sets the scale on a loaded machine; and a
block that reads one line, against ``readline()`` alone.  A region whose program
holds no open file pays none of this (docs/benchmarks.md, session 10).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

from omppy.runtime import files


def _best(run, n: int, rounds: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run(n)
        best = min(best, (time.perf_counter() - start) / n * 1e6)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=20000)
    n = parser.parse_args().blocks
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "jobs.txt")
    with open(path, "w") as f:
        f.write("17 a job\n" * (4 * n + 100))
    written = open(os.path.join(folder, "log.txt"), "w")  # noqa: SIM115
    text = open(path)  # noqa: SIM115
    binary = open(path, "rb")  # noqa: SIM115
    fd = text.fileno()

    def lseek(k: int) -> None:
        for _ in range(k):
            os.lseek(fd, 0, os.SEEK_CUR)

    print(f"os.lseek                     {_best(lseek, n):7.2f} us")
    cases = (
        ("one file written", [("log", written)], None),
        ("one text file read", [("jobs", text)], text),
        ("one binary file read", [("jobs", binary)], binary),
        ("all three", [("log", written), ("jobs", text), ("bin", binary)], text),
    )
    for label, named, reader in cases:
        team = files.gather(named)
        assert team is not None
        team.before_fork()

        def blocks(k: int, team=team) -> None:
            for _ in range(k):
                team.enter()
                team.leave(1, "critical")

        line = f"{label}: enter + leave {_best(blocks, n):7.2f} us"
        if reader is not None:

            def reading(k: int, team=team, reader=reader) -> None:
                for _ in range(k):
                    team.enter()
                    reader.readline()
                    team.leave(1, "critical")

            line += f"; with a readline {_best(reading, n // 10, 3):7.2f} us"
        print(line)

    def bare(k: int) -> None:
        for _ in range(k):
            text.readline()

    text.seek(0)
    print(f"readline alone               {_best(bare, n):7.2f} us")
    for f in (written, text, binary):
        f.close()
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)


if __name__ == "__main__":
    main()
