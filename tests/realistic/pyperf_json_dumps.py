# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_json_dumps/run_benchmark.py
"""pyperformance's json_dumps, ported: the module-level cases (`EMPTY`, `SIMPLE`,
`NESTED`, `HUGE`, looked up through `globals()` as the benchmark does) unchanged;
`bench_json_dumps` dumps each case's object `count` times in a `parallel for
reduction(+: size)` over the repetitions, and keeps the last text per case in a
dict under `critical` (every repetition gives the same text)."""

import json

EMPTY = ({}, 200)
SIMPLE_DATA = {'key1': 0, 'key2': True, 'key3': 'value', 'key4': 'foo',
               'key5': 'string'}
SIMPLE = (SIMPLE_DATA, 100)
NESTED_DATA = {'key1': 0, 'key2': SIMPLE[0], 'key3': 'value', 'key4': SIMPLE[0],
               'key5': SIMPLE[0], 'key': '\u0105\u0107\u017c'}
NESTED = (NESTED_DATA, 100)
HUGE = ([NESTED[0]] * 1000, 2)

CASES = ['EMPTY', 'SIMPLE', 'NESTED', 'HUGE']


def bench_json_dumps(data):
    sizes = {}
    texts = {}
    for name, obj, count_it in data:
        size = 0
        # omp parallel for reduction(+: size)
        for _ in count_it:
            text = json.dumps(obj)
            size += len(text)
            # omp critical
            texts[name] = text
            # omp end critical
        sizes[name] = size
    return sizes, texts


def main():
    data = []
    for case in CASES:
        obj, count = globals()[case]
        data.append((case, obj, range(count)))
    sizes, texts = bench_json_dumps(data)
    print(sizes)
    print({k: texts[k][:60] for k in sorted(texts)})


if __name__ == '__main__':
    main()
