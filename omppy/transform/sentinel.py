"""The pragma sentinel ``# omp`` and the cheap test for it, :func:`has_pragmas`.

Kept apart from ``scanner.py`` so that the import hook, which runs the test on every
module imported after it is installed, imports nothing but :mod:`re` to do so.
"""

from __future__ import annotations

import re
from typing import AnyStr

__all__ = ["PRAGMA_RE", "SENTINEL_RE", "has_pragmas", "pragma_lines"]

# A line that is, after optional indentation, '#', optional spaces or tabs, 'omp', then
# whitespace or the end of the line ('\r' ends a line too, as for Python).  It may match
# where find_pragmas finds nothing (a line inside a triple-quoted string) but never misses
# a line that find_pragmas takes.
PRAGMA_RE = re.compile(r"(?:^|(?<=\r))[ \t\f]*#[ \t]*omp(?:\s|$)", re.MULTILINE)
# The same sentinel, matched against the text of one comment token.
SENTINEL_RE = re.compile(r"#[ \t]*omp(?=\s|$)")
# PRAGMA_RE without its line-start anchor: a search for it can skip ahead to each '#',
# where the anchored pattern is tried at every character (several times slower).
_CANDIDATE_RE = re.compile(r"#[ \t]*omp(?:\s|$)", re.MULTILINE)
# The same for undecoded bytes.  Bytes patterns know only ASCII whitespace, so the
# other characters ``\s`` matches in text (\x1c-\x1f, and any non-ASCII byte, which may
# begin a Unicode space) count too: a superset, never a miss.
_CANDIDATE_BYTES_RE = re.compile(rb"#[ \t]*omp(?:\s|$|[\x1c-\x1f\x80-\xff])", re.MULTILINE)


def has_pragmas(source: str | bytes) -> bool:
    """Whether ``source`` may hold a pragma: the cheap test run on every imported module.

    For text, the same answer as ``PRAGMA_RE.search(source) is not None``, only faster.
    Raw bytes (a file as read, before decoding) are searched directly: Python source
    encodings are ASCII-compatible, and a non-ASCII byte after the sentinel counts as
    the whitespace it may begin, so the answer for bytes never misses a pragma.
    """
    if isinstance(source, bytes):
        return _has_candidate(source, _CANDIDATE_BYTES_RE, b"\n", b"\r", b" \t\f")
    return _has_candidate(source, _CANDIDATE_RE, "\n", "\r", " \t\f")


def _has_candidate(
    source: AnyStr, candidates: re.Pattern[AnyStr], newline: AnyStr, cr: AnyStr, blank: AnyStr
) -> bool:
    for match in candidates.finditer(source):
        hash_at = match.start()
        line_start = source.rfind(newline, 0, hash_at) + 1
        line_start = source.rfind(cr, line_start, hash_at) + 1 or line_start
        if not source[line_start:hash_at].strip(blank):
            return True
    return False


def pragma_lines(source: str) -> list[int]:
    """The lines of ``source`` (ending in ``\n`` only) that may hold a pragma: each line
    ``PRAGMA_RE`` matches (never one :func:`~.scanner.find_pragmas` takes is missed)."""
    found: list[int] = []
    line, counted = 1, 0
    for match in _CANDIDATE_RE.finditer(source):
        hash_at = match.start()
        line_start = source.rfind("\n", 0, hash_at) + 1
        if not source[line_start:hash_at].strip(" \t\f"):
            line += source.count("\n", counted, hash_at)
            counted = hash_at
            if not found or found[-1] != line:
                found.append(line)
    return found
