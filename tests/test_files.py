"""Files a fork team's processes share (runtime/files.py, omppy/openfiles.py): every
buffered file the program opened is flushed and kept at the shared offset at the
team's synchronisation points; what cannot be shared is a clear error naming the
file, the thread, the block and the fix (docs/data-sharing.md, what is not carried
back)."""

from __future__ import annotations

import io
import re
import subprocess
import sys

from helpers import _environment, run_omppy, run_python

# A jobs file read by every thread under critical: each process would read ahead into
# its own copy of the buffer (wrong: lines read twice or never).
_QUEUE = """\
import os, sys
path = sys.argv[1]
{prepare}
jobs = open(path{mode})
{before}
got = []
# omp parallel private(line)
while True:
    # omp critical
    line = jobs.{draw}
    # omp end critical
    if not line:
        break
    # omp critical
    got.append(int(line.split()[0]))
    # omp end critical
print(len(got), sum(got))
"""


def _raised(expected: str, err: str) -> bool:
    """Whether the program ended with the OmpError ``expected`` (a pattern: the thread
    that met it first varies)."""
    lines = [line for line in err.splitlines() if line.startswith("omppy.runtime.errors.")]
    return any(re.fullmatch(expected, line) for line in lines)


def _jobs(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "jobs.txt"
    path.write_text(text, encoding=encoding)
    return path


def _lines(n: int) -> str:
    return "".join(f"{i} job number {i}\n" for i in range(n))


def _run(write, tmp_path, program: str, *args: str, threads: int = 3, stdin=None):
    path = write("prog.py", program)
    # (a critical block costs a few hundred microseconds on a loaded machine)
    return path, run_omppy("run", str(path), *args, threads=threads, stdin=stdin, timeout=120)


def test_a_file_reached_only_through_another_module_is_flushed(write, tmp_path):
    write("logs.py", "LOG = None\ndef start(p):\n    global LOG\n    LOG = open(p, 'w')\n")
    program = write(
        "prog.py",
        "import sys, logs\n"
        "logs.start(sys.argv[1])\n"
        "class App:\n"
        "    def __init__(self):\n"
        "        self.out = type('Out', (), {})()\n"
        "        self.out.log = logs\n"
        "app = App()\n"
        "def note(i):\n"
        "    app.out.log.LOG.write(f'{i}\\n')\n"
        "# omp parallel for ordered schedule(dynamic)\n"
        "for i in range(200):\n"
        "    # omp ordered\n"
        "    note(i)\n"
        "logs.LOG.close()\n"
        "print(open(sys.argv[1]).read().split() == [str(i) for i in range(200)])\n",
    )
    out = tmp_path / "out.txt"
    assert run_python(program, str(out)).out == "True\n"
    for threads in (2, 4):
        done = run_omppy("run", str(program), str(out), threads=threads)
        assert (done.status, done.out, done.err) == (0, "True\n", "")


def test_a_jobs_file_read_under_critical_gives_each_line_once(write, tmp_path):
    path = _jobs(tmp_path, _lines(800))
    for draw, mode in (("readline()", ""), ("readline()", ", 'rb'"), ("__next__()", "")):
        program = _QUEUE.format(prepare="", mode=mode, before="", draw=draw)
        if draw == "__next__()":
            program = program.replace("jobs.__next__()", "next(jobs, '')")
        _, done = _run(write, tmp_path, program, str(path))
        assert (done.status, done.out, done.err) == (0, f"800 {sum(range(800))}\n", "")


def test_a_file_decoded_with_a_state_is_refused(write, tmp_path):
    path = _jobs(tmp_path, _lines(800), encoding="utf-16")
    program = _QUEUE.format(prepare="", mode=", encoding='utf-16'", before="", draw="readline()")
    prog, done = _run(write, tmp_path, program, str(path))
    assert done.status == 1, done.err
    expected = (
        rf"omppy\.runtime\.errors\.OmpError: thread \d read the file '{re.escape(str(path))}' "
        rf"in the 'critical' block at {re.escape(str(prog))}:10, and its text is decoded with "
        r"'utf-16', whose decoder keeps a state the team's threads cannot share \(they are "
        r"processes, each with its own copy of the file object\): open it in binary mode and "
        r"decode each line, or read its lines into a list before the region"
    )
    assert _raised(expected, done.err), done.err


def test_a_file_drawn_with_next_before_the_region_is_refused(write, tmp_path):
    path = _jobs(tmp_path, "id\n" + _lines(800))
    program = _QUEUE.format(prepare="", mode="", before="header = next(jobs)", draw="readline()")
    prog, done = _run(write, tmp_path, program, str(path))
    assert done.status == 1, done.err
    expected = (
        rf"omppy\.runtime\.errors\.OmpError: thread \d read the file '{re.escape(str(path))}' "
        rf"in the 'critical' block at {re.escape(str(prog))}:10, and the program drew lines "
        r"from it with next\(\) or a for loop before the region, which hides where it "
        r"stands: the team's threads are processes, each with its own copy of the file "
        r"object, and cannot agree on the rest of the file\. Read those first lines with "
        r"readline\(\) instead \(or read the file's lines into a list before the region\)"
    )
    assert _raised(expected, done.err), done.err
    # With readline() before the region: python's answer.
    program = program.replace("header = next(jobs)", "header = jobs.readline()")
    _, done = _run(write, tmp_path, program, str(path))
    assert (done.status, done.out) == (0, f"800 {sum(range(800))}\n"), done.err


def test_standard_input_from_a_pipe_read_by_a_worker_is_refused(write, tmp_path):
    program = (
        "import sys\n"
        "from omppy import omp_get_thread_num\n"
        "got = []\n"
        "# omp parallel private(line)\n"
        "while True:\n"
        "    # omp critical\n"
        "    line = sys.stdin.readline()\n"
        "    # omp end critical\n"
        "    if not line:\n"
        "        break\n"
        "    # omp critical\n"
        "    got.append(int(line))\n"
        "    # omp end critical\n"
        "print(len(got))\n"
    )
    prog, done = _run(write, tmp_path, program, stdin="".join(f"{i}\n" for i in range(2000)))
    assert done.status == 1, done.err
    expected = (
        rf"omppy\.runtime\.errors\.OmpError: thread [12] read sys\.stdin at "
        rf"{re.escape(str(prog))}:7, which is a pipe or a terminal: the team's threads are "
        r"processes, and what one reads ahead from standard input the others never see\. "
        r"Read the input before the region \(lines = sys\.stdin\.readlines\(\)\), or in a "
        r"'# omp master' block"
    )
    assert _raised(expected, done.err), done.err
    # Standard input from a file: kept at the shared offset like any file read.
    path = _jobs(tmp_path, "".join(f"{i}\n" for i in range(1500)))
    with open(path) as stdin:
        ran = subprocess.run(
            [sys.executable, "-m", "omppy", "run", str(prog)],
            stdin=stdin,
            capture_output=True,
            text=True,
            env=_environment(3, None),
            timeout=120,
        )
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "1500\n", "")


