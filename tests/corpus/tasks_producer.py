"""A producer loop of tasks inside single: tasks storing into a shared list by index
and into a shared dict by key, a while loop walking a linked list (the classic
OpenMP example), tasks created by every thread outside single, a task that binds
a name the region shares (published like a critical's), a critical inside tasks,
more tasks than threads, and a barrier after which every task has run."""


class Item:
    def __init__(self, value, following=None):
        self.value = value
        self.following = following


def work(x):
    total = 0
    for k in range(200):
        total += (x * k) % 7
    return total


def main():
    n = 40
    out = [0] * n
    table = {}
    head = None
    for v in reversed(range(25)):
        head = Item(v, head)
    lengths = [0] * 4
    count = 0
    last = None
    # omp parallel num_threads(4)
    if True:
        # omp single
        if True:
            for i in range(n):
                # omp task
                out[i] = work(i)
            item = head
            while item is not None:
                # omp task firstprivate(item)
                table[item.value] = work(item.value) * 2
                item = item.following
            # omp task shared(last)
            last = "set by a task"
        # omp end single
        me = omp_get_thread_num()
        # omp task
        lengths[me] = len(out)
        # omp single
        for k in range(30):
            # omp task
            if True:
                # omp critical
                count += 1
            # omp end task
        # omp barrier
    # omp end parallel
    print(out[:6], sum(out))
    print(len(table), sorted(table.items())[:4])
    print(lengths[0], count, last)


from omppy import omp_get_thread_num  # noqa: E402

main()
