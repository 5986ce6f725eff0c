"""Two sections register the files they read through one helper filling a set-like
dict under critical; the first section is slower, and both read 'common.txt'."""
import time

opened = {}


def open_file(name):
    opened[name] = True


def read_all(names):
    for n in names:
        # omp critical
        open_file(n)
        # omp end critical


# omp parallel sections
# omp section
time.sleep(0.2)
read_all(["a.txt", "common.txt"])
# omp section
read_all(["common.txt", "b.txt"])
# omp end parallel sections
print(list(opened))