def test_open_is_wrapped_and_files_are_kept_weakly(tmp_path):
    import builtins
    import gc
    import pathlib
    import tempfile

    from omppy import openfiles

    openfiles.install(before_program=False)
    assert builtins.open is io.open is openfiles._open
    assert builtins.open.__name__ == "open"
    assert builtins.open.__module__ == openfiles._original_open.__module__  # _io on 3.12+
    path = tmp_path / "x.txt"
    kept = [open(path, "w"), pathlib.Path(path).open(), tempfile.TemporaryFile()]  # noqa: SIM115
    assert all(any(f is g for g in openfiles.files()) for f in kept)
    raw = open(path, "rb", buffering=0)  # no buffer: nothing to keep  # noqa: SIM115
    assert not any(f is raw for f in openfiles.files())
    kept[0].close()
    assert not any(f is kept[0] for f in openfiles.files())
    ident = id(kept[1])
    del kept[1]
    gc.collect()
    assert not any(id(f) == ident for f in openfiles.files())
    for f in (kept[0], kept[-1], raw):
        f.close()


def test_a_compressed_file_written_by_a_worker_is_refused(write, tmp_path):
    program = write(
        "prog.py",
        "import gzip, sys\n"
        "out = gzip.open(sys.argv[1], 'wt')\n"
        "class Holder:\n"
        "    pass\n"
        "h = Holder()\n"
        "h.inner = Holder()\n"
        "h.inner.z = out\n"
        "def note(i):\n"
        "    h.inner.z.write(f'{i}\\n')\n"
        "# omp parallel for ordered schedule(static, 1)\n"
        "for i in range(20):\n"
        "    # omp ordered\n"
        "    note(i)\n"
        "out.close()\n"
        "print(gzip.open(sys.argv[1], 'rt').read().split() == [str(i) for i in range(20)])\n",
    )
    path = tmp_path / "out.gz"
    assert run_python(program, str(path)).out == "True\n"
    done = run_omppy("run", str(program), str(path), threads=1)
    assert (done.status, done.out, done.err) == (0, "True\n", "")
    done = run_omppy("run", str(program), str(path), threads=2, timeout=120)
    assert done.status == 1, done.err
    expected = (
        rf"omppy\.runtime\.errors\.OmpError: thread 1 wrote to the compressed file "
        rf"'{re.escape(str(path))}' \(GzipFile\) in the 'ordered' block at "
        rf"{re.escape(str(program))}:13: each of the team's threads is a process with its own "
        r"copy of the compressor, so what a worker writes cannot reach the file\. Write it "
        r"in a '# omp master' block, or keep the lines in a list and write them after the "
        r"region"
    )
    assert _raised(expected, done.err), done.err


