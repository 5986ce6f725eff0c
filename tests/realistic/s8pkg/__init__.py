"""A package of two modules that import each other's globals (red team round 5)."""
