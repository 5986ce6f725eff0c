"""BUG (minimal, from tuple_of_lists_global; refused): appends under '# omp critical'
to the lists held by a shared tuple (`buckets = ([], [])`) are refused as a data race
("thread 0 changed the length of buckets[0] ... while thread 1 also changed it"),
though every append is inside one critical. The same program with a list of lists
(`buckets = [[], []]`) passes."""

buckets = ([], [])

# omp parallel for
for i in range(8):
    # omp critical
    buckets[i % 2].append(i)
print([sorted(b) for b in buckets])
