"""omppy in IPython and Jupyter: ``%load_ext omppy``, then ``%%omppy`` on a cell.

- ``magics.py``: the ``%%omppy`` and ``%omppy_translate`` magics;
- ``cell.py``: translating, compiling and running one cell in the kernel's namespace;
- ``errors.py``: how a cell's errors are shown (at the cell's lines, no omppy frames);
- ``relay.py``: the kernel's output given real file descriptors, relayed in order;
- ``workers.py``: what a worker forked from a kernel may touch (never its sockets).

Loading the extension registers the magics, installs omppy's import hook (modules
with pragmas imported afterwards are translated, as under ``omppy run``), and, in a
kernel, starts the output relay, which is put in place before every cell and taken
away after it.  docs/jupyter.md is the user's guide and explains the mechanism.
"""

from __future__ import annotations

import sys
from typing import Any

try:
    import IPython
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "omppy's notebook support needs IPython 8 or newer: pip install 'omppy[jupyter]'"
    ) from error

from ..runtime import reaping
from .relay import OutputRelay
from .workers import attach, quiet_fork_warning

MINIMUM_IPYTHON = (8, 0)


class _Extension:
    """What one ``%load_ext omppy`` set up, so that ``%unload_ext omppy`` can undo it."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.relay: OutputRelay | None = None

    def before_cell(self, *_: Any) -> None:
        if self.relay is not None:
            self.relay.install()

    def after_cell(self, *_: Any) -> None:
        if self.relay is not None:
            self.relay.uninstall()
        # The cell's last team's workers, which exit after their reports
        # (runtime/reaping.py): no zombie stays in the kernel between cells.
        reaping.reap_all()


_loaded: _Extension | None = None


def load_ipython_extension(shell: Any) -> None:
    """``%load_ext omppy``: register the magics and, in a kernel, the output relay."""
    global _loaded
    if _loaded is not None:
        return
    if _version(IPython.__version__) < MINIMUM_IPYTHON:
        raise ImportError(
            f"omppy's notebook support needs IPython 8 or newer (this is {IPython.__version__}): "
            "pip install 'omppy[jupyter]'"
        )
    from ..transform.importer import install
    from .magics import OmppyMagics

    extension = _Extension(shell)
    if "ipykernel" in sys.modules:
        extension.relay = OutputRelay()
    attach(extension.relay)
    quiet_fork_warning()
    from .. import openfiles

    openfiles.install(before_program=False)  # earlier cells' files: one scan, when needed
    install()
    shell.register_magics(OmppyMagics)
    shell.events.register("pre_run_cell", extension.before_cell)
    shell.events.register("post_run_cell", extension.after_cell)
    extension.before_cell()  # this very cell's later output goes through it too
    _loaded = extension


def unload_ipython_extension(shell: Any) -> None:
    """``%unload_ext omppy``: stop the relay and forget the cell hooks."""
    global _loaded
    extension, _loaded = _loaded, None
    if extension is None:
        return
    for event, callback in (
        ("pre_run_cell", extension.before_cell),
        ("post_run_cell", extension.after_cell),
    ):
        try:
            shell.events.unregister(event, callback)
        except ValueError:
            pass
    magics = shell.magics_manager.magics
    for kind, name in (
        ("cell", "omppy"),
        ("line", "omppy_translate"),
        ("cell", "omppy_translate"),
    ):
        magics[kind].pop(name, None)
    if extension.relay is not None:
        extension.relay.uninstall()
        attach(None)
        extension.relay.stop()
    from ..transform.importer import PragmaFinder

    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, PragmaFinder)]


def _version(text: str) -> tuple[int, ...]:
    numbers = []
    for part in text.split(".")[:2]:
        digits = "".join(ch for ch in part if ch.isdigit())
        numbers.append(int(digits or 0))
    return tuple(numbers)


__all__ = ["load_ipython_extension", "unload_ipython_extension"]
