"""Objects of classes from an imported module, tagged per iteration; a class counter
under atomic."""
from s12pkg.shapes import Shape, Square

items = [Square(i) for i in range(30)]
# omp parallel for
for i in range(30):
    s = items[i]
    s.tag(s.area() % 7)
    if s.area() % 2 == 0:
        s.tag("even")
    # omp atomic
    Shape.created += 1
print(Shape.created, [s.tags for s in items[:4]])
