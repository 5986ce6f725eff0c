"""FIXED (refusal, minimal, from enum_flag_reduction): combining `enum.Flag` members
in a critical fills the enum class's own cache (`_value2member_map_`) in every
thread, which omppy took for a data race on `Perm._value2member_map_[3]`. Now
the enum machinery's sunder attributes are not watched."""

from enum import Flag


class Perm(Flag):
    R = 1
    W = 2


seen = []
# omp parallel for
for i in range(4):
    # omp critical
    seen.append(str(Perm.R | Perm.W))
    # omp end critical
print(sorted(seen))
