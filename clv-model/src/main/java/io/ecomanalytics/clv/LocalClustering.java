package io.ecomanalytics.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The segment search's clusterings on the driver's bounded sample: k-means (k-means++ seeding, Lloyd iterations, best
 * of three starts), bisecting k-means (the cluster with the largest squared error split by 2-means until there are
 * k) and a full-covariance Gaussian mixture by EM, started from k-means. Each is a few milliseconds on thousands of
 * customers, where a Spark MLlib fit is a chain of jobs costing seconds; the chosen model is then fitted with MLlib
 * on everyone.
 */
final class LocalClustering {
    private static final int STARTS = 3;
    /** Added to covariance diagonals so that a component on a flat feature (a constant share) stays invertible. */
    private static final double COVARIANCE_FLOOR = 1e-3;

    private LocalClustering() {
    }

    /** Cluster per point and, for a mixture, its log-likelihood (NaN otherwise). */
    record Clusters(int[] assignments, double logLikelihood) {
    }

    static Clusters kMeans(List<double[]> points, int k, int iterations, long seed) {
        Random random = new Random(seed);
        int[] best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (int start = 0; start < STARTS; start++) {
            int[] assignments = lloyd(points, seedCentres(points, k, random), iterations);
            double error = squaredError(points, assignments, k);
            if (error < bestError) {
                bestError = error;
                best = assignments;
            }
        }
        return new Clusters(best, Double.NaN);
    }

