"""Unicode words normalised (NFKD, accents stripped, casefolded) in a parallel loop;
a reduction counts changed words and a critical collects the distinct forms."""

import unicodedata

raw = ["Café", "naïve", "Straße", "résumé", "ÉCOLE", "Ångström", "façade", "jalapeño", "plain"]
words = [raw[i % len(raw)] + ("" if i % 3 else "S") for i in range(300)]
forms = set()
changed = 0


def fold(w):
    nk = unicodedata.normalize("NFKD", w)
    return "".join(ch for ch in nk if not unicodedata.combining(ch)).casefold()


# omp parallel for reduction(+:changed)
for i in range(len(words)):
    f = fold(words[i])
    if f != words[i]:
        changed += 1
    # omp critical
    forms.add(f)

print(changed, sorted(forms))
