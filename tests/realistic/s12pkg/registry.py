"""A module mutating its own globals from functions (no pragmas of its own)."""
REGISTRY = {}
ORDER = []
count = 0


def register(name, value):
    global count
    REGISTRY[name] = value
    ORDER.append(name)
    count += 1
