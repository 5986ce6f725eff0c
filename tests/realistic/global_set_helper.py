"""A helper adds to a module-level set under critical: distinct residues and distinct
digit patterns seen by the loop."""

seen_residues = set()
patterns = set()


def visit(n):
    r = (n * n) % 97
    p = "".join(sorted(str(n * 31)))
    # omp critical
    seen_residues.add(r)
    patterns.add(p)
    # omp end critical


# omp parallel for
for n in range(500):
    visit(n)

print(len(seen_residues), sorted(seen_residues)[:10])
print(len(patterns), sorted(patterns)[:5])
