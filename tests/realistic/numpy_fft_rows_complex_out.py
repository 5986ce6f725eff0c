"""FFT of every row into a complex output array, then the dominant frequency per row
into an int array; power reduced by +."""

import numpy as np

n, m = 48, 128
t = np.arange(m)
signals = np.array([np.sin(2 * np.pi * (1 + i % 9) * t / m) + 0.1 * (i % 3) for i in range(n)])
spec = np.zeros((n, m), dtype=complex)
peak = np.zeros(n, dtype=int)
power = 0.0

# omp parallel for reduction(+:power)
for i in range(n):
    spec[i] = np.fft.fft(signals[i])
    half = np.abs(spec[i, 1:m // 2])
    peak[i] = int(np.argmax(half)) + 1
    power += float((np.abs(spec[i]) ** 2).sum())

print(peak.tolist()[:12], round(power, 4))
