"""OMP4Py's maze example (github.com/citiususc/omp4py,
examples/omp4py_examples/maze.py), ported to comment pragmas: a path through a perfect
maze (one path between any two cells) searched by tasks, one per open neighbour, each
with its own copy of the path so far (`firstprivate`); the task reaching the exit
writes the path into a shared result list.  The maze is generated as the example does
(random spanning tree by union of groups), small."""

import random

MOVES = [(-1, 0), (0, 1), (1, 0), (0, -1)]


def gen_maze(cells, seed):
    rng = random.Random(seed)
    edges = [((x, y), (x + 1, y)) for y in range(cells) for x in range(cells - 1)]
    edges += [((x, y), (x, y + 1)) for y in range(cells - 1) for x in range(cells)]
    rng.shuffle(edges)
    rank = {(i, j): i * cells + j for i in range(cells) for j in range(cells)}
    groups = {rank[c]: {c} for c in rank}
    n = 2 * cells - 1
    maze = [[1] * n for _ in range(n)]
    for i in range(0, n, 2):
        for j in range(0, n, 2):
            maze[i][j] = 0
    for x, y in edges:
        a, b = rank[x], rank[y]
        if a != b:
            groups[a] |= groups.pop(b)
            for c in groups[a]:
                rank[c] = a
            maze[x[0] + y[0]][x[1] + y[1]] = 0
    return maze


def search(maze, start, path, result):
    if result[0] > -1:
        return
    n = len(maze)
    for i, (di, dj) in enumerate(MOVES):
        oi, oj = start[0] + di, start[1] + dj
        if 0 <= oi < n and 0 <= oj < n and maze[oi][oj] == 0:
            if not path or (i == path[-1] or path[-1] % 2 != i % 2):
                new_path = [*path, i]
                # omp task firstprivate(i, new_path)
                if (oi, oj) == (n - 1, n - 1):
                    result[: len(new_path)] = new_path
                search(maze, (oi, oj), new_path, result)
                # omp end task


def solve(maze):
    result = [-1] * (len(maze) * len(maze))
    # omp parallel
    # omp single
    search(maze, (0, 0), [], result)
    # omp end single
    # omp end parallel
    return result


maze = gen_maze(6, 0)
result = solve(maze)
length = result.index(-1) if -1 in result else len(result)
print("path len", length, result[:length])
