"""OpenMP Examples fpriv_sections.1, adapted: firstprivate on sections gives every
section the master's starting value; results stored per section (the master's own
value is not printed: after the construct OpenMP and plain Python disagree on it).
No section adds to its copy: a thread that runs two sections keeps one copy across
them (OpenMP's firstprivate is per thread, not per section), so `+=` in each section
would print what the schedule gave (python's [11, 13, 16] only when one thread ran all
three; session 9's sweep saw [11, 12, 14] at 3 threads)."""

section_count = 10
seen = [0, 0, 0]

# omp parallel
if True:
    # omp sections firstprivate(section_count)
    # omp section
    if True:
        seen[0] = section_count + 1
    # omp section
    if True:
        seen[1] = section_count + 2
    # omp section
    if True:
        seen[2] = section_count + 3
    # omp end sections

print(seen)
