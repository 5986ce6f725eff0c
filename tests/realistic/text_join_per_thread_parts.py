"""Each thread builds its own string for a static block of the items and stores it in
parts[thread]; the parts joined in thread order equal the sequential string."""

from omppy import omp_get_max_threads, omp_get_thread_num

words = [f"w{i:03d}" for i in range(211)]
parts = [""] * omp_get_max_threads()

# omp parallel
if True:
    me = omp_get_thread_num()
    buf = []
    # omp for schedule(static) nowait
    for i in range(len(words)):
        buf.append(words[i].upper())
    parts[me] = ",".join(buf)

joined = ",".join(p for p in parts if p)
print(len(joined), joined[:40], joined[-20:])
print(joined == ",".join(w.upper() for w in words))
