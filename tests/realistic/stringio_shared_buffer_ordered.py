"""A shared `io.StringIO` report written in `ordered` (lines in python's order) and a `"".join` of per-iteration pieces stored by index, the two compared after."""

import io

report = io.StringIO()
pieces = [""] * 15
# omp parallel for ordered
for i in range(15):
    line = "".join(chr(97 + (i * k) % 26) for k in range(6))
    pieces[i] = line.upper()
    # omp ordered
    report.write(f"{i:02d}:{line}\n")
    # omp end ordered
text = report.getvalue()
print(text.count("\n"), text.splitlines()[7], "".join(pieces)[:20])
