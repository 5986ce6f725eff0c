"""BUG (minimal, from helper_module_mesh): a method of a class from a module without
pragmas changes nested state (`self.cells[i]["v"] = 1`), one cell per iteration: the
other threads' changes are lost."""

from rlib.plain import Mesh

mesh = Mesh()
# omp parallel for
for i in range(4):
    mesh.touch(i)
print([c["v"] for c in mesh.cells])
