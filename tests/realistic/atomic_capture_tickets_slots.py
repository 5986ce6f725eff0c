"""Work items take a ticket with `atomic capture` and write their result into the
slot of their ticket; the results are then reordered by item."""

tickets = [0]
slots = [None] * 120
# omp parallel for schedule(dynamic)
for i in range(120):
    if i % 4 == 3:
        continue
    # omp atomic capture
    t = tickets[0]
    tickets[0] += 1
    # omp end atomic
    slots[t] = (i, i * i % 101)
used = [s for s in slots if s is not None]
print(tickets[0], len(used), sorted(used)[:5], sum(v for _, v in used))
