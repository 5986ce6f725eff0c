"""Rodinia's kmeans (OpenMP version: kmeans_openmp/kmeans_clustering.c), in pure
Python: each iteration assigns every point to its nearest cluster centre
(find_nearest_point) in a `parallel for` that counts membership changes with
`reduction(+: delta)` and sums the new centres' coordinates and sizes into
per-iteration arrays (`reduction(+: new_centers, new_centers_len)`, numpy arrays, where
Rodinia keeps per-thread partial arrays and adds them after); the loop stops when
delta / npoints falls under the threshold, as Rodinia's."""

import numpy as np

NPOINTS = 600
NFEATURES = 4
NCLUSTERS = 5
THRESHOLD = 0.001


def euclid_dist_2(pt1, pt2):
    return float(((pt1 - pt2) ** 2).sum())


def find_nearest_point(pt, pts):
    index = 0
    min_dist = float("inf")
    for i in range(pts.shape[0]):
        dist = euclid_dist_2(pt, pts[i])
        if dist < min_dist:
            min_dist = dist
            index = i
    return index


def kmeans_clustering(feature, nclusters, threshold):
    npoints = feature.shape[0]
    clusters = feature[:nclusters].copy()
    membership = [-1] * npoints
    loop = 0
    while True:
        delta = 0
        new_centers = np.zeros((nclusters, feature.shape[1]))
        new_centers_len = np.zeros(nclusters, dtype=np.int64)
        # omp parallel for reduction(+: delta, new_centers, new_centers_len) schedule(static)
        for i in range(npoints):
            index = find_nearest_point(feature[i], clusters)
            if membership[i] != index:
                delta += 1
            membership[i] = index
            new_centers_len[index] += 1
            new_centers[index] += feature[i]
        for j in range(nclusters):
            if new_centers_len[j] > 0:
                clusters[j] = new_centers[j] / new_centers_len[j]
        loop += 1
        if delta / npoints <= threshold or loop >= 500:
            break
    return clusters, membership, loop


def main():
    rng = np.random.default_rng(11)
    centres = rng.random((NCLUSTERS, NFEATURES)) * 10
    feature = np.array([centres[i % NCLUSTERS] + rng.normal(0, 0.8, NFEATURES) for i in range(NPOINTS)])
    clusters, membership, loops = kmeans_clustering(feature, NCLUSTERS, THRESHOLD)
    print("iterations:", loops)
    print(np.round(clusters, 6).tolist())
    print([membership.count(c) for c in range(NCLUSTERS)])


main()
