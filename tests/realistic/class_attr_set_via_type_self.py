"""Methods add to a class-level set and counter through type(self) under critical."""


class Visitor:
    seen = set()
    visits = 0

    def visit(self, node):
        # omp critical
        type(self).seen.add(node % 13)
        type(self).visits += 1
        # omp end critical
        return node * 2


v = Visitor()
res = [0] * 50
# omp parallel for
for i in range(50):
    res[i] = v.visit(i)
print(sum(res), sorted(Visitor.seen), Visitor.visits)
