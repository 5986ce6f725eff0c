"""Walking small trees with a recursive generator (`yield from`): each iteration builds
its own tree and sums the leaves reached through the generator."""


def build(depth, seed):
    if depth == 0:
        return seed % 10
    return [build(depth - 1, seed * 3 + k) for k in range((seed % 3) + 1)]


def leaves(node):
    if isinstance(node, list):
        for child in node:
            yield from leaves(child)
    else:
        yield node


counts = [0] * 40
sums = [0] * 40
# omp parallel for schedule(dynamic)
for i in range(40):
    tree = build(4, i)
    got = list(leaves(tree))
    counts[i] = len(got)
    sums[i] = sum(got)
print(counts[:8], sum(counts), sum(sums))
