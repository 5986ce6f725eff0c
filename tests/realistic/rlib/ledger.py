"""A plain helper module (no pragmas): posts entries into a book kept as a dict of
dicts of lists of entry objects, several levels below what the caller hands it."""


class Entry:
    def __init__(self, amount):
        self.amount = amount
        self.notes = []


def open_book(accounts, slots):
    return {a: {"entries": [Entry(0) for _ in range(slots)], "meta": {"posted": 0}} for a in accounts}


def post(book, account, slot, amount):
    entry = book[account]["entries"][slot]
    entry.amount += amount
    entry.notes.append(f"+{amount}")
