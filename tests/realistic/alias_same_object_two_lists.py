"""One object reached from two containers (a list of all nodes and a dict by name):
each iteration updates its node through the list, the dict read afterwards."""


class Node:
    def __init__(self, name):
        self.name = name
        self.degree = 0
        self.neighbours = []


nodes = [Node(f"n{i}") for i in range(40)]
by_name = {n.name: n for n in nodes}
# omp parallel for
for i in range(len(nodes)):
    n = nodes[i]
    for k in (1, 3, 7):
        n.neighbours.append(f"n{(i + k) % 40}")
    n.degree = len(n.neighbours)

print(by_name["n5"].neighbours, sum(by_name[f"n{i}"].degree for i in range(40)))
