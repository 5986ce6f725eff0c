"""An ordered section appends to a string (rebinding a shared name) in order."""
report = ""
# omp parallel for ordered
for i in range(10):
    piece = f"[{i}:{i * i}]"
    # omp ordered
    report += piece
print(report)
