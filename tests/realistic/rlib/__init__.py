"""Helper modules imported by some realistic programs (no pragmas of their own unless
the module says so)."""
