"""A plain helper module (no pragmas): a registry kept in module-level containers, as
library code often does."""

_items = {}
_order = []


def register(key, value):
    _items[key] = value
    _order.append(key)


def items():
    return sorted(_items.items())


def count():
    return len(_order)
