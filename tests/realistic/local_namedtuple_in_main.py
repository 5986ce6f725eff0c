"""A script written inside `main()`: a namedtuple and a dataclass defined in the
function, instances stored by index in a parallel loop. pickle cannot name a class
defined in a function, so the fork backend refuses it, naming the class."""

from collections import namedtuple
from dataclasses import dataclass


def main():
    Rec = namedtuple("Rec", "i sq")

    @dataclass
    class Cell:
        i: int
        v: float

    out = [None] * 12
    cells = [None] * 12
    # omp parallel for
    for i in range(12):
        out[i] = Rec(i, i * i)
        cells[i] = Cell(i, i / 2)
    print(out[:3], sum(r.sq for r in out), cells[5])


main()
