"""A report written into an `io.StringIO` buffer inside `ordered`, as code that
writes to a file-like object would; the buffer's text is printed after the loop."""

import io

buf = io.StringIO()
buf.write("report\n")

# omp parallel for ordered schedule(dynamic, 3)
for i in range(30):
    line = f"{i:02d}: {sum(k * k for k in range(i * 10)) % 1000}\n"
    # omp ordered
    buf.write(line)
    # omp end ordered

text = buf.getvalue()
print(len(text), text.splitlines()[:3], text.splitlines()[-1])
