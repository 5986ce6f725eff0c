"""A label string built per iteration and lastprivate: after the loop it holds the
last iteration's value; a += string builder inside the body stays private."""

names = [f"item{i}" for i in range(97)]
label = ""
total_len = 0

# omp parallel for lastprivate(label) reduction(+:total_len)
for i in range(len(names)):
    label = ""
    for ch in names[i]:
        label += ch.upper() if ch.isdigit() is False else ch
    label += f"#{i}"
    total_len += len(label)

print(label, total_len)
