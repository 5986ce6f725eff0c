"""collections.UserDict and UserList subclasses (a keyed store with a log) changed by
index and by method from a parallel loop."""

from collections import UserDict, UserList


class Store(UserDict):
    def put(self, key, value):
        self.data[key] = value


class Log(UserList):
    pass


store = Store({k: 0 for k in range(30)})
log = Log([None] * 30)

# omp parallel for
for i in range(30):
    store.put(i, i * 3)
    log[i] = f"set {i}"

print(sum(store.values()), store[29], log[:3], log[-3:], len(log))
