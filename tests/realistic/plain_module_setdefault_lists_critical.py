"""A helper of a module without pragmas files values into a module-level dict of lists
(`seen.setdefault(k, []).append(v)`) under critical. Session 6 found the appends to
lists another thread had created lost with exit status 0 at 2+ threads (the module's
globals were compared one level down); now they are compared as deep as a small
global goes, and a deeper change is the deep net's error."""

from rlib import nested

# omp parallel for
for i in range(40):
    v = (i * 13) % 9
    # omp critical
    nested.note(v % 3, v)

print({k: sorted(v) for k, v in sorted(nested.seen.items())}, nested.calls)
