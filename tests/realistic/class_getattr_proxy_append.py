"""A proxy object that delegates attribute access to a wrapped list through
__getattr__; the region appends through the proxy under critical and counts calls
made through the proxy in the proxy itself."""


class Proxy:
    def __init__(self, target):
        self._target = target
        self.calls = 0

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*a):
                self.calls += 1
                return attr(*a)
            return wrapped
        return attr


data = []
p = Proxy(data)

# omp parallel for
for i in range(150):
    v = (i * i) % 97
    if v % 2:
        # omp critical
        p.append(v)

print(p.calls, len(data), sum(data), sorted(data)[:5])
