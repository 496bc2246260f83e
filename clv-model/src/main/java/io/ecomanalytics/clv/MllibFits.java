package io.ecomanalytics.clv;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.clustering.GaussianMixture;
import org.apache.spark.mllib.clustering.GaussianMixtureModel;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Matrices;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.stat.distribution.MultivariateGaussian;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The chosen (model, k) fitted with Spark MLlib on every customer. k-means and the mixture start from the search's
 * clusters on the sample (MLlib's {@code setInitialModel}), so they converge in a few iterations, each a Spark job.
 * Bisecting k-means's clusters are refined the same way, by k-means started from their centres (bisecting k-means
 * followed by k-means refinement, as Steinbach, Karypis and Kumar propose): MLlib's {@code BisectingKMeans} takes no
 * starting model, and fitted from scratch it disagreed with the search, once putting all 2,000 customers of a
 * {@code small} dataset (seed 1234) in one segment where the search had found three.
 */
final class MllibFits {
    /** Added to covariance diagonals of the starting mixture, as in {@link LocalClustering}. */
    private static final double COVARIANCE_FLOOR = 1e-3;

    private MllibFits() {
    }

    /**
     * @param clusters the search's clusters of {@code points}
     * @param vectors  one column of standardised feature vectors, every customer
     */
    static FittedModel fit(SegmentationModel model, int k, int[] clusters, List<double[]> points,
            SegmentationSettings settings, Dataset<Row> vectors) {
        JavaRDD<org.apache.spark.mllib.linalg.Vector> rdd = vectors.javaRDD()
                .map(row -> Vectors.fromML(row.getAs(0)))
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            int dimensions = points.get(0).length;
            double[][] means = new double[k][dimensions];
            double[][][] covariances = new double[k][dimensions][dimensions];
            int[] sizes = new int[k];
            moments(points, clusters, means, covariances, sizes);
            if (model != SegmentationModel.GAUSSIAN_MIXTURE) {
                org.apache.spark.mllib.linalg.Vector[] centres = new org.apache.spark.mllib.linalg.Vector[k];
                for (int c = 0; c < k; c++) {
                    centres[c] = Vectors.dense(means[c]);
                }
                KMeansModel fitted = new KMeans().setK(k).setSeed(settings.seed())
                        .setMaxIterations(settings.mostIterations()).setInitialModel(new KMeansModel(centres))
                        .run(rdd.rdd());
                return new Centres(fitted);
            }
            double[] weights = new double[k];
            MultivariateGaussian[] gaussians = new MultivariateGaussian[k];
            for (int c = 0; c < k; c++) {
                weights[c] = Math.max(sizes[c], 1) / (double) (points.size() + k);
                double[] columnMajor = new double[dimensions * dimensions];
                for (int a = 0; a < dimensions; a++) {
                    for (int b = 0; b < dimensions; b++) {
                        columnMajor[b * dimensions + a] = covariances[c][a][b] + (a == b ? COVARIANCE_FLOOR : 0);
                    }
                }
                gaussians[c] = new MultivariateGaussian(Vectors.dense(means[c]),
                        Matrices.dense(dimensions, dimensions, columnMajor));
            }
            double total = java.util.Arrays.stream(weights).sum();
            for (int c = 0; c < k; c++) {
                weights[c] /= total;
            }
            GaussianMixtureModel fitted = new GaussianMixture().setK(k).setSeed(settings.seed())
                    .setMaxIterations(settings.mostIterations())
                    .setInitialModel(new GaussianMixtureModel(weights, gaussians)).run(rdd.rdd());
            return new Mixture(fitted);
        } finally {
            rdd.unpersist(false);
        }
    }

    /** Each cluster's mean and covariance (identity for a cluster of fewer than two points). */
    private static void moments(List<double[]> points, int[] clusters, double[][] means, double[][][] covariances,
            int[] sizes) {
        int dimensions = means[0].length;
        for (int i = 0; i < points.size(); i++) {
            sizes[clusters[i]]++;
            for (int d = 0; d < dimensions; d++) {
                means[clusters[i]][d] += points.get(i)[d];
            }
        }
        for (int c = 0; c < means.length; c++) {
            for (int d = 0; d < dimensions; d++) {
                means[c][d] /= Math.max(1, sizes[c]);
            }
        }
        for (int i = 0; i < points.size(); i++) {
            int c = clusters[i];
            double[] point = points.get(i);
            for (int a = 0; a < dimensions; a++) {
                for (int b = 0; b < dimensions; b++) {
                    covariances[c][a][b] += (point[a] - means[c][a]) * (point[b] - means[c][b]) / sizes[c];
                }
            }
        }
        for (int c = 0; c < means.length; c++) {
            if (sizes[c] < 2) {
                for (int a = 0; a < dimensions; a++) {
                    java.util.Arrays.fill(covariances[c][a], 0);
                    covariances[c][a][a] = 1;
                }
            }
        }
    }

    private record Centres(KMeansModel model) implements FittedModel {
        @Override
        public int cluster(org.apache.spark.ml.linalg.Vector features) {
            return model.predict(Vectors.fromML(features));
        }

        @Override
        public double logLikelihood(List<double[]> points) {
            return Double.NaN;
        }
    }

    private record Mixture(GaussianMixtureModel model) implements FittedModel {
        @Override
        public int cluster(org.apache.spark.ml.linalg.Vector features) {
            return model.predict(Vectors.fromML(features));
        }

        @Override
        public double logLikelihood(List<double[]> points) {
            double total = 0;
            int k = model.k();
            double[] logs = new double[k];
            for (double[] point : points) {
                org.apache.spark.mllib.linalg.Vector vector = Vectors.dense(point);
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    logs[c] = Math.log(model.weights()[c]) + model.gaussians()[c].logpdf(vector);
                    max = Math.max(max, logs[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(logs[c] - max);
                }
                total += max + Math.log(sum);
            }
            return total;
        }
    }
}
