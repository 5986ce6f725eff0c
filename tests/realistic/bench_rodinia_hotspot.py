"""Rodinia's hotspot (OpenMP version: hotspot/hotspot_openmp.cpp), in pure Python:
the chip's temperature grid stepped by the thermal RC model (single_iteration: a
five-point stencil of the temperature plus the power, with the edges' own cases),
double-buffered; each step a `parallel for` over the rows, as Rodinia's loop over
chunks is (schedule(static)).  Small grid, fixed power map."""

ROWS = 32
COLS = 32
STEPS = 12
T_CHIP = 0.0005
CHIP_HEIGHT = 0.016
CHIP_WIDTH = 0.016
AMB_TEMP = 80.0
K_SI = 100.0
SPEC_HEAT_SI = 1.75e6
FACTOR_CHIP = 0.5
PRECISION = 0.001
MAX_PD = 3.0e6


def single_iteration(result, temp, power, row, col, Cap_1, Rx_1, Ry_1, Rz_1):
    # omp parallel for schedule(static)
    for r in range(row):
        for c in range(col):
            center = temp[r][c]
            north = temp[r - 1][c] if r > 0 else center
            south = temp[r + 1][c] if r < row - 1 else center
            west = temp[r][c - 1] if c > 0 else center
            east = temp[r][c + 1] if c < col - 1 else center
            delta = Cap_1 * (
                power[r][c]
                + (south + north - 2.0 * center) * Ry_1
                + (east + west - 2.0 * center) * Rx_1
                + (AMB_TEMP - center) * Rz_1
            )
            result[r][c] = center + delta


def compute_tran_temp(result, num_iterations, temp, power, row, col):
    grid_height = CHIP_HEIGHT / row
    grid_width = CHIP_WIDTH / col
    Cap = FACTOR_CHIP * SPEC_HEAT_SI * T_CHIP * grid_width * grid_height
    Rx = grid_width / (2.0 * K_SI * T_CHIP * grid_height)
    Ry = grid_height / (2.0 * K_SI * T_CHIP * grid_width)
    Rz = T_CHIP / (K_SI * grid_height * grid_width)
    max_slope = MAX_PD / (FACTOR_CHIP * T_CHIP * SPEC_HEAT_SI)
    step = PRECISION / max_slope / 1000.0
    Rx_1, Ry_1, Rz_1 = 1.0 / Rx, 1.0 / Ry, 1.0 / Rz
    Cap_1 = step / Cap
    r, t = result, temp
    for i in range(num_iterations):
        single_iteration(r, t, power, row, col, Cap_1, Rx_1, Ry_1, Rz_1)
        r, t = t, r
    return t


def main():
    temp = [[323.0 + ((r * 7 + c * 3) % 11) * 0.5 for c in range(COLS)] for r in range(ROWS)]
    power = [[(0.002 if (r // 8 + c // 8) % 2 else 0.0005) for c in range(COLS)] for r in range(ROWS)]
    result = [[0.0] * COLS for _ in range(ROWS)]
    final = compute_tran_temp(result, STEPS, temp, power, ROWS, COLS)
    print("%.9f %.9f %.9f" % (final[0][0], final[ROWS // 2][COLS // 2], final[-1][-1]))
    print(round(sum(map(sum, final)), 6))


main()
