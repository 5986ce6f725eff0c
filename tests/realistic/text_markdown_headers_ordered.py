"""A markdown table of contents: headers parsed in a parallel loop and printed in
source order with an ordered block; slugs built with a regex."""

import re

doc = []
for i in range(40):
    doc.append(f"{'#' * (1 + i % 3)} Section {i}: Topic {chr(65 + i % 26)}!")
    doc.append(f"body text {i}")

# omp parallel for ordered schedule(static, 3)
for i in range(len(doc)):
    m = re.match(r"(#+) (.*)", doc[i])
    entry = None
    if m:
        level = len(m.group(1))
        slug = re.sub(r"[^a-z0-9]+", "-", m.group(2).lower()).strip("-")
        entry = "  " * (level - 1) + f"- [{m.group(2)}](#{slug})"
    # omp ordered
    if entry:
        print(entry)
