"""FIXED (minimal, from stringio_ordered_report): an `io.StringIO` written in
`ordered`. Its module (`_io`) made omppy take it for a handle, never compared, so
each process kept the lines it wrote: python `['0', '1', '2', '3', '4', '5']`,
omppy at 2 threads `['0', '2', '4']` (exit 0). Now in-memory files are compared by
their pickle and carried (omppy/runtime/shadow.py, is_opaque)."""

import io

buf = io.StringIO()
# omp parallel for ordered schedule(static, 1)
for i in range(6):
    # omp ordered
    buf.write(f"{i}\n")
    # omp end ordered
print(buf.getvalue().split())
