"""`firstprivate`: every thread starts from the master's value (scalars, a list,
a region-level copy); the master's value is unchanged after the construct."""


def main():
    n = 30

    base = 10
    out = [0] * n
    # omp parallel for firstprivate(base)
    for i in range(n):
        out[i] = base + i
    print("read", base, out)

    x = 5
    out = [0] * n
    # omp parallel for firstprivate(x) schedule(dynamic, 2)
    for i in range(n):
        x += i
        out[i] = x
        x -= i
    print("modify and restore", out)

    template = ["t"]
    out = [None] * n
    # omp parallel for firstprivate(template)
    for i in range(n):
        template.append(str(i))
        out[i] = "".join(template)
        template.pop()
    print("list copy", out[:3], out[-1])

    offset = 100
    out = [0] * n
    # omp parallel firstprivate(offset)
    offset += 1000
    # omp for
    for i in range(n):
        out[i] = offset + i
    offset -= 1000
    # omp end parallel
    print("region", out[:3], out[-3:])

    label, scale = "v", 3
    out = [None] * 8
    # omp parallel for firstprivate(label, scale)
    for i in range(8):
        out[i] = label * (i % scale + 1)
    print("two names", label, scale, out)


if __name__ == "__main__":
    main()
