"""A class attribute list changed by a classmethod called in a region, under critical."""


class Log:
    entries = []
    level = 0

    @classmethod
    def add(cls, msg):
        # omp critical
        cls.entries.append(msg)
        cls.level = max(cls.level, len(msg))
        # omp end critical


# omp parallel for
for i in range(30):
    Log.add("x" * (i % 9))
print(len(Log.entries), Log.level, sorted(Log.entries)[-1])
