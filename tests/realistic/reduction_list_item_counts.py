"""A C array reduction ported as is: `reduction(+:cnt)` on a Python list updated by
item (`cnt[k] += 1`). `+` on a list concatenates, so omppy refuses it with a clear
message (reduce element-wise into a numpy array, or use critical)."""

data = [(i * 7) % 5 for i in range(100)]
cnt = [0] * 5
# omp parallel for reduction(+:cnt)
for i in range(len(data)):
    cnt[data[i]] += 1
print(cnt)
