"""A csv -> re -> json pipeline with collections, counts under critical."""
import csv
import io
import json
import re
from collections import Counter, defaultdict

text = "\n".join(f"{i},user{i % 7}@site{i % 3}.org,{(i * 37) % 500}" for i in range(120))
rows = list(csv.reader(io.StringIO(text)))
domains = Counter()
by_user = defaultdict(list)
parsed = [None] * len(rows)
pat = re.compile(r"(\w+)@(\w+)\.org")
# omp parallel for schedule(guided)
for i in range(len(rows)):
    rid, email, amount = rows[i]
    m = pat.match(email)
    parsed[i] = json.dumps({"id": int(rid), "amt": int(amount)})
    # omp critical
    if True:
        domains[m.group(2)] += 1
        by_user[m.group(1)].append(int(amount))
    # omp end critical
print(dict(sorted(domains.items())), sorted((k, sum(v)) for k, v in by_user.items()))
print(parsed[:2], sum(json.loads(p)["amt"] for p in parsed))
