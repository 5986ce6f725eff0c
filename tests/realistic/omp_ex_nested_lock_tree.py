"""OpenMP Examples simple_lock: one lock per bucket (a list of locks made with
omp_init_lock), a loop that inserts into bucket lists holding the bucket's lock.

Was refused at times ('thread 0 changed the length of buckets[0] ... while thread 1
also changed it'): locks did not publish.  Setting and unsetting one are flushes now."""

from omppy import omp_init_lock, omp_set_lock, omp_unset_lock

NB = 8
locks = [omp_init_lock() for _ in range(NB)]
buckets = [[] for _ in range(NB)]
keys = [(i * 53) % 211 for i in range(160)]

# omp parallel for schedule(dynamic, 5)
for i in range(len(keys)):
    b = keys[i] % NB
    omp_set_lock(locks[b])
    buckets[b].append(keys[i])
    omp_unset_lock(locks[b])

print([len(b) for b in buckets], [sorted(b)[:3] for b in buckets[:3]], sum(map(sum, buckets)))
