"""OpenMP Examples task_reduction.1, ported: the sum of a linked list's values by tasks
with `in_reduction(+:res)` inside a `taskgroup task_reduction(+:res)`."""


class Item:
    def __init__(self, val, nxt):
        self.val = val
        self.next = nxt


def linked(n):
    head = None
    for v in range(n, 0, -1):
        head = Item(v * 3 % 17, head)
    return head


def linked_list_sum(p):
    res = 0
    # omp taskgroup task_reduction(+:res)
    while p is not None:
        # omp task in_reduction(+:res) firstprivate(p)
        res += p.val
        p = p.next
    # omp end taskgroup
    return res


total = 0
# omp parallel
# omp single
total = linked_list_sum(linked(120))
# omp end single
# omp end parallel
print(total, sum(v * 3 % 17 for v in range(1, 121)))