def test_a_pipe_read_by_a_worker_is_refused(write, tmp_path):
    program = write(
        "prog.py",
        "import subprocess, sys\n"
        "proc = subprocess.Popen([sys.executable, '-c', 'for i in range(3000): print(i)'],\n"
        "                        stdout=subprocess.PIPE, text=True)\n"
        "got = []\n"
        "# omp parallel private(line)\n"
        "while True:\n"
        "    # omp critical\n"
        "    line = next(proc.stdout, '')\n"
        "    # omp end critical\n"
        "    if not line:\n"
        "        break\n"
        "    # omp critical\n"
        "    got.append(int(line))\n"
        "    # omp end critical\n"
        "proc.wait()\n"
        "print(len(got))\n",
    )
    assert run_python(program).out == "3000\n"
    done = run_omppy("run", str(program), threads=3, timeout=120)
    assert done.status == 1, done.err
    expected = (
        rf"omppy\.runtime\.errors\.OmpError: thread [12] read the file on descriptor \d+ at "
        rf"{re.escape(str(program))}:8, which is a pipe or a socket: the team's threads are "
        r"processes, and what one reads ahead from it the others never see\. Read it before "
        r"the region \(its lines into a list\), or in a '# omp master' block"
    )
    assert _raised(expected, done.err), done.err


def test_a_jobs_file_read_under_an_omp_lock_gives_each_line_once(write, tmp_path):
    path = _jobs(tmp_path, _lines(1500))
    program = write(
        "prog.py",
        "import sys\n"
        "from omppy import omp_init_lock, omp_set_lock, omp_unset_lock\n"
        "jobs = open(sys.argv[1])\n"
        "lock = omp_init_lock()\n"
        "got = []\n"
        "# omp parallel private(line)\n"
        "while True:\n"
        "    omp_set_lock(lock)\n"
        "    line = jobs.readline()\n"
        "    omp_unset_lock(lock)\n"
        "    if not line:\n"
        "        break\n"
        "    # omp critical\n"
        "    got.append(int(line.split()[0]))\n"
        "    # omp end critical\n"
        "print(len(got), sum(got))\n",
    )
    done = run_omppy("run", str(program), str(path), threads=3, timeout=120)
    assert (done.status, done.out, done.err) == (0, f"1500 {sum(range(1500))}\n", "")
