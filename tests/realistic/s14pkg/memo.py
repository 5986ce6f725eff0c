"""Memo helpers that a program's critical blocks call: a module dict and a class."""

SQUARES = {}
SEEN = {}


def square(n):
    if n not in SQUARES:
        SQUARES[n] = n * n
    return SQUARES[n]


def mark(name):
    SEEN[name] = True


class Interner:
    def __init__(self):
        self.table = {}

    def intern(self, s):
        if s not in self.table:
            self.table[s] = len(self.table)
        return self.table[s]
