package io.ecomanalytics.clv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * The first two principal components of the sample (eigenvectors of its covariance matrix with the largest
 * eigenvalues), for the scatter of customers by segment.
 */
final class PrincipalComponents {
    private final double[] mean;
    private final double[][] directions;
    private final List<Double> explainedVariance;

    private PrincipalComponents(double[] mean, double[][] directions, List<Double> explainedVariance) {
        this.mean = mean;
        this.directions = directions;
        this.explainedVariance = explainedVariance;
    }

    static PrincipalComponents of(List<double[]> points) {
        int dimensions = points.get(0).length;
        double[] mean = new double[dimensions];
        points.forEach(point -> {
            for (int d = 0; d < dimensions; d++) {
                mean[d] += point[d] / points.size();
            }
        });
        double[][] covariance = new double[dimensions][dimensions];
        double divisor = Math.max(1, points.size() - 1);
        for (double[] point : points) {
            for (int a = 0; a < dimensions; a++) {
                for (int b = 0; b < dimensions; b++) {
                    covariance[a][b] += (point[a] - mean[a]) * (point[b] - mean[b]) / divisor;
                }
            }
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(covariance));
        double[] values = eigen.getEigenvalues();
        int[] order = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i])).mapToInt(Integer::intValue).toArray();
        double total = 0;
        for (double value : values) {
            total += Math.max(0, value);
        }
        double[][] directions = new double[2][];
        List<Double> explained = new ArrayList<>();
        for (int component = 0; component < 2; component++) {
            int index = order[Math.min(component, order.length - 1)];
            RealVector vector = eigen.getEigenvector(index);
            directions[component] = vector.toArray();
            explained.add(total > 0 ? Math.max(0, values[index]) / total : 0);
        }
        return new PrincipalComponents(mean, directions, List.copyOf(explained));
    }

    double[] project(double[] point) {
        double[] coordinates = new double[2];
        for (int component = 0; component < 2; component++) {
            for (int d = 0; d < point.length; d++) {
                coordinates[component] += (point[d] - mean[d]) * directions[component][d];
            }
        }
        return coordinates;
    }

    List<Double> explainedVariance() {
        return explainedVariance;
    }
}
