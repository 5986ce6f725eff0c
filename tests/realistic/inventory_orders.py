"""Order processing against a shared stock dict: each order is checked and applied
under critical; fulfilled and back-ordered ids go to two shared lists.  Only the
scarce item depends on the order of the critical sections; it is not printed."""

stock = {"bolt": 5000, "nut": 3000, "gear": 600, "belt": 25}
items = list(stock)
orders = [(i, items[(i * 7) % 4], (i * 11) % 9 + 1) for i in range(250)]
fulfilled = []
backorder = []

# omp parallel for schedule(dynamic, 5)
for k in range(len(orders)):
    oid, item, qty = orders[k]
    # omp critical
    if stock[item] >= qty:
        stock[item] -= qty
        fulfilled.append(oid)
    else:
        backorder.append(oid)
    # omp end critical

plenty = [oid for oid in sorted(fulfilled) if orders[oid][1] != "belt"]
print(stock["bolt"], stock["nut"], stock["gear"], len(plenty), sum(plenty))
print(len(fulfilled) + len(backorder), sum(fulfilled) + sum(backorder), stock["belt"] >= 0)
