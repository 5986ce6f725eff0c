"""OpenMP Examples fpriv_sections.1, adapted: firstprivate on sections gives every
section the master's starting value; results stored per section (the master's own
value is not printed: after the construct OpenMP and plain Python disagree on it)."""

section_count = 10
seen = [0, 0, 0]

# omp parallel
if True:
    # omp sections firstprivate(section_count)
    # omp section
    if True:
        section_count += 1
        seen[0] = section_count
    # omp section
    if True:
        section_count += 2
        seen[1] = section_count
    # omp section
    if True:
        section_count += 3
        seen[2] = section_count
    # omp end sections

print(seen)
