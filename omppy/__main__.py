"""``python -m omppy`` is the ``omppy`` command."""

from omppy.cli import main

if __name__ == "__main__":
    main(prog_name="omppy")
