"""The ``omppy`` command's entry point: ``omppy run`` without click when it can.

One idea: a plainly spelled ``omppy run [OPTIONS] TARGET ARGS`` is read here, with
no click (importing click cost a cached run about a tenth of its time over
``python``, issue 21); anything else (help, ``--version``, an option spelled
``--opt=value`` or bundled, a usage error, the other commands) goes to click
(``commands.py``), which then reads the whole command line itself, so its
messages and exit statuses are the only ones.

Exit status: the program's own for ``run``; 1 for a program that failed (a pragma
error included); 2 for bad usage of the command itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

# runtime/backend.py's BACKENDS, spelled here so that the command's definition loads
# no runtime (tests/test_threads_backend.py checks that the two agree).
BACKEND_CHOICES = ("fork", "threads", "dask")

# ``omppy run``'s options as the fast path reads them: spelling -> (name, takes a value).
_RUN_OPTIONS = {
    "-m": ("module", True),
    "--backend": ("backend", True),
    "--scheduler": ("scheduler", True),
    "-n": ("num_threads", True),
    "--num-threads": ("num_threads", True),
    "-P": ("safe_path", False),
    "--check": ("check", False),
    "--trace": ("trace", True),
    "--report": ("report", False),
    "--progress": ("progress", False),
}


class Usage(Exception):
    """Bad usage of ``omppy run``: click reports it (``commands.py``)."""


def main(args: Sequence[str] | None = None, prog_name: str | None = None) -> None:
    """``omppy`` (the console script) and ``python -m omppy``."""
    argv = list(sys.argv[1:] if args is None else args)
    options = _plain_run(argv)
    if options is not None:
        try:
            run_program(**options)  # type: ignore[arg-type]
        except Usage:
            pass  # click reads the command line again and says what is wrong
        except (EOFError, KeyboardInterrupt):
            # As click's standalone mode ends on them (its ``Abort``).
            print(file=sys.stderr)
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
    from .commands import main as command  # click: deferred, a cached run needs none

    command(argv, prog_name=prog_name)


def _plain_run(argv: list[str]) -> dict[str, object] | None:
    """``run``'s options and arguments, when every option before the target is one of
    :data:`_RUN_OPTIONS` spelled apart from its value (None: leave it to click).

    Click's reading of the same: options until the first word that is not one
    (``allow_interspersed_args`` off), then that word as the target (with ``-m``: the
    module's first argument) and everything after it as the program's arguments.
    """
    if not argv or argv[0] != "run" or "_OMPPY_COMPLETE" in os.environ:
        return None  # another command, or click's shell completion
    found: dict[str, object] = {
        "module": None,
        "backend": None,
        "scheduler": None,
        "num_threads": None,
        "safe_path": False,
        "check": False,
        "trace": None,
        "report": False,
        "progress": False,
    }
    index = 1
    seen: set[str] = set()
    while index < len(argv) and argv[index].startswith("-"):
        known = _RUN_OPTIONS.get(argv[index])
        if known is None or known[0] in seen:
            return None  # --help, --opt=value, -n4, a repeated option, '--', '-': click's
        name, takes_value = known
        seen.add(name)
        if takes_value:
            if index + 1 >= len(argv) or argv[index + 1].startswith("-"):
                return None
            found[name] = argv[index + 1]
            index += 2
        else:
            found[name] = True
            index += 1
    if found["backend"] is not None and found["backend"] not in BACKEND_CHOICES:
        return None
    rest = argv[index:]
    if not rest and found["module"] is None:
        return None
    found["target"] = rest[0] if rest else None
    found["args"] = tuple(rest[1:])
    return found


def run_program(
    module: str | None,
    backend: str | None,
    scheduler: str | None,
    num_threads: str | None,
    safe_path: bool,
    check: bool,
    trace: str | None,
    report: bool,
    progress: bool,
    target: str | None,
    args: tuple[str, ...],
) -> None:
    """``omppy run``: set the variables its options stand for, run the program, and
    exit with its status; raises :class:`Usage` before anything runs."""
    _watch_options(trace, report, progress)  # before the runtime's import reads them
    from .runner import PyRunner, ScriptNotFound
    from .runtime.backend import VARIABLE as BACKEND_VARIABLE
    from .runtime.backend import from_environment as backend_from_environment
    from .runtime.icv import ConfigError, icv, parse_num_threads

    if backend is not None:
        os.environ[BACKEND_VARIABLE] = backend  # for this process and any omppy it starts
    try:
        if num_threads is not None:
            parse_num_threads("--num-threads", num_threads.strip())
            # The variable, not an in-process setting: workers and child programs see it.
            os.environ["OMPPY_NUM_THREADS"] = num_threads.strip()
        if check:
            os.environ["OMPPY_CHECK"] = "1"
        icv()  # a malformed OMP_* variable is a usage error, reported before running
        chosen = backend_from_environment()
    except ConfigError as error:
        raise Usage(str(error)) from None
    if scheduler is not None:
        os.environ["OMPPY_DASK_SCHEDULER"] = scheduler
        if chosen != "dask":
            raise Usage("--scheduler needs the dask backend (--backend dask)")
    if chosen == "dask" and os.environ.get("OMPPY_DASK_SCHEDULER", "").strip():
        _connect_to_scheduler()
    if module is not None:
        runner = PyRunner(
            module,
            [target, *args] if target is not None else list(args),
            as_module=True,
            safe_path=safe_path,
        )
    elif target == "-":
        raise Usage(
            "omppy run cannot read the program from standard input ('-'): save it to a file"
        )
    elif target is not None and target.startswith("-"):
        # A word click let through as the target (unknown options pass, for -m's
        # module): python's own -c, -X, -W... are not omppy run's.
        raise Usage(f"No such option: {target} (omppy run takes a script, or -m MODULE)")
    elif target is not None:
        runner = PyRunner(target, args, safe_path=safe_path)
    else:
        raise Usage("give a script to run, or -m MODULE")
    try:
        status = runner.run()
    except ScriptNotFound as error:
        print(f"omppy: error: {error}", file=sys.stderr)
        sys.exit(2)
    sys.exit(status)


def _watch_options(trace: str | None, report: bool, progress: bool) -> None:
    """--trace, --report, --progress: the variables runtime/observe.py reads when the
    runtime is imported; a trace that could not be written is a usage error."""
    if trace is not None:
        os.environ["OMPPY_TRACE"] = trace
    if report:
        os.environ["OMPPY_REPORT"] = "1"
    if progress:
        os.environ["OMPPY_PROGRESS"] = "1"
    path = os.environ.get("OMPPY_TRACE", "").strip()
    if path:
        directory = os.path.dirname(os.path.abspath(path))
        spelled = f"--trace {path}" if trace is not None else f"OMPPY_TRACE={path}"
        if not os.path.isdir(directory):
            raise Usage(f"{spelled}: no directory {directory}")
        if os.path.isdir(path):
            raise Usage(f"{spelled}: is a directory")


def _connect_to_scheduler() -> None:
    """An unreachable scheduler is an error before the program starts."""
    from .runtime.dask.connect import client
    from .runtime.errors import OmpError

    try:
        client()
    except OmpError as error:
        print(f"omppy: error: {error}", file=sys.stderr)
        sys.exit(1)
