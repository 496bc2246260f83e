package io.ecomanalytics.clv;

import java.util.List;

/**
 * The mean silhouette of a clustering with squared Euclidean distances, the measure Spark's
 * {@code ClusteringEvaluator} computes: for a point with mean distance a to the other points of its cluster and b to
 * the points of the nearest other cluster, s = (b - a) / max(a, b), and 0 for a point alone in its cluster. Each
 * cluster's size, vector sum and sum of squared norms give the mean distances in O(n k d).
 */
final class Silhouette {
    private Silhouette() {
    }

    /** @param clusters each point's cluster, 0..k-1 */
    static double of(List<double[]> points, int[] clusters, int clusterCount) {
        if (points.isEmpty() || points.size() != clusters.length) {
            throw new IllegalArgumentException("the silhouette needs one cluster per point and at least one point, got "
                    + points.size() + " points and " + clusters.length + " clusters");
        }
        int dimensions = points.get(0).length;
        long[] sizes = new long[clusterCount];
        double[][] sums = new double[clusterCount][dimensions];
        double[] squaredNorms = new double[clusterCount];
        for (int i = 0; i < points.size(); i++) {
            double[] point = points.get(i);
            int cluster = clusters[i];
            sizes[cluster]++;
            squaredNorms[cluster] += dot(point, point);
            for (int d = 0; d < dimensions; d++) {
                sums[cluster][d] += point[d];
            }
        }
        double total = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] point = points.get(i);
            int own = clusters[i];
            if (sizes[own] < 2) {
                continue;
            }
            double norm = dot(point, point);
            double within = 0;
            double nearest = Double.POSITIVE_INFINITY;
            for (int cluster = 0; cluster < clusterCount; cluster++) {
                if (sizes[cluster] == 0) {
                    continue;
                }
                double distanceSum = sizes[cluster] * norm - 2 * dot(point, sums[cluster]) + squaredNorms[cluster];
                if (cluster == own) {
                    within = distanceSum / (sizes[cluster] - 1);
                } else {
                    nearest = Math.min(nearest, distanceSum / sizes[cluster]);
                }
            }
            if (nearest == Double.POSITIVE_INFINITY) {
                continue;
            }
            double larger = Math.max(within, nearest);
            total += larger > 0 ? (nearest - within) / larger : 0;
        }
        return total / points.size();
    }

    private static double dot(double[] left, double[] right) {
        double sum = 0;
        for (int d = 0; d < left.length; d++) {
            sum += left[d] * right[d];
        }
        return sum;
    }
}
