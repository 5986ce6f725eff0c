"""Reduction clauses on a `parallel` region (no worksharing loop): every thread
contributes the same value, so only idempotent operators are used."""


def main():
    hi = 3
    # omp parallel reduction(max:hi)
    hi = max(hi, 42)
    print("max", hi)

    lo = 100
    # omp parallel reduction(min:lo)
    lo = min(lo, 7)
    print("min", lo)

    flags = 0b0001
    # omp parallel reduction(|:flags)
    flags |= 0b0110
    print("|", bin(flags))

    mask = 0xFF
    # omp parallel reduction(&:mask)
    mask &= 0x3C
    print("&", hex(mask))

    ok = True
    # omp parallel reduction(and:ok)
    ok = ok and len("abc") == 3
    found = False
    # omp parallel reduction(||:found)
    found = found or "b" in "abc"
    print("logic", ok, found)

    tags = {"x"}
    # omp parallel reduction(|:tags)
    tags |= {"y", "z"}
    print("set", sorted(tags))

    print("block", block())


def block():
    # kept apart from the single-statement regions above: see README.md
    top, peak = 0, 0
    # omp parallel reduction(max:top, peak)
    local = [3, 9, 4]
    top = max(top, max(local))
    peak = max(peak, sum(local))
    # omp end parallel
    return top, peak


if __name__ == "__main__":
    main()
