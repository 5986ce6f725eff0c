"""Rodinia's bfs (OpenMP version: bfs/bfs.cpp), in pure Python: the masks of the
frontier (graph_mask), the next frontier (updating_graph_mask) and the visited nodes,
and the cost of each node, in two `parallel for` loops per level (expand, then
update), until no node is updated.

Fixed to be race-free: in Rodinia's expand loop two frontier nodes with a common
unvisited neighbour both store its cost and its mask, and in the update loop every
thread that finds an updated node stores the shared `stop` flag (the same values:
benign races in C, data races in OpenMP terms); here those stores are `atomic write`.
(`reduction(&&: stop)` with `stop = False` is refused by omppy: a plain store to a
reduction variable loses python's last value in general.)"""

import random

NO_OF_NODES = 400
EDGES_PER_NODE = 4


def make_graph():
    random.seed(21)
    edges = [set() for _ in range(NO_OF_NODES)]
    for i in range(NO_OF_NODES):
        for _ in range(EDGES_PER_NODE):
            j = random.randrange(NO_OF_NODES)
            if j != i:
                edges[i].add(j)
                edges[j].add(i)
    starting, edge_list = [], []
    for i in range(NO_OF_NODES):
        starting.append(len(edge_list))
        edge_list.extend(sorted(edges[i]))
    counts = [len(edges[i]) for i in range(NO_OF_NODES)]
    return starting, counts, edge_list


def bfs(starting, counts, edge_list, source):
    graph_mask = [False] * NO_OF_NODES
    updating_graph_mask = [False] * NO_OF_NODES
    graph_visited = [False] * NO_OF_NODES
    cost = [-1] * NO_OF_NODES
    graph_mask[source] = True
    graph_visited[source] = True
    cost[source] = 0
    k = 0
    stop = False
    while not stop:
        stop = True
        # omp parallel for
        for tid in range(NO_OF_NODES):
            if graph_mask[tid]:
                graph_mask[tid] = False
                for i in range(starting[tid], starting[tid] + counts[tid]):
                    id = edge_list[i]
                    if not graph_visited[id]:
                        # omp atomic write
                        cost[id] = cost[tid] + 1
                        # omp atomic write
                        updating_graph_mask[id] = True
        # omp parallel for
        for tid in range(NO_OF_NODES):
            if updating_graph_mask[tid]:
                graph_mask[tid] = True
                graph_visited[tid] = True
                # omp atomic write
                stop = False
                updating_graph_mask[tid] = False
        k += 1
    return cost, k


def main():
    starting, counts, edge_list = make_graph()
    cost, levels = bfs(starting, counts, edge_list, 0)
    print("levels:", levels, "max cost:", max(cost), "unreached:", cost.count(-1))
    print([cost.count(c) for c in range(max(cost) + 1)], sum(cost))


main()
