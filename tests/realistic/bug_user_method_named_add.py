"""BUG (minimal, from inverted_index_sets; refused at translate time, at every team
size): a user class's own method called `add`, which takes '# omp critical' inside,
is taken for `set.add` on the shared object: "'idx.add(...)' changes the shared
object 'idx' in place; in a fork-based team that change would stay in one thread's
copy", with a hint about lists. Renaming the method to `insert_doc` makes it pass."""


class Index:
    def __init__(self):
        self.docs = []

    def add(self, doc_id):
        # omp critical
        self.docs.append(doc_id)
        # omp end critical


idx = Index()
# omp parallel for
for i in range(4):
    idx.add(i)
print(sorted(idx.docs))
