package io.ecomanalytics.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Box-plot statistics of one group. Quartiles use linear interpolation between order statistics (Hyndman and Fan's
 * type 7, the default of R and NumPy); whiskers reach the most extreme values within 1.5 interquartile ranges of
 * the box (Tukey), values beyond them are outliers.
 */
record BoxStatistics(double mean, double median, double lowerQuartile, double upperQuartile, double lowerWhisker,
                     double upperWhisker, List<Double> outliers) {

    static BoxStatistics of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double lowerQuartile = quantile(sorted, 0.25);
        double upperQuartile = quantile(sorted, 0.75);
        double reach = 1.5 * (upperQuartile - lowerQuartile);
        double lowerFence = lowerQuartile - reach;
        double upperFence = upperQuartile + reach;
        double lowerWhisker = Double.NaN;
        double upperWhisker = Double.NaN;
        List<Double> outliers = new ArrayList<>();
        double sum = 0;
        for (double value : sorted) {
            sum += value;
            if (value < lowerFence || value > upperFence) {
                outliers.add(value);
            } else {
                if (Double.isNaN(lowerWhisker)) {
                    lowerWhisker = value;
                }
                upperWhisker = value;
            }
        }
        return new BoxStatistics(sum / sorted.length, quantile(sorted, 0.5), lowerQuartile, upperQuartile,
                lowerWhisker, upperWhisker, List.copyOf(outliers));
    }

    private static double quantile(double[] sorted, double probability) {
        double position = (sorted.length - 1) * probability;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
