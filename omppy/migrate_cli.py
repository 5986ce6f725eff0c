"""The ``omppy migrate`` command: show (or ``--write``) what ``omppy.migrate`` changes.

Without ``--write`` it prints a unified diff per file on standard output, and nothing
for a file with nothing to change.  On standard error it lists, per file, the regions
migrated and the regions kept on ``omppy.pymp`` with the reason.  Exit status 1 if a
file cannot be read or parsed, 2 for bad usage.
"""

from __future__ import annotations

import io
import sys
import tokenize

import click


@click.command("migrate")
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--write", is_flag=True, help="Rewrite the files instead of printing a diff.")
def migrate_command(sources: tuple[str, ...], write: bool) -> None:
    """Rewrite pymp code in SOURCES into '# omp' pragmas where that is mechanical."""
    failed = False
    for source in sources:
        failed = not _migrate_one(source, write) or failed
    sys.exit(1 if failed else 0)


def _migrate_one(source: str, write: bool) -> bool:
    from .migrate import migrate_file, unified_diff  # libcst's metadata: only when used

    try:
        with open(source, "rb") as handle:
            data = handle.read()
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)  # line endings kept as they are
    except OSError as error:
        click.echo(f"omppy migrate: error: cannot read {source!r}: {error.strerror}", err=True)
        return False
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        click.echo(f"{source}: error: cannot decode the source ({error})", err=True)
        return False
    try:
        outcome = migrate_file(text, source)
    except SyntaxError as error:
        where = f"{error.lineno}:{error.offset or 0}:" if error.lineno else ""
        click.echo(f"{source}:{where} syntax error: {error.msg}", err=True)
        return False
    for line in outcome.migrated:
        click.echo(f"{source}:{line}: migrated to '# omp' pragmas", err=True)
    for line, reason in outcome.kept:
        click.echo(f"{source}:{line}: kept on omppy.pymp: {reason}", err=True)
    if outcome.text == text:
        if not outcome.migrated and not outcome.kept:
            click.echo(f"{source}: nothing to migrate", err=True)
        return True
    if write:
        try:
            with open(source, "wb") as handle:
                handle.write(outcome.text.encode(encoding))
        except OSError as error:
            message = f"omppy migrate: error: cannot write {source!r}: {error.strerror}"
            click.echo(message, err=True)
            return False
    else:
        click.echo(unified_diff(text, outcome.text, source), nl=False)
    return True
