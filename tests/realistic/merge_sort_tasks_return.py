"""Merge sort with tasks returning new lists: two child tasks bind `left` and `right`
(shared), `taskwait`, then merge; the cut-off uses `final`."""


def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def msort(xs, depth=0):
    if len(xs) <= 64:
        return sorted(xs)
    mid = len(xs) // 2
    left = right = None
    # omp task shared(left) final(depth >= 3)
    left = msort(xs[:mid], depth + 1)
    # omp task shared(right) final(depth >= 3)
    right = msort(xs[mid:], depth + 1)
    # omp taskwait
    return merge(left, right)


values = [(i * 2654435761) % 4093 for i in range(2500)]
result = None
# omp parallel
# omp single
result = msort(values)
# omp end single
# omp end parallel
print(result == sorted(values), result[:8], len(result))
