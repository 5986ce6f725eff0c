"""A nested helper counts its calls in its own attribute (`tick.n += 1`) under
`# omp atomic`; the region is in the enclosing function."""

def run():
    def tick():
        # omp atomic
        tick.n += 1
    tick.n = 0
    # omp parallel for
    for i in range(40):
        tick()
    return tick.n
print(run())
