"""A ledger kept as dict-of-dict-of-list-of-objects, built and posted to by a helper
module without pragmas (`rlib/ledger.py`): each iteration posts to its own slot of
its account, four levels below the book."""

from rlib import ledger

accounts = ["cash", "bank", "card"]
book = ledger.open_book(accounts, 20)

# omp parallel for
for i in range(60):
    ledger.post(book, accounts[i % 3], i // 3, i * 5 + 1)

print([e.amount for e in book["bank"]["entries"][:6]])
print(sum(len(e.notes) for a in accounts for e in book[a]["entries"]), book["card"]["entries"][19].notes)
