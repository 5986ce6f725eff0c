"""The ``omppy`` command's click definition: ``run``, ``translate``, ``migrate``.

One idea: the command line as click parses it, for everything ``cli.py``'s fast
path leaves to it (help, usage errors, options spelled other than plainly, the
other commands).

Only click is imported up front: each command imports what it needs, so a cached
``omppy run`` never loads the translator (libcst).
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .cli import BACKEND_CHOICES, Usage, run_program
from .migrate_cli import migrate_command  # click and the standard library only


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="omppy")
def main() -> None:
    """OpenMP for Python: run '# omp' pragmas on a team of forked processes or threads."""


@main.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.option("-m", "module", metavar="MODULE", help="Run library module MODULE as a script.")
@click.option(
    "--backend",
    type=click.Choice(BACKEND_CHOICES),
    help="Run regions on forked processes, on threads, or on a Dask cluster (sets "
    "OMPPY_BACKEND; default: threads on a free-threaded Python, fork elsewhere).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --backend dask: the Dask scheduler to use, e.g. tcp://host:8786 (sets "
    "OMPPY_DASK_SCHEDULER; default: a local cluster, one worker process per core or -n).",
)
@click.option(
    "-n",
    "--num-threads",
    metavar="N",
    help="Team size: sets OMPPY_NUM_THREADS (N, or N,M,... per nesting level).",
)
@click.option(
    "-P",
    "safe_path",
    is_flag=True,
    help="Don't put the script's directory (the current one for -m) first in sys.path, "
    "like 'python -P'.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Compare everything each region can reach, at any depth, and refuse what "
    "cannot be carried between threads (sets OMPPY_CHECK=1; slower).",
)
@click.option(
    "--trace",
    metavar="FILE",
    help="Write a Chrome/Perfetto trace of every team's threads to FILE at the end "
    "(sets OMPPY_TRACE; docs/tracing.md).",
)
@click.option(
    "--report",
    is_flag=True,
    help="Print a load-balance table per parallel construct to stderr at the end "
    "(sets OMPPY_REPORT=1).",
)
@click.option(
    "--progress",
    is_flag=True,
    help="Show a progress bar for long work-sharing loops when stderr is a terminal "
    "(sets OMPPY_PROGRESS=1).",
)
@click.argument("target", required=False)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def run(
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
    """Run TARGET (a script, or a directory or zip file with __main__.py) or -m MODULE
    with its pragmas in parallel, exactly like 'python TARGET ARGS'."""
    try:
        run_program(
            module,
            backend,
            scheduler,
            num_threads,
            safe_path,
            check,
            trace,
            report,
            progress,
            target,
            args,
        )
    except Usage as error:
        raise click.UsageError(str(error)) from None


@main.command("translate")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write here instead of to standard output.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit with status 1 if the translator warns about a likely data race.",
)
def translate_command(source: str, output: str | None, check: bool) -> None:
    """Write SOURCE with its pragmas rewritten into omppy runtime calls.

    Likely data races (an update whose place does not depend on the loop's
    variables) are reported on standard error as file:line:col warnings."""
    import gc
    import io
    import tokenize

    # A process that translates one file and exits: the cyclic collector would only
    # walk the translator's modules and libcst's trees again and again, freeing
    # nothing (about a tenth of the command, benchmarks/translation.py).
    gc.disable()

    from .transform.diagnostics import PragmaError
    from .transform.lines import compile_translation
    from .transform.translate import translate

    with click.open_file(source, "rb") as handle:
        data = handle.read()
    try:
        # As Python reads source: UTF-8 unless a coding declaration (PEP 263) says else.
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        click.echo(f"{source}: error: cannot decode the source ({error})", err=True)
        sys.exit(1)
    filename = "<stdin>" if source == "-" else source
    try:
        translation = translate(text, filename)
        compile_translation(translation, filename)  # the output must be valid Python
    except PragmaError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    except SyntaxError as error:
        click.echo(_syntax_error(filename, text, error), err=True)
        sys.exit(1)
    # A file without pragmas comes back byte-for-byte unchanged; the translation keeps
    # the file's own encoding, which its coding declaration (kept too) names.
    payload = translation.text.encode(encoding) if translation.changed else data
    try:
        with click.open_file(output or "-", "wb") as handle:
            handle.write(payload)
    except OSError as error:
        click.echo(f"omppy translate: error: cannot write {output!r}: {error.strerror}", err=True)
        sys.exit(2)
    for warning in translation.warnings:
        click.echo(str(warning), err=True)
    if check and translation.warnings:
        sys.exit(1)


def _syntax_error(filename: str, text: str, error: SyntaxError) -> str:
    """``file:line:col: syntax error: message``, and the line with a caret under the
    column, as a pragma error is shown (Python's own message and column)."""
    if not error.lineno:
        return f"{filename}: syntax error: {error.msg}"
    col = max(error.offset or 1, 1)
    shown = f"{filename}:{error.lineno}:{col}: syntax error: {error.msg}"
    lines = text.splitlines()
    if error.lineno <= len(lines):
        line = lines[error.lineno - 1].expandtabs(1).rstrip()
        if line.strip():
            shown += f"\n    {line}\n    {' ' * min(col - 1, len(line))}^"
    return shown


main.add_command(migrate_command)
