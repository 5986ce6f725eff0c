"""RACE (an error is the right answer): a search sets a shared flag and records the
last match without synchronisation (`state["found"] = True; state["at"] = i`). Matches
lie in every thread's chunk, so at 2+ threads several threads store the same keys
between two barriers: a data race in OpenMP (the flag's value agrees, `at` does not)."""

data = [(i * 31) % 97 for i in range(300)]
state = {"found": False, "at": -1}

# omp parallel for
for i in range(len(data)):
    if data[i] % 10 == 3:
        state["found"] = True
        state["at"] = i

print(state)
