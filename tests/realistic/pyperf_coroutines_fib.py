# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_coroutines/run_benchmark.py
"""pyperformance's coroutines benchmark (Kumar Aditya), ported: the recursive `async
def fibonacci` driven by hand with `send(None)` until `StopIteration`, unchanged;
the runner's loop becomes a `parallel for schedule(dynamic)` over n, each iteration
driving its own coroutine and storing the value into its own slot."""


async def fibonacci(n: int) -> int:
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def bench_coroutines(top: int) -> list:
    values = [None] * top
    # omp parallel for schedule(dynamic)
    for n in range(top - 1, -1, -1):
        coro = fibonacci(n)
        try:
            while True:
                coro.send(None)
        except StopIteration as done:
            values[n] = done.value
    return values


if __name__ == "__main__":
    print(bench_coroutines(21))
