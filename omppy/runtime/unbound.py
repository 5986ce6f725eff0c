"""The value a shared name has in a region when it had none before the region."""

from __future__ import annotations


class _Unbound:
    """The value of a shared name that had none when its region began."""

    _instance: _Unbound | None = None

    def __new__(cls) -> _Unbound:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<unbound>"

    def __reduce__(self) -> str:
        return "UNBOUND"


UNBOUND = _Unbound()
