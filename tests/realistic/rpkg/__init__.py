"""A package of two modules with orphaned constructs, imported by some realistic
programs (session 7): `stats` holds orphaned `for`/`critical`/`atomic` helpers and
reads `store`'s module state; `store` keeps a module-level table and counters."""
