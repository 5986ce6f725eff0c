"""Records parsed with a classmethod alternative constructor in a parallel loop and
stored by index; a staticmethod validates; invalid rows become None."""

from datetime import date


class Reading:
    def __init__(self, sensor, day, value):
        self.sensor, self.day, self.value = sensor, day, value

    @staticmethod
    def valid(parts):
        return len(parts) == 3 and parts[2].replace(".", "", 1).lstrip("-").isdigit()

    @classmethod
    def from_line(cls, line):
        parts = line.split(";")
        if not cls.valid(parts):
            return None
        return cls(parts[0], date.fromisoformat(parts[1]), float(parts[2]))


lines = [f"s{i % 6};2024-03-{i % 28 + 1:02d};{(i * 1.5) % 40 - 5:.1f}" if i % 11 else f"bad{i}"
         for i in range(300)]
readings = [None] * len(lines)

# omp parallel for
for i in range(len(lines)):
    readings[i] = Reading.from_line(lines[i])

good = [r for r in readings if r is not None]
print(len(good), round(sum(r.value for r in good), 3), max(r.day for r in good))
print(readings[5].sensor, readings[5].day.isoformat(), readings[11])
