"""Paragraphs wrapped with textwrap in a parallel loop; each result stored by index,
then the whole document is assembled and summarised."""

import textwrap

base = "the quick brown fox jumps over the lazy dog while omp threads race ahead "
paras = [(base * (1 + i % 5)).strip() + f" paragraph {i}." for i in range(60)]
wrapped = [None] * len(paras)
widths = [30 + (i % 4) * 10 for i in range(len(paras))]

# omp parallel for schedule(guided)
for i in range(len(paras)):
    wrapped[i] = textwrap.fill(paras[i], width=widths[i], initial_indent="  ")

doc = "\n\n".join(wrapped)
print(len(doc), doc.count("\n"), max(len(line) for line in doc.splitlines()))
print(wrapped[7].splitlines()[-1])
