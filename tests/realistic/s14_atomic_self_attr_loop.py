"""`self.x += 1` under atomic written directly in a method that runs the parallel loop
over the object's items."""
import time


class Scanner:
    def __init__(self, data):
        self.data = data
        self.evens = 0
        self.big = 0

    def scan(self):
        # omp parallel for schedule(static, 1)
        for i in range(len(self.data)):
            if i == 0:
                time.sleep(0.2)
            if self.data[i] % 2 == 0:
                # omp atomic
                self.evens += 1
            if self.data[i] > 10:
                # omp atomic
                self.big += 1
        return self.evens, self.big


print(Scanner([3, 12, 8, 15, 22, 7, 4, 11, 30]).scan())
