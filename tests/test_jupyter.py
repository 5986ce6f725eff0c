"""``%load_ext omppy`` and ``%%omppy`` in a real Jupyter kernel (docs/jupyter.md).

The notebooks run in a real ipykernel, started by nbclient the way Jupyter starts
one, with its threads, its ZeroMQ sockets and its ``OutStream`` standard streams.
"""

from __future__ import annotations

import asyncio
import importlib.util
import io
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "notebook.ipynb"
KERNEL = "omppy-test"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="omppy's teams need fork()"),
    # Starting a kernel takes seconds, and far longer on a loaded machine.
    pytest.mark.timeout(300),
]


# -- running notebooks ------------------------------------------------------------------


@pytest.fixture(scope="module")
def kernel_env(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A kernel spec that runs this very Python, and the environment the kernel gets.

    The kernel's environment has no ``PYTEST_CURRENT_TEST``: ipykernel leaves its
    standard streams' descriptors alone under pytest, and a kernel a user starts does
    not (the case omppy must handle).
    """
    home = tmp_path_factory.mktemp("jupyter")
    spec = home / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.joinpath("kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "omppy tests", "language": "python"})
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(home))
        patch.setenv("JUPYTER_PLATFORM_DIRS", "1")
        yield {
            **{k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"},
            "OMP_NUM_THREADS": "3",
        }


def client_for(nb: Any, directory: Path, timeout: int = 120) -> NotebookClient:
    return NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=timeout,
        startup_timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(directory)}},
    )


def run_cells(cells: list[str], env: dict[str, str], directory: Path) -> list[Any]:
    """Run ``cells`` in a new kernel; the outputs of each cell."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    client_for(nb, directory).execute(env=env)
    return [cell.outputs for cell in nb.cells]


def stream(outputs: list[Any], name: str = "stdout") -> str:
    return "".join(o.text for o in outputs if o.output_type == "stream" and o.name == name)


def result(outputs: list[Any]) -> str:
    values = [o.data["text/plain"] for o in outputs if o.output_type == "execute_result"]
    assert len(values) == 1, outputs
    return str(values[0])


def error(outputs: list[Any]) -> tuple[str, str]:
    """The cell's error: its name, and its traceback as plain text."""
    errors = [o for o in outputs if o.output_type == "error"]
    assert len(errors) == 1, outputs
    return errors[0].ename, ANSI.sub("", "\n".join(errors[0].traceback))


def no_errors(outputs: list[Any]) -> None:
    assert not [o for o in outputs if o.output_type == "error"], outputs
    assert stream(outputs, "stderr") == "", outputs


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (zombies included)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


# -- the example notebook ---------------------------------------------------------------


def sequential_mandelbrot_sum(width: int, height: int, max_iter: int) -> int:
    """examples/mandelbrot.py's picture, computed by plain Python (pragmas are comments)."""
    spec = importlib.util.spec_from_file_location(
        "mandelbrot_example", EXAMPLE.parent / "mandelbrot.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return int(module.mandelbrot(width, height, max_iter).sum())


@pytest.mark.slow
def test_example_notebook(kernel_env: dict[str, str], tmp_path: Path) -> None:
    nb = nbformat.read(EXAMPLE, as_version=4)
    client_for(nb, tmp_path).execute(env=kernel_env)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    for cell in code:
        no_errors(cell.outputs)  # no traceback, and nothing on stderr (no fork warning)
    by_source = {cell.source.splitlines()[0]: cell.outputs for cell in code}

    # A reduction: the value of the cell, and its names still defined in the next cell.
    pi_cell = next(c.outputs for c in code if "reduction(+:s)" in c.source)
    assert abs(float(result(pi_cell)) - math.pi) < 1e-9
    assert stream(by_source["import math"]).startswith("pi ~= 3.141592653590 (n=1000000)")

    # A Mandelbrot into a numpy array: the picture plain Python computes.
    mandel = next(c.outputs for c in code if "def mandelbrot" in c.source)
    assert result(mandel) == "(60, 120)"
    later = next(c.outputs for c in code if "sum of escape counts" in c.source)
    total = int(stream(later).rsplit(":", 1)[1])
    assert total == sequential_mandelbrot_sum(120, 60, 100)

    # Every thread's lines, whole, and ordered by the barrier.
    lines = stream(next(c.outputs for c in code if "# omp barrier" in c.source)).splitlines()
    before = [line for line in lines if "before the barrier" in line]
    after = [line for line in lines if "after the barrier" in line]
    assert sorted(before) == [f"thread {k} of 4: before the barrier" for k in range(4)]
    assert sorted(after) == [f"thread {k}: after the barrier" for k in range(4)]
    assert lines == [*before, *after, "the region is over"]

    # %omppy_translate NAME shows the generated code.
    shown = by_source["%omppy_translate mandelbrot"]
    text = "".join(o.data["text/plain"] for o in shown if o.output_type == "display_data")
    assert "def mandelbrot(" in text and "_omp.parallel(" in text


# -- output ----------------------------------------------------------------------------


@pytest.mark.slow
def test_output_of_every_thread_is_complete_and_in_order(
    kernel_env: dict[str, str], tmp_path: Path
) -> None:
    many = 2500  # 3 threads x 2500 lines: several times what a pipe holds
    outputs = run_cells(
        [
            "%load_ext omppy",
            f"""%%omppy
import sys
from omppy import omp_get_thread_num
print("before the region")
# omp parallel
me = omp_get_thread_num()
for i in range({many}):
    print(f"thread {{me}} line {{i}} " + "." * 20)
print(f"thread {{me}} to stderr", file=sys.stderr)
# omp end parallel
print("after the region")""",
            """%%omppy
from IPython.display import display, HTML
# omp parallel
# omp master
display(HTML("<b>from the master</b>"))
# omp end parallel""",
        ],
        kernel_env,
        tmp_path,
    )
    lines = stream(outputs[1]).splitlines()
    assert lines[0] == "before the region" and lines[-1] == "after the region"
    for thread in range(3):
        own = [line for line in lines if line.startswith(f"thread {thread} ")]
        assert own == [f"thread {thread} line {i} " + "." * 20 for i in range(many)]
    assert len(lines) == 3 * many + 2
    assert sorted(stream(outputs[1], "stderr").splitlines()) == [
        f"thread {k} to stderr" for k in range(3)
    ]
    displayed = [o for o in outputs[2] if o.output_type == "display_data"]
    assert [o.data["text/html"] for o in displayed] == ["<b>from the master</b>"]


# -- errors ----------------------------------------------------------------------------


@pytest.mark.slow
def test_errors_show_as_notebook_tracebacks_and_the_kernel_goes_on(
    kernel_env: dict[str, str], tmp_path: Path
) -> None:
    outputs = run_cells(
        [
            "%load_ext omppy",
            """%%omppy
from omppy import omp_get_thread_num


def inverse(x):
    return 1 / x


# omp parallel
if omp_get_thread_num() == 2:
    inverse(0)""",
            """%%omppy
# omp parallel for
for i in range(6):
    if i == 0:
        raise ValueError("thread 0 fails")""",
            """%%omppy
t = 0
# omp parallel for reduciton(+:t)
for i in range(10):
    t += i""",
            """%%omppy
import os, signal
# omp parallel
if omp_get_thread_num() == 1:
    os.kill(os.getpid(), signal.SIGKILL)""",
            """%%omppy
from IPython.display import display
# omp parallel
if omp_get_thread_num() == 1:
    display("from a worker")""",
            """%%omppy -n 3
# omp parallel
if omp_get_thread_num() > 0:
    raise KeyError(omp_get_thread_num())""",
            """%%omppy
total = 0
# omp parallel for reduction(+:total)
for i in range(1000):
    total += i
print(total, "t" in dir())""",
        ],
        kernel_env,
        tmp_path,
    )
    # A worker's exception: its type, and the cell's own lines in both tracebacks.
    name, text = error(outputs[1])
    assert name == "ZeroDivisionError"
    assert "Cell In[2], line 11, in <module>" in text and "Cell In[2], line 6, in inverse" in text
    assert "return 1 / x" in text and "----> 9 # omp parallel" in text
    assert "omppy/runtime" not in text and "run_cell_magic" not in text

    # Thread 0's exception: a normal traceback into the region, at the raising line.
    name, text = error(outputs[2])
    assert name == "ValueError"
    assert "----> 5         raise ValueError" in text
    assert "omppy/" not in text and "run_cell_magic" not in text

    # A pragma error: shown like a syntax error, at the cell's line, with the hint.
    name, text = error(outputs[3])
    assert name == "PragmaError"
    assert "Cell In[4], line 3" in text and "reduciton" in text and "did you mean" in text
    assert "Traceback" not in text

    # A worker that dies.
    name, text = error(outputs[4])
    assert name == "WorkerDied" and "killed by signal 9" in text

    # A worker may not use the kernel's sockets: a clear error, not a broken kernel.
    name, text = error(outputs[5])
    assert name == "KernelUnavailable" and "print() works" in text

    # Several threads fail: the first (thread 1's), the other in its note, at the
    # cell's lines.
    name, text = error(outputs[6])
    assert name == "KeyError" and "KeyError: 1" in text and "Cell In[7], line 4" in text
    assert "omppy: 1 more thread of the team failed in this region:" in text
    assert "thread 2: KeyError: 2 (Cell In[7], line 4, in <module>)" in text
    assert "run_cell_magic" not in text

    # The kernel is alive and correct; the failed pragma cell never ran.
    no_errors(outputs[7])
    assert stream(outputs[7]) == "499500 False\n"


# -- interrupting the kernel -----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="counts processes in /proc")
def test_interrupt_stops_the_whole_team(kernel_env: dict[str, str], tmp_path: Path) -> None:
    started = tmp_path / "started"
    started.mkdir()
    cells = [
        "%load_ext omppy",
        f"""%%omppy -n 3
import os, time
from omppy import omp_get_thread_num
# omp parallel
open(os.path.join({str(started)!r}, str(omp_get_thread_num())), "w").close()
while True:
    time.sleep(0.01)
# omp end parallel""",
        """%%omppy -n 3
total = 0
# omp parallel for reduction(+:total)
for i in range(100):
    total += i
total""",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    client = client_for(nb, tmp_path)
    leftovers: list[int] = []

    async def session() -> None:
        async with client.async_setup_kernel(env=kernel_env):
            await client.async_execute_cell(nb.cells[0], 0)
            running = asyncio.ensure_future(client.async_execute_cell(nb.cells[1], 1))
            deadline = time.monotonic() + 120
            while len(os.listdir(started)) < 3:  # every thread of the team is running
                assert time.monotonic() < deadline and not running.done()
                await asyncio.sleep(0.05)
            kernel = client.km.provisioner.process.pid  # type: ignore[union-attr]
            assert len(children_of(kernel)) == 2  # the two workers
            await client.km.interrupt_kernel()
            await asyncio.wait_for(running, 120)
            await client.async_execute_cell(nb.cells[2], 2)
            leftovers.extend(children_of(kernel))

    asyncio.run(session())
    name, text = error(nb.cells[1].outputs)
    assert name == "KeyboardInterrupt" and "Cell In[2]" in text
    assert leftovers == []  # no worker left running, no zombie
    no_errors(nb.cells[2].outputs)
    assert result(nb.cells[2].outputs) == "4950"


# -- translations ----------------------------------------------------------------------


@pytest.mark.slow
def test_translate_magics(kernel_env: dict[str, str], tmp_path: Path) -> None:
    outputs = run_cells(
        [
            "%load_ext omppy",
            """%%omppy_translate
s = 0
# omp parallel for reduction(+:s)
for i in range(10):
    s += i""",
            "%omppy_translate",
            """%%omppy -n 2
u = 1
# omp parallel for
for i in range(3):
    pass""",
            """def f(n):
    t = 0
    # omp parallel for reduction(+:t)
    for i in range(n):
        t += i
    return t""",
            "%omppy_translate f",
            "print('s' in dir(), 'u' in dir(), f(10))",
            "%%omppy\nv = 6\nv * 7",
            "%%omppy\nv * 7;  # a cell ending in ';' shows no value",
            "%%omppy -n 0\nv = 0",
            "%%omppy --report\nv = 0",
            "print(v)",
        ],
        kernel_env,
        tmp_path,
    )

    def shown(cell: list[Any]) -> str:
        no_errors(cell)
        return "".join(o.data["text/plain"] for o in cell if o.output_type == "display_data")

    assert "reduction={'s': ('+', s)}" in shown(outputs[1])
    assert shown(outputs[2]) == ""
    assert "_omp.parallel(" in shown(outputs[3]) and "u = 1" in shown(outputs[3])
    assert "def f(n):" in shown(outputs[5]) and "reduction={'t'" in shown(outputs[5])
    # Nothing was run by a translation, and a plain cell's pragmas stay comments.
    assert stream(outputs[6]) == "False False 45\n"
    assert result(outputs[7]) == "42"
    assert outputs[8] == []
    # Bad options: a usage error, and the cell does not run.
    assert "UsageError: -n needs a positive team size, got 0" in stream(outputs[9], "stderr")
    assert "no load-balance report yet" in stream(outputs[10], "stderr")
    assert stream(outputs[11]) == "6\n"


# -- without a kernel ------------------------------------------------------------------


def test_import_omppy_does_not_import_ipython() -> None:
    heavy = "('IPython', 'omppy.jupyter')"
    code = f"import sys, omppy; print([m for m in {heavy} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "[]", done.stderr


class FakeKernelStream:
    """What the relay forwards to: records the text, like a kernel's OutStream."""

    encoding = "UTF-8"

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_relay_keeps_writes_in_order_and_forked_writers_off_the_stream() -> None:
    from omppy.jupyter.relay import OutputRelay

    relay = OutputRelay()
    try:
        target = FakeKernelStream()
        stream = relay.wrap("stdout", target)
        assert stream.fileno() == relay.write_fd("stdout")
        stream.write("first\n")
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                stream.write("from the child: ünïcode\n")  # through the pipe, no lock
                os.write(stream.fileno(), b"raw bytes\n")
            finally:
                os._exit(0)
        assert os.waitpid(pid, 0)[1] == 0
        stream.write("last\n")  # drains the pipe first
        assert "".join(target.parts) == "first\nfrom the child: ünïcode\nraw bytes\nlast\n"
    finally:
        relay.stop()


def test_relay_leaves_real_files_alone() -> None:
    from omppy.jupyter.relay import OutputRelay

    relay = OutputRelay()
    try:
        real = io.TextIOWrapper(io.BytesIO())
        assert relay.wrap("stdout", real) is real
    finally:
        relay.stop()


@pytest.mark.slow
@pytest.mark.skipif(sys.version_info < (3, 12), reason="the fork-with-threads warning is 3.12+")
def test_no_fork_warning_for_omppys_forks(kernel_env: dict[str, str], tmp_path: Path) -> None:
    """A kernel has threads; CPython 3.12+ warns when such a process forks.  Not for
    omppy's workers, which touch none of the kernel's threads' state; a fork of the
    user's own still warns."""
    outputs = run_cells(
        [
            "%load_ext omppy",
            """%%omppy -n 2
# omp parallel
print("hello")
# omp end parallel""",
            """import os
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)[1]""",
        ],
        {**kernel_env, "PYTHONWARNINGS": "default"},  # DeprecationWarnings shown everywhere
        tmp_path,
    )
    no_errors(outputs[1])
    assert stream(outputs[1]) == "hello\nhello\n"
    assert "multi-threaded, use of fork()" in stream(outputs[2], "stderr")
