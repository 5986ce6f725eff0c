"""OpenMP Examples host_teams.1, ported (github.com/OpenMP/Examples,
parallel_execution/sources/host_teams.1.c): two host teams, one doing a single
precision SAXPY and one a double precision DAXPY, each with a nested `parallel`.
omppy has no teams: it must refuse `teams` clearly (use `parallel`)."""

from omppy import omp_get_team_num

N = 1000
sp_x, sp_y = [0.0] * N, [0.0] * N
dp_x, dp_y = [0.0] * N, [0.0] * N
a = 0.0001
# omp teams num_teams(2) thread_limit(2)
if True:
    tm_id = omp_get_team_num()
    xs, ys = (sp_x, sp_y) if tm_id == 0 else (dp_x, dp_y)
    # omp parallel for
    for i in range(N):
        xs[i] = i * 0.0001
        ys[i] = i
    # omp parallel for simd simdlen(8)
    for i in range(N):
        xs[i] = a * xs[i] + ys[i]
print(round(sp_x[N - 1], 6), round(dp_x[N // 2], 6))
