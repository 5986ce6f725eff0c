"""Report lines built with `"".join` and f-strings per item, stored by index; the
last item's line is kept with lastprivate and the report joined after the loop."""

names = ["alpha", "beta", "gamma", "delta", "eps"]
n = 75
lines = [""] * n
last = ""
# omp parallel for lastprivate(last)
for i in range(n):
    parts = [f"{names[i % 5]:>6}", f"{i:03d}"]
    parts.append("".join("#" if (i >> b) & 1 else "." for b in range(7)))
    last = " | ".join(parts)
    lines[i] = last
report = "\n".join(lines)
print(len(report), report.count("#"), last)
print(lines[3])
