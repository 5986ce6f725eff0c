"""A structured array of employees (name, dept, salary, age); one iteration per
department computes statistics with a boolean mask and writes a row of a result
structured array; raises are applied in place on masked fields."""

import numpy as np

emp = np.zeros(500, dtype=[("name", "U8"), ("dept", "i4"), ("salary", "f8"), ("age", "i4")])
emp["name"] = [f"e{i}" for i in range(500)]
emp["dept"] = np.arange(500) % 7
emp["salary"] = 3000 + (np.arange(500) * 37) % 2000
emp["age"] = 20 + (np.arange(500) * 13) % 45
res = np.zeros(7, dtype=[("dept", "i4"), ("n", "i4"), ("mean", "f8"), ("oldest", "U8")])

# omp parallel for
for d in range(7):
    m = emp["dept"] == d
    sub = emp[m]
    res[d] = (d, m.sum(), sub["salary"].mean(), sub["name"][np.argmax(sub["age"])])

# omp parallel for
for d in range(7):
    idx = np.nonzero((emp["dept"] == d) & (emp["age"] > 50))[0]
    emp["salary"][idx] *= 1.1

print(res)
print(round(emp["salary"].sum(), 4))
