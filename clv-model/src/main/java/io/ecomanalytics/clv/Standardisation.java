package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_pop;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * z-scores: each feature minus its population mean, divided by its population standard deviation (a constant
 * feature becomes 0). Fitted on the cluster in one aggregation; only the means and deviations reach the driver.
 *
 * @param customers          rows the means and deviations are over
 * @param means              per feature, in {@link SegmentFeature} order
 * @param standardDeviations per feature (population, divisor n)
 */
public record Standardisation(long customers, List<Double> means, List<Double> standardDeviations) {

    public Standardisation {
        means = List.copyOf(means);
        standardDeviations = List.copyOf(standardDeviations);
        if (means.size() != SegmentFeature.values().length || standardDeviations.size() != means.size()) {
            throw new IllegalArgumentException("a standardisation needs a mean and a standard deviation for each of"
                    + " the " + SegmentFeature.values().length + " segment features, got " + means.size() + " and "
                    + standardDeviations.size());
        }
    }

    /** Means and population standard deviations of the {@link SegmentFeature} columns of {@code features}. */
    public static Standardisation fit(Dataset<Row> features) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)));
        for (SegmentFeature feature : SegmentFeature.values()) {
            aggregates.add(avg(col(feature.columnName())));
            aggregates.add(stddev_pop(col(feature.columnName())));
        }
        Row row = features.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .first();
        if (row.getLong(0) == 0) {
            throw new IllegalArgumentException("cannot standardise an empty feature table: no customer has a"
                    + " purchase");
        }
        List<Double> means = new ArrayList<>();
        List<Double> deviations = new ArrayList<>();
        for (int i = 0; i < SegmentFeature.values().length; i++) {
            means.add(row.getDouble(1 + 2 * i));
            deviations.add(row.getDouble(2 + 2 * i));
        }
        return new Standardisation(row.getLong(0), means, deviations);
    }

    /** The z-score of {@code value} of {@code feature}. */
    public double zScore(SegmentFeature feature, double value) {
        double deviation = standardDeviations.get(feature.ordinal());
        return deviation > 0 ? (value - means.get(feature.ordinal())) / deviation : 0.0;
    }

    /** The z-score column of {@code feature}. */
    Column zScore(SegmentFeature feature) {
        double deviation = standardDeviations.get(feature.ordinal());
        return deviation > 0 ? col(feature.columnName()).minus(means.get(feature.ordinal())).divide(deviation)
                : lit(0.0);
    }
}
