"""BUG (minimal, from class_attr_registry): appends to a list held by a class
attribute, every one inside '# omp critical', are refused as a data race ("thread 0
changed the length of Job.registry ... while thread 1 also changed it"). The same
appends to a module-global list, or stores into a class attribute's dict, pass."""


class Job:
    registry = []


# omp parallel for
for i in range(4):
    # omp critical
    Job.registry.append(i)
    # omp end critical
print(sorted(Job.registry))
