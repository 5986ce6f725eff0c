"""`# omp sections` written on an `if True:` block (as `parallel` and `critical` are
elsewhere), with the `# omp section` pragmas inside the if's body."""

left = {}
right = {}

# omp parallel
if True:
    # omp sections
    if True:
        # omp section
        for i in range(40):
            left[i] = i * i
        # omp section
        for i in range(40):
            right[i] = -i

print(sum(left.values()), sum(right.values()), len(left) + len(right))
