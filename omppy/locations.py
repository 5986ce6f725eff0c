"""Where a program's own modules are not: the standard library, site-packages, omppy.

Shared by the import hook (which does not read modules there for pragmas) and the
runtime (which watches the globals of the program's own modules without pragmas, see
``runtime/watch.py``).  Imports only ``os`` and ``sys``.
"""

from __future__ import annotations

import os
import sys

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def library_locations() -> list[tuple[str, str]]:
    """``(directory + os.sep, what it is)`` for the standard library, site-packages and
    omppy: directories whose modules carry no pragmas for omppy to translate (a package
    of yours installed in development mode, ``pip install -e``, is imported from its own
    directory and is translated), longest first, so that site-packages inside the
    standard library's directory is named as such."""
    found = [(PACKAGE_DIR, "omppy itself"), (os.path.dirname(os.__file__), "standard library")]
    site = sys.modules.get("site")  # not imported under 'python -S'
    if site is not None:
        places = list(getattr(site, "getsitepackages", list)())
        user = getattr(site, "USER_SITE", None)
        if isinstance(user, str):
            places.append(user)
        found += [(place, "site-packages") for place in places]
    unique: dict[str, str] = {}
    for directory, what in found:
        for variant in {os.path.abspath(directory), os.path.realpath(directory)}:
            unique.setdefault(variant.rstrip(os.sep) + os.sep, what)
    return sorted(unique.items(), key=lambda item: -len(item[0]))
