"""String building: each iteration builds a row of an ASCII picture with a list and
`"".join`, stores it by index; a `reduction(+:report)` concatenates strings over a
static schedule (combined in thread order: python's order), and an `ordered` block
appends to a shared text with `+=`."""

rows = [""] * 24
report = ""
text = ""

# omp parallel for
for y in range(24):
    chars = []
    for x in range(40):
        chars.append("#" if (x * x + y * y * 3) % 37 < 9 else ".")
    rows[y] = "".join(chars)

# omp parallel for schedule(static) reduction(+:report)
for y in range(24):
    report += f"{y}:{rows[y].count('#')};"

# omp parallel for ordered
for y in range(0, 24, 3):
    line = rows[y][:10].replace(".", " ")
    # omp ordered
    text += line.rstrip() + "|"

print(rows[5])
print(report)
print(text)
