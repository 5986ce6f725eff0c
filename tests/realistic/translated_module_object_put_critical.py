"""`s.put(k, q, v)` under critical, `s` an object of a class from another module that
has pragmas of its own (so it is translated, not a plain module): the translator
reading this module took `.put` for `Queue.put` (a change one level deep). Session 6
found the nested appends lost with exit status 0 at 2+ threads; now an object whose
class comes from another module with a method named as a container's is compared
four levels down, and the region takes the deep net."""

from rlib.shelf import Shelf, squares

s = Shelf()
# omp parallel for
for i in range(30):
    # omp critical
    s.put("ab"[i % 2], i % 3, i * i)
print({k: {q: sorted(v) for q, v in sorted(d.items())} for k, d in sorted(s.by_kind.items())})
print(sum(squares(10)))
