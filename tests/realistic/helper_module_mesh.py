"""A mesh object from a helper module without pragmas; its method changes nested state
(a dict inside a list inside the object, and a list inside a dict) for cell i."""

from rlib.geometry import Mesh

mesh = Mesh(30)
# omp parallel for
for i in range(30):
    mesh.relax(i)

print([c["value"] for c in mesh.cells[:6]], sum(len(c["tags"]) for c in mesh.cells))
print(sum(mesh.stats["touched"]))
