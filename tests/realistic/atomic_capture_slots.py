"""Claiming output slots with `# omp atomic capture` (a ticket counter): each match
takes the next free slot and writes its record there; the records are sorted after
the loop since the slot order depends on timing."""

data = [(i * 37) % 101 for i in range(300)]
slots = [None] * 300
next_slot = 0

# omp parallel for schedule(dynamic, 8)
for i in range(len(data)):
    if data[i] % 4 == 1:
        # omp atomic capture
        mine = next_slot
        next_slot += 1
        # omp end atomic
        slots[mine] = (i, data[i])

filled = sorted(s for s in slots[:next_slot])
print(next_slot, filled[:4], all(s is None for s in slots[next_slot:]))
