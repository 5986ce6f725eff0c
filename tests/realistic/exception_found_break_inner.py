"""A custom exception carries a found value out of nested loops in a helper (control
flow by exception), per iteration; results stored by index, misses counted."""


class Found(Exception):
    def __init__(self, pair):
        self.pair = pair


def find_pair(target, nums):
    for a in nums:
        for b in nums:
            if a < b and a * b == target:
                raise Found((a, b))
    return None


nums = list(range(2, 60))
targets = [i * 7 + 6 for i in range(150)]
pairs = [None] * len(targets)
misses = 0

# omp parallel for reduction(+:misses) schedule(guided)
for i in range(len(targets)):
    try:
        find_pair(targets[i], nums)
        misses += 1
    except Found as f:
        pairs[i] = f.pair

print(misses, pairs[:6], sum(p[0] for p in pairs if p))
