"""Validated fields implemented as data descriptors (as validation libraries do): the
descriptor's `__set__` checks the value and appends it to the descriptor's own audit
log; objects are updated in a parallel loop, with the store under critical since the
log is shared by all instances."""


class Positive:
    def __init__(self):
        self.audit = []
        self.rejected = 0

    def __set_name__(self, owner, name):
        self.slot = "_" + name

    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.slot)

    def __set__(self, obj, value):
        if value < 0:
            self.rejected += 1
            value = 0
        self.audit.append(value)
        setattr(obj, self.slot, value)


class Order:
    qty = Positive()

    def __init__(self, q):
        self.qty = q


orders = [Order(i % 5) for i in range(40)]
# omp parallel for
for i in range(len(orders)):
    new = orders[i].qty * 3 - 7
    # omp critical
    orders[i].qty = new
    # omp end critical

print([o.qty for o in orders[:8]], Order.qty.rejected, len(Order.qty.audit), sum(Order.qty.audit))
