"""Addresses validated with a regex in a parallel loop: invalid ones counted by
reduction, domains added to a shared set and per-domain lists under critical."""

import re
from collections import defaultdict

DOMAINS = ["example.com", "mail.org", "uni.edu", "bad domain", "x.io"]
addrs = [f"user.{i}@{DOMAINS[(i * 11) % 5]}" for i in range(250)]
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
domains = set()
users = defaultdict(list)
invalid = 0

# omp parallel for reduction(+:invalid)
for i in range(len(addrs)):
    a = addrs[i]
    if not EMAIL.match(a):
        invalid += 1
        continue
    user, dom = a.split("@")
    # omp critical
    if True:
        domains.add(dom)
        users[dom].append(user)

print(invalid, sorted(domains))
print({d: (len(v), min(v), max(v)) for d, v in sorted(users.items())})
