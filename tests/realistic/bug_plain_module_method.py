"""FIXED (was BUG; minimal, from helper_module_mesh): a method of a class from a module
without pragmas changes nested state (`self.cells[i]["v"] = 1`), one cell per
iteration. The other threads' changes were lost; since the merge of main's
replication engine they are carried (a call omppy cannot see is watched three levels
down). One level deeper is still lost: bug_plain_module_deep.py."""

from rlib.plain import Mesh

mesh = Mesh()
# omp parallel for
for i in range(4):
    mesh.touch(i)
print([c["v"] for c in mesh.cells])
