"""An exception raised in the loop for bad records escapes the region and is caught around it; the message names the first bad record in python's order, and the records before it were processed."""


class BadRecord(Exception):
    pass


records = [k * 3 for k in range(40)]
records[23] = -1
records[31] = -5
done = [False] * 40
try:
    # omp parallel for schedule(static, 4)
    for i in range(40):
        if records[i] < 0:
            raise BadRecord(f"record {i} is negative: {records[i]}")
        done[i] = True
except BadRecord as e:
    print("stopped:", e)
print(all(done[:23]))