    static Clusters bisectingKMeans(List<double[]> points, int k, int iterations, long seed) {
        Random random = new Random(seed);
        int[] assignments = new int[points.size()];
        for (int clusters = 1; clusters < k; clusters++) {
            int largest = 0;
            double largestError = -1;
            for (int cluster = 0; cluster < clusters; cluster++) {
                double error = clusterError(points, assignments, cluster);
                if (error > largestError) {
                    largestError = error;
                    largest = cluster;
                }
            }
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < assignments.length; i++) {
                if (assignments[i] == largest) {
                    members.add(i);
                }
            }
            if (members.size() < 2) {
                break;
            }
            List<double[]> subset = members.stream().map(points::get).toList();
            int[] halves = lloyd(subset, seedCentres(subset, 2, random), iterations);
            for (int m = 0; m < members.size(); m++) {
                if (halves[m] == 1) {
                    assignments[members.get(m)] = clusters;
                }
            }
        }
        return new Clusters(assignments, Double.NaN);
    }

    static Clusters gaussianMixture(List<double[]> points, int k, int iterations, long seed) {
        int n = points.size();
        int d = points.get(0).length;
        int[] start = kMeans(points, k, iterations, seed).assignments();
        double[][] responsibilities = new double[n][k];
        for (int i = 0; i < n; i++) {
            responsibilities[i][start[i]] = 1;
        }
        double logLikelihood = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < iterations; iteration++) {
            Component[] components = new Component[k];
            for (int c = 0; c < k; c++) {
                components[c] = Component.estimate(points, responsibilities, c, d);
            }
            double total = 0;
            double[] logs = new double[k];
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    logs[c] = components[c].logWeightedDensity(points.get(i));
                    max = Math.max(max, logs[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(logs[c] - max);
                }
                double logSum = max + Math.log(sum);
                total += logSum;
                for (int c = 0; c < k; c++) {
                    responsibilities[i][c] = Math.exp(logs[c] - logSum);
                }
            }
            boolean converged = total - logLikelihood < 1e-6 * Math.abs(total);
            logLikelihood = total;
            if (converged) {
                break;
            }
        }
        int[] assignments = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (responsibilities[i][c] > responsibilities[i][best]) {
                    best = c;
                }
            }
            assignments[i] = best;
        }
        return new Clusters(assignments, logLikelihood);
    }

    /** A mixture component: weight, mean and the Cholesky factor of its covariance. */
    private record Component(double logWeight, double[] mean, double[][] cholesky, double logDeterminant) {

        static Component estimate(List<double[]> points, double[][] responsibilities, int c, int d) {
            double weight = 0;
            double[] mean = new double[d];
            for (int i = 0; i < points.size(); i++) {
                double r = responsibilities[i][c];
                weight += r;
                for (int j = 0; j < d; j++) {
                    mean[j] += r * points.get(i)[j];
                }
            }
            double safeWeight = Math.max(weight, 1e-9);
            for (int j = 0; j < d; j++) {
                mean[j] /= safeWeight;
            }
            double[][] covariance = new double[d][d];
            for (int i = 0; i < points.size(); i++) {
                double r = responsibilities[i][c];
                if (r < 1e-12) {
                    continue;
                }
                double[] point = points.get(i);
                for (int a = 0; a < d; a++) {
                    double da = point[a] - mean[a];
                    for (int b = 0; b <= a; b++) {
                        covariance[a][b] += r * da * (point[b] - mean[b]);
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    covariance[a][b] /= safeWeight;
                    covariance[b][a] = covariance[a][b];
                }
                covariance[a][a] += COVARIANCE_FLOOR;
            }
            double[][] lower = choleskyFactor(covariance);
            double logDeterminant = 0;
            for (int a = 0; a < d; a++) {
                logDeterminant += 2 * Math.log(lower[a][a]);
            }
            return new Component(Math.log(safeWeight / points.size()), mean, lower, logDeterminant);
        }

        double logWeightedDensity(double[] point) {
            int d = mean.length;
            double[] solved = new double[d];
            double squared = 0;
            for (int a = 0; a < d; a++) {
                double value = point[a] - mean[a];
                for (int b = 0; b < a; b++) {
                    value -= cholesky[a][b] * solved[b];
                }
                solved[a] = value / cholesky[a][a];
                squared += solved[a] * solved[a];
            }
            return logWeight - 0.5 * (d * Math.log(2 * Math.PI) + logDeterminant + squared);
        }
    }

    private static double[][] choleskyFactor(double[][] matrix) {
        int d = matrix.length;
        double[][] lower = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = matrix[a][b];
                for (int c = 0; c < b; c++) {
                    sum -= lower[a][c] * lower[b][c];
                }
                lower[a][b] = a == b ? Math.sqrt(Math.max(sum, COVARIANCE_FLOOR)) : sum / lower[b][b];
            }
        }
        return lower;
    }

    /** k-means++: each next centre drawn with probability proportional to its squared distance to the nearest. */
    private static double[][] seedCentres(List<double[]> points, int k, Random random) {
        double[][] centres = new double[k][];
        centres[0] = points.get(random.nextInt(points.size())).clone();
        double[] nearest = new double[points.size()];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points.get(i), centres[c - 1]));
                total += nearest[i];
            }
            double target = random.nextDouble() * total;
            int chosen = points.size() - 1;
            for (int i = 0; i < points.size(); i++) {
                target -= nearest[i];
                if (target <= 0) {
                    chosen = i;
                    break;
                }
            }
            centres[c] = points.get(chosen).clone();
        }
        return centres;
    }

    private static int[] lloyd(List<double[]> points, double[][] centres, int iterations) {
        int k = centres.length;
        int d = centres[0].length;
        int[] assignments = new int[points.size()];
        Arrays.fill(assignments, -1);
        for (int iteration = 0; iteration < iterations; iteration++) {
            boolean changed = false;
            for (int i = 0; i < points.size(); i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double distance = squaredDistance(points.get(i), centres[c]);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                if (assignments[i] != best) {
                    assignments[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][d];
            int[] sizes = new int[k];
            for (int i = 0; i < points.size(); i++) {
                sizes[assignments[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assignments[i]][j] += points.get(i)[j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centres[c][j] = sums[c][j] / sizes[c];
                    }
                }
            }
        }
        return assignments;
    }

    private static double squaredError(List<double[]> points, int[] assignments, int k) {
        double total = 0;
        for (int cluster = 0; cluster < k; cluster++) {
            total += clusterError(points, assignments, cluster);
        }
        return total;
    }

    private static double clusterError(List<double[]> points, int[] assignments, int cluster) {
        int d = points.get(0).length;
        double[] mean = new double[d];
        int size = 0;
        for (int i = 0; i < assignments.length; i++) {
            if (assignments[i] == cluster) {
                size++;
                for (int j = 0; j < d; j++) {
                    mean[j] += points.get(i)[j];
                }
            }
        }
        if (size == 0) {
            return 0;
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= size;
        }
        double error = 0;
        for (int i = 0; i < assignments.length; i++) {
            if (assignments[i] == cluster) {
                error += squaredDistance(points.get(i), mean);
            }
        }
        return error;
    }

    private static double squaredDistance(double[] left, double[] right) {
        double sum = 0;
        for (int j = 0; j < left.length; j++) {
            double difference = left[j] - right[j];
            sum += difference * difference;
        }
        return sum;
    }
}
