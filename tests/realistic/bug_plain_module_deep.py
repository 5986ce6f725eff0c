"""BUG (minimal, from helper_module_mesh): a method of a class from a module without
pragmas appends to a list four levels below the shared object
(`self.cells[i]["tags"].append("x")`), one cell per iteration: omppy watches what
code it cannot see three levels down (`watch={'cells': 3}`), so the other threads'
appends are lost with exit status 0 (docs/data-sharing.md lists deeper changes as
carried only under OMPPY_CHECK=1)."""

from rlib.plain import Cells

cells = Cells()
# omp parallel for
for i in range(4):
    cells.tag(i)
print([len(c["tags"]) for c in cells.cells])
