package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.ecomanalytics.clv.CustomerSegmentation;
import io.ecomanalytics.clv.SegmentFeatures;
import io.ecomanalytics.clv.SegmentProfile;
import io.ecomanalytics.clv.SegmentationCandidate;
import io.ecomanalytics.clv.SegmentationResult;
import io.ecomanalytics.clv.SegmentationSettings;
import io.ecomanalytics.data.GroundTruth;
import io.ecomanalytics.data.PlantedCustomer;
import io.ecomanalytics.transforms.Analytic;
import io.ecomanalytics.transforms.CleanTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned customer segments (clv-model's {@link CustomerSegmentation}): adds {@value #CUSTOMER_SEGMENTS} and
 * {@value #SEGMENTATION_METRICS} to the results and a {@code learned_segment} column to {@code customer_clv}.
 */
final class SegmentationStage {
    static final String CUSTOMER_SEGMENTS = "customer_segments";
    static final String SEGMENTATION_METRICS = "segmentation_metrics";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentationStage.class);
    /** Fewer customers than this cannot be split into two segments with a silhouette. */
    private static final int FEWEST_CUSTOMERS = 3;

    private SegmentationStage() {
    }

    /** Segments the customers of {@code results}' customer_clv and adds the outputs to {@code results}. */
    static Optional<SegmentationResult> run(SparkSession spark, Map<String, Dataset<Row>> results,
            Map<Analytic, Dataset<Row>> analytics, CleanTables tables, Instant observationEnd,
            Optional<GroundTruth> truth, StageTimer stages) {
        stages.start("segments");
        Dataset<Row> customers = results.get(Pipeline.CUSTOMER_CLV);
        long customerCount = customers.count();
        if (customerCount < FEWEST_CUSTOMERS) {
            LOG.warn("No learned segments: {} customers with a purchase, at least {} are needed", customerCount,
                    FEWEST_CUSTOMERS);
            stages.end(customerCount, 0, 0);
            return Optional.empty();
        }
        Optional<Map<String, String>> planted = truth.map(groundTruth -> {
            Map<String, String> segments = new HashMap<>();
            for (PlantedCustomer customer : groundTruth.customers()) {
                segments.put(customer.userId(), customer.segment().jsonName());
            }
            return segments;
        });
        Dataset<Row> features = SegmentFeatures.table(customers,
                analytics.get(Analytic.SESSION_ENGAGEMENT), tables.sessions(), observationEnd);
        SegmentationResult result = CustomerSegmentation.segment(features, SegmentationSettings.DEFAULT, planted);
        Dataset<Row> learned = result.customerSegments().select(col("customer_id").as("learned_customer_id"),
                col("learned_segment"));
        // A broadcast join streams customer_clv in its order (CLV, largest first), so no sort is needed.
        results.put(Pipeline.CUSTOMER_CLV, customers
                .join(broadcast(learned), customers.col("customer_id").equalTo(learned.col("learned_customer_id")),
                        "left")
                .drop("learned_customer_id")
                .localCheckpoint());
        results.put(CUSTOMER_SEGMENTS, result.customerSegments());
        results.put(SEGMENTATION_METRICS, result.metrics(spark));
        stages.end(customerCount, result.customers(), 0);
        return Optional.of(result);
    }

    /** One readable block for the console. */
    static String text(SegmentationResult result, Optional<TruthScores> truth) {
        SegmentationCandidate chosen = result.chosen();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Learned segments: %s, k = %d"
                        + " (searched k %d..%d on %,d of %,d customers), silhouette %.3f%n",
                chosen.model().displayName(), chosen.clusters(), result.search().get(0).clusters(),
                result.search().get(result.search().size() - 1).clusters(), result.fittedCustomers(),
                result.customers(), chosen.silhouette()));
        text.append(String.format(Locale.ROOT, "  adjusted Rand index against the RFM segments %.3f%n",
                chosen.adjustedRandIndexVersusRfm()));
        truth.ifPresent(scores -> text.append(String.format(Locale.ROOT, "  adjusted Rand index against the planted"
                        + " segments: learned %.3f, RFM rules %.3f%n", chosen.adjustedRandIndexVersusTruth(),
                scores.segmentAdjustedRandIndex())));
        List<List<String>> rows = new ArrayList<>();
        for (SegmentProfile profile : result.profiles()) {
            rows.add(List.of(Integer.toString(profile.segment()), String.format(Locale.ROOT, "%,d",
                    profile.customers()), String.format(Locale.ROOT, "%.1f %%", 100 * profile.revenueShare()),
                    String.format(Locale.ROOT, "%,.2f", profile.meanClv()), profile.description()));
        }
        text.append(TextTables.aligned(List.of("segment", "customers", "revenue", "mean CLV", "description"),
                rows).indent(2));
        return text.toString();
    }

    /** The {@code segments} object of the run summary. */
    static Map<String, Object> summary(SegmentationResult result, Optional<TruthScores> truth) {
        Map<String, Object> summary = new LinkedHashMap<>();
        SegmentationCandidate chosen = result.chosen();
        summary.put("model", chosen.model().displayName());
        summary.put("k", chosen.clusters());
        summary.put("silhouette", chosen.silhouette());
        summary.put("bic", finiteOrNull(chosen.bic()));
        summary.put("ari_vs_rfm", chosen.adjustedRandIndexVersusRfm());
        summary.put("ari_vs_truth", finiteOrNull(chosen.adjustedRandIndexVersusTruth()));
        summary.put("rfm_ari_vs_truth", truth.map(scores -> finiteOrNull(scores.segmentAdjustedRandIndex()))
                .orElse(null));
        summary.put("customers", result.customers());
        summary.put("fitted_customers", result.fittedCustomers());
        summary.put("search_seconds", result.searchSeconds());
        summary.put("profiles", result.profiles().stream().map(profile -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("segment", profile.segment());
            row.put("customers", profile.customers());
            row.put("revenue_share", profile.revenueShare());
            row.put("mean_clv", profile.meanClv());
            row.put("description", profile.description());
            return row;
        }).toList());
        summary.put("search", result.search().stream().map(candidate -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", candidate.model().displayName());
            row.put("k", candidate.clusters());
            row.put("silhouette", candidate.silhouette());
            row.put("bic", finiteOrNull(candidate.bic()));
            row.put("ari_vs_rfm", candidate.adjustedRandIndexVersusRfm());
            row.put("ari_vs_truth", finiteOrNull(candidate.adjustedRandIndexVersusTruth()));
            return row;
        }).toList());
        summary.put("contingency_vs_rfm", result.versusRfm());
        if (!result.versusTruth().isEmpty()) {
            summary.put("contingency_vs_truth", result.versusTruth());
        }
        return summary;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
