"""Log analysis with collections: a Counter of event kinds (reduction by hand under
critical), a defaultdict(list) of per-user sessions, and a deque of the last alerts
(maxlen) appended in ordered so the window is the sequential one.  (The top
kind is taken with ties broken by name: `most_common` breaks ties by insertion
order, which the order of the critical sections decides.)"""

from collections import Counter, defaultdict, deque

events = [(f"u{(i * 7) % 11}", ("login", "view", "buy", "error")[(i * i) % 4], i) for i in range(400)]
kinds = Counter()
sessions = defaultdict(list)
alerts = deque(maxlen=5)

# omp parallel for ordered schedule(static, 10)
for i in range(len(events)):
    user, kind, t = events[i]
    local = Counter({kind: 1})
    # omp critical(kinds)
    kinds.update(local)
    # omp end critical
    # omp critical(sessions)
    sessions[user].append(t)
    # omp end critical
    # omp ordered
    if kind == "error":
        alerts.append((user, t))
    # omp end ordered

print(sorted(kinds.items()), max(kinds.items(), key=lambda kv: (kv[1], kv[0])))
print(sorted((u, len(v), sum(v)) for u, v in sessions.items())[:4])
print(list(alerts))
