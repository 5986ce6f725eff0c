"""A shared name first bound inside single (it does not exist before the region)."""
def main():
    # omp parallel
    # omp single
    answer = 42
    # omp end parallel
    print(answer)
main()
