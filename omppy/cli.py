"""The ``omppy`` command: ``run`` a program in parallel, ``translate`` a file.

Exit status: the program's own for ``run``; 1 for a program that failed (a pragma
error included); 2 for bad usage of the command itself.
"""

from __future__ import annotations

import io
import os
import sys
import tokenize

import click

from . import __version__
from .runtime.backend import BACKENDS
from .runtime.backend import VARIABLE as BACKEND_VARIABLE
from .runtime.backend import from_environment as backend_from_environment
from .runtime.icv import ConfigError, icv
from .transform.diagnostics import PragmaError
from .transform.lines import compile_translation
from .transform.translate import translate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="omppy")
def main() -> None:
    """OpenMP for Python: run '# omp' pragmas on a team of forked processes or threads."""


@main.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.option("-m", "module", metavar="MODULE", help="Run library module MODULE as a script.")
@click.option(
    "--backend",
    type=click.Choice(BACKENDS),
    help="Run regions on forked processes or on threads (default: OMPPY_BACKEND, else "
    "threads on a free-threaded Python, fork elsewhere).",
)
@click.argument("target", required=False)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def run(
    module: str | None, backend: str | None, target: str | None, args: tuple[str, ...]
) -> None:
    """Run SCRIPT (or -m MODULE) with its pragmas in parallel, like 'python SCRIPT'."""
    from .runner import ScriptNotFound, run_module, run_path

    if backend is not None:
        os.environ[BACKEND_VARIABLE] = backend  # for this process and any omppy it starts
    try:
        icv()  # a malformed OMP_* variable is a usage error, reported before running
        backend_from_environment()
    except ConfigError as error:
        raise click.UsageError(str(error)) from None
    try:
        if module is not None:
            rest = [target, *args] if target is not None else list(args)
            status = run_module(module, rest)
        elif target is not None:
            status = run_path(target, list(args))
        else:
            raise click.UsageError("give a script to run, or -m MODULE")
    except ScriptNotFound as error:
        click.echo(f"omppy: error: {error}", err=True)
        sys.exit(2)
    sys.exit(status)


@main.command("translate")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write here instead of to standard output.",
)
def translate_command(source: str, output: str | None) -> None:
    """Write SOURCE with its pragmas rewritten into omppy runtime calls."""
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
        where = f"{error.lineno}:{error.offset or 0}:" if error.lineno else ""
        click.echo(f"{filename}:{where} syntax error: {error.msg}", err=True)
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
