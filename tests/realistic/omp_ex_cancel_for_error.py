"""OpenMP Examples cancellation.1, ported: a loop over records cancels itself when
one record is bad; the region reports that an error happened (not which records ran)."""

records = [str(i) for i in range(300)]
records[173] = "17x3"


def check(rec):
    return int(rec)


def process(recs):
    error = False
    total = 0
    # omp parallel shared(error)
    if True:
        # omp for reduction(+:total)
        for i in range(len(recs)):
            try:
                total += check(recs[i])
            except ValueError:
                # omp atomic write
                error = True
                # omp cancel for
            # omp cancellation point for
    return error


print(process(records))
print(process(records[:100]))
