"""Minimal (session 14): a nested def (a helper defined in the region's function gets
no noted twin) sets keys again under critical: python [b, a], omppy [a, b]."""
import time


def main():
    seen = {}
    def mark(k):
        seen[k] = None
    orders = [["b", "a"], ["a", "b"]]
    # omp parallel for schedule(static, 1)
    for i in range(2):
        if i == 0:
            time.sleep(0.2)
        for k in orders[i]:
            # omp critical
            mark(k)
    print(list(seen))
main()
