package io.ecomanalytics.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

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

    /** Linear interpolation between order statistics (R's type 7, NumPy's default), as most box plots use. */
    private static double quantile(double[] sorted, double probability) {
        return new Percentile(probability * 100).withEstimationType(EstimationType.R_7).evaluate(sorted);
    }
}
