"""Removing from shared containers under critical: a pending list (`remove`), a set of
open tickets (`discard`), a dict of leases (`del`), as workers complete items."""

pending = list(range(50))
open_tickets = set(range(100, 150))
leases = {i: f"worker-{i % 4}" for i in range(50)}

# omp parallel for schedule(dynamic, 3)
for i in range(50):
    done = i % 5 != 4
    if done:
        # omp critical
        if True:
            pending.remove(i)
            open_tickets.discard(100 + i)
            del leases[i]
        # omp end critical

print(pending, sorted(open_tickets), sorted(leases.items()))
