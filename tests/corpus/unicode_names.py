"""Names Python reads NFKC-normalised ('ﬁ' is the name 'fi', 'ℌ' is 'H') in clauses
and bodies, spelled differently in each; and comments after pragmas."""

fi = 0
# omp parallel for reduction(+:ﬁ)  # the clause spells it with the ligature
for i in range(100):
    ﬁ += i  # and so does the body

H = [0] * 8
σ = 0
# omp parallel for reduction(+:σ) schedule(dynamic, 1)  # σ is plain
for i in range(8):
    ℌ[i] = i * i  # 'ℌ' is the shared list 'H'
    σ += ℌ[i]

ﬂow = 1
# omp parallel num_threads(2)  # a region
if True:
    # omp atomic  # one update at a time
    flow += 1
# omp end parallel
print(fi, H, σ, ﬂow > 1)
