"""A nested index region -> city -> list of readings, filled with `setdefault`
chains under critical (new keys at two levels and appends at the third), then the
means computed by a second loop over the flattened keys, storing into each city's
dict."""

readings = [(f"r{i % 4}", f"c{(i * 7) % 9}", (i * 37) % 50) for i in range(240)]
index = {}

# omp parallel for
for i in range(len(readings)):
    region, city, v = readings[i]
    # omp critical
    index.setdefault(region, {}).setdefault(city, {"values": []})["values"].append(v)
    # omp end critical

pairs = sorted((r, c) for r in index for c in index[r])
# omp parallel for
for k in range(len(pairs)):
    r, c = pairs[k]
    vals = index[r][c]["values"]
    index[r][c]["mean"] = round(sum(vals) / len(vals), 6)
    index[r][c]["values"] = sorted(vals)

print(len(pairs), index["r1"].get("c7"))
print(sorted((r, c, index[r][c]["mean"]) for r, c in pairs)[:4])
