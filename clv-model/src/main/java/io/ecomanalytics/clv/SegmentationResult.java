package io.ecomanalytics.clv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The learned customer segments: the whole search, the chosen model, each segment's profile, every customer's segment
 * and how the segments agree with the RFM rules and (for a generated dataset) the planted segments.
 *
 * @param search               every (model, k) fitted, in model then k order
 * @param chosen               the chosen model (each model's best k by silhouette, BIC for the mixture, then the
 *                             best silhouette among those) as fitted by Spark MLlib on everyone, scored on the sample
 * @param profiles             the chosen model's segments, largest revenue first
 * @param customerSegments     customer_id, rfm_segment, learned_segment int, segment_description, by customer_id
 * @param projection           a bounded sample of customers on the first two principal components
 * @param explainedVariance    share of the variance on each of the two components
 * @param versusRfm            contingency table, learned segment (row) by RFM segment
 * @param versusTruth          contingency table, learned segment by planted segment; empty without a ground truth
 * @param customers            customers segmented
 * @param fittedCustomers      customers the search was fitted and scored on (a seeded sample of at most
 *                             {@link SegmentationSettings#mostSampledCustomers()})
 * @param searchSeconds        wall time of the search
 */
public record SegmentationResult(List<SegmentationCandidate> search, SegmentationCandidate chosen,
        List<SegmentProfile> profiles, Dataset<Row> customerSegments, List<ProjectedCustomer> projection,
        List<Double> explainedVariance, Map<String, Map<String, Long>> versusRfm,
        Map<String, Map<String, Long>> versusTruth, long customers, long fittedCustomers, double searchSeconds) {

    public SegmentationResult {
        search = List.copyOf(search);
        Objects.requireNonNull(chosen, "chosen");
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(customerSegments, "customerSegments");
        projection = List.copyOf(projection);
        explainedVariance = List.copyOf(explainedVariance);
        // Sorted by label, so that outputs list the segments in order.
        versusRfm = Collections.unmodifiableMap(new TreeMap<>(versusRfm));
        versusTruth = Collections.unmodifiableMap(new TreeMap<>(versusTruth));
    }

    /** Schema of {@link #metrics}. */
    public static StructType metricsSchema() {
        return new StructType()
                .add("model", DataTypes.StringType, false)
                .add("k", DataTypes.IntegerType, false)
                .add("silhouette", DataTypes.DoubleType, false)
                .add("bic", DataTypes.DoubleType, true)
                .add("ari_vs_rfm", DataTypes.DoubleType, false)
                .add("ari_vs_truth", DataTypes.DoubleType, true)
                .add("fit", DataTypes.StringType, false);
    }

    /**
     * The search table as {@code segmentation_metrics}: one row per (model, k) with fit {@code search}, then the
     * chosen model as fitted by Spark MLlib on everyone with fit {@code chosen}; NaN figures are null.
     */
    public Dataset<Row> metrics(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        search.forEach(candidate -> rows.add(row(candidate, "search")));
        rows.add(row(chosen, "chosen"));
        return spark.createDataFrame(rows, metricsSchema()).coalesce(1);
    }

    private static Row row(SegmentationCandidate candidate, String fit) {
        return RowFactory.create(candidate.model().displayName(), candidate.clusters(), candidate.silhouette(),
                orNull(candidate.bic()), candidate.adjustedRandIndexVersusRfm(),
                orNull(candidate.adjustedRandIndexVersusTruth()), fit);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
