"""BUG (minimal, from ngram_counter; refused): `total += part` inside '# omp critical',
where `total` is a shared list (or a Counter), changes the object in place, but the
translator lists the block as touching neither `total`'s object (`critical('',
('total',), touches=())`), so the change is not published with the block and the
barrier reports a data race ("thread 0 changed the length of total ... while thread 1
also changed it"). When the block calls a function omppy cannot see
(`total += Counter(...)`) it compares every shared object and the program passes."""

total = [0]
# omp parallel for
for i in range(4):
    part = [i]
    # omp critical
    total += part
print(sorted(total))
