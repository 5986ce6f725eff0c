"""Set-like dict of visited names filled by a module helper under critical; each chunk
visits names in its own order."""
import time

visited = {}


def visit(name):
    visited[name] = True


def visit_all(names):
    for n in names:
        visit(n)


routes = [["oslo", "bergen", "tromso"], ["tromso", "oslo", "bergen", "narvik"]]
# omp parallel for schedule(static, 1)
for r in range(2):
    if r == 0:
        time.sleep(0.2)
    # omp critical
    visit_all(routes[r])
print(list(visited))
