"""Two module helpers, one calling the other, each with its own memo dict; the block
calls the outer one through a dict of handlers (`HANDLERS[kind](x)`)."""
import time

inner_memo = {}
outer_memo = {}


def norm(s):
    if s not in inner_memo:
        inner_memo[s] = s.strip().lower()
    return inner_memo[s]


def handle_word(s):
    k = norm(s)
    if k not in outer_memo:
        outer_memo[k] = len(k)
    return outer_memo[k]


HANDLERS = {"word": handle_word}
jobs = [[" Bb", "aa ", "Cc"], ["AA", "bb", "dd"]]
total = 0
# omp parallel for schedule(static, 1) reduction(+:total)
for j in range(2):
    if j == 0:
        time.sleep(0.2)
    for s in jobs[j]:
        # omp critical
        total += HANDLERS["word"](s)
print(total, list(inner_memo), list(outer_memo))
