package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.ecomanalytics.charts.AliveProbabilityCell;
import io.ecomanalytics.charts.CategoryRevenue;
import io.ecomanalytics.charts.ChartInputs;
import io.ecomanalytics.charts.ChartStyle;
import io.ecomanalytics.charts.Charts;
import io.ecomanalytics.charts.CountFrequency;
import io.ecomanalytics.charts.CustomerRecommendations;
import io.ecomanalytics.charts.CustomerLifetimeValue;
import io.ecomanalytics.charts.DailyRevenue;
import io.ecomanalytics.charts.FunnelStep;
import io.ecomanalytics.charts.HeadlineFigures;
import io.ecomanalytics.charts.HoldoutGroup;
import io.ecomanalytics.charts.HoldoutPurchases;
import io.ecomanalytics.charts.HtmlReport;
import io.ecomanalytics.charts.LearnedSegment;
import io.ecomanalytics.charts.ModelCheck;
import io.ecomanalytics.charts.ProductPair;
import io.ecomanalytics.charts.RecommendedProduct;
import io.ecomanalytics.charts.RecommenderScore;
import io.ecomanalytics.charts.RenderedChart;
import io.ecomanalytics.charts.ReportData;
import io.ecomanalytics.charts.RunParameter;
import io.ecomanalytics.charts.SegmentPoint;
import io.ecomanalytics.charts.TopCustomer;
import io.ecomanalytics.charts.UserEngagement;
import io.ecomanalytics.clv.BgNbdParameters;
import io.ecomanalytics.clv.SegmentationResult;
import io.ecomanalytics.transforms.Analytic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Charts and the HTML report. Only aggregates reach the driver: per-category, per-day and per-stage rows, the
 * distributions, totals, the top customers and a bounded sample of customers for the point and box plots.
 */
final class ReportStage {
    static final String CHARTS_FOLDER = "charts";
    static final String REPORT_FILE = "report.html";
    private static final int TOP_ROWS = 10;
    private static final int ALIVE_GRID_FREQUENCIES = 15;
    private static final int ALIVE_GRID_RECENCY_STEPS = 18;
    private static final int MAXIMUM_PLOTTED_CUSTOMERS = 20_000;
    private static final long SAMPLE_SEED = 42;
    private static final String PRODUCT_PAIRS = "product pairs";
    private static final String PLOTTED_CUSTOMERS = "plotted customers";
    private static final String TOP_CUSTOMERS = "top customers";

    private ReportStage() {
    }

    static List<Path> write(SparkSession spark, Map<Analytic, Dataset<Row>> analytics, Pipeline.ClvResult clv,
            ModelChecks checks, Optional<SegmentationResult> segments, RecommendationStage.Result recommendations,
            PipelineSettings settings, Path staging,
            StageTimer stages) {
        stages.start("charts-report");
        Dataset<Row> customers = clv.customers().select("customer_id", "segment", "clv",
                "orders", "total_spent", "sessions", "average_session_seconds", "T", "frequency");
        Row totals = customers.agg(count(lit(1)), sum("total_spent"), sum("orders"), max("T"), max("frequency"))
                .first();
        long customerCount = totals.getLong(0);
        // The per-customer charts plot points and quartiles: a bounded, seeded sample reads the same and keeps a
        // large customer table on the cluster.
        Dataset<Row> plotted = customerCount > MAXIMUM_PLOTTED_CUSTOMERS
                ? customers.sample(false, (double) MAXIMUM_PLOTTED_CUSTOMERS / customerCount, SAMPLE_SEED)
                : customers;
        // The queries are independent and small, so they run side by side; the largest go first.
        Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
        queries.put(PRODUCT_PAIRS, productPairs(analytics));
        queries.put(PLOTTED_CUSTOMERS, plotted);
        queries.put(TOP_CUSTOMERS, customers.orderBy(col("clv").desc(), col("customer_id")).limit(TOP_ROWS));
        queries.put(Analytic.REVENUE_BY_CATEGORY.tableName(), analytics.get(Analytic.REVENUE_BY_CATEGORY)
                .select("category_id", "category_name", "revenue"));
        queries.put(Analytic.REVENUE_BY_CATEGORY_AND_DAY.tableName(),
                analytics.get(Analytic.REVENUE_BY_CATEGORY_AND_DAY).groupBy("day").agg(sum("revenue").as("revenue")).orderBy("day"));
        queries.put(Analytic.TRANSACTIONS_PER_CUSTOMER.tableName(), analytics.get(Analytic.TRANSACTIONS_PER_CUSTOMER));
        queries.put(Analytic.SESSIONS_PER_USER.tableName(), analytics.get(Analytic.SESSIONS_PER_USER));
        queries.put(Analytic.CONVERSION_FUNNEL.tableName(), analytics.get(Analytic.CONVERSION_FUNNEL)
                .select("stage", "sessions"));
        queries.put(Analytic.SESSION_ENGAGEMENT.tableName(), analytics.get(Analytic.SESSION_ENGAGEMENT)
                .agg(sum("sessions"), sum("converted_sessions")));
        Map<String, List<Row>> rows = ConcurrentJobs.each(new ArrayList<>(queries.keySet()),
                name -> queries.get(name).collectAsList());

        List<Row> customerRows = rows.get(PLOTTED_CUSTOMERS);
        List<CategoryRevenue> categories = rows.get(Analytic.REVENUE_BY_CATEGORY.tableName()).stream()
                .map(row -> new CategoryRevenue(text(row, 0, "unknown"), text(row, 1, text(row, 0, "unknown products")),
                        row.getDecimal(2).doubleValue()))
                .toList();
        ChartInputs inputs = ChartInputs.empty()
                .withCategoryRevenue(categories)
                .withLifetimeValues(customerRows.stream()
                        .map(row -> new CustomerLifetimeValue(row.getString(0), label(row.getString(1)),
                                row.getDouble(2)))
                        .toList())
                .withTransactionsPerCustomer(counts(rows.get(Analytic.TRANSACTIONS_PER_CUSTOMER.tableName())))
                .withSessionsPerUser(counts(rows.get(Analytic.SESSIONS_PER_USER.tableName())))
                .withEngagement(customerRows.stream()
                        .filter(row -> row.getLong(5) > 0)
                        .map(row -> new UserEngagement(row.getString(0), row.getLong(5), row.getDouble(6),
                                row.getDouble(4)))
                        .toList(), ChartInputs.DEFAULT_ENGAGED_SESSION_THRESHOLD)
                .withFunnel(rows.get(Analytic.CONVERSION_FUNNEL.tableName()).stream()
                        .map(row -> new FunnelStep(label(row.getString(0)), row.getLong(1))).toList())
                .withDailyRevenue(rows.get(Analytic.REVENUE_BY_CATEGORY_AND_DAY.tableName()).stream()
                        .map(row -> new DailyRevenue(row.getDate(0).toLocalDate(), row.getDecimal(1).doubleValue()))
                        .toList())
                .withAliveProbability(aliveGrid(clv.purchaseFit().parameters(),
                        totals.isNullAt(3) ? 0 : totals.getDouble(3), totals.isNullAt(4) ? 0 : totals.getInt(4)))
                .withHoldout(checks.holdout().byCalibrationFrequency().stream()
                                .map(group -> new HoldoutGroup(group.label(), group.customers(), group.meanPredicted(),
                                        group.meanActual()))
                                .toList(),
                        checks.holdout().predictions().stream()
                                .map(customer -> new HoldoutPurchases(customer.predictedPurchases(),
                                        customer.actualPurchases()))
                                .toList())
                .withSegments(segmentPoints(segments), learnedSegments(segments))
                .withRecommenderScores(recommendations.metrics().stream()
                        .map(model -> new RecommenderScore(model.model().columnValue(), model.precision(),
                                model.recall(), model.ndcg(), model.meanAveragePrecision()))
                        .toList());
        try {
            Path chartsFolder = staging.resolve(CHARTS_FOLDER);
            List<RenderedChart> charts = Charts.renderAll(inputs, chartsFolder, ChartStyle.defaults());
            HtmlReport.write(reportData(spark, rows, totals, categories, settings, checks, segments, recommendations),
                    charts,
                    staging.resolve(REPORT_FILE));
            stages.end(customerCount, charts.size(), 0);
            return charts.stream().map(chart -> staging.relativize(chart.file())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the charts or the report into " + staging + ": "
                    + e.getMessage(), e);
        }
    }

    private static ReportData reportData(SparkSession spark, Map<String, List<Row>> rows, Row totals,
            List<CategoryRevenue> categories, PipelineSettings settings, ModelChecks checks,
            Optional<SegmentationResult> segments, RecommendationStage.Result recommendations) {
        double revenue = totals.isNullAt(1) ? 0 : totals.getDouble(1);
        long orders = totals.isNullAt(2) ? 0 : totals.getLong(2);
        Row sessions = rows.get(Analytic.SESSION_ENGAGEMENT.tableName()).get(0);
        HeadlineFigures headline = new HeadlineFigures(revenue, orders, totals.getLong(0),
                sessions.isNullAt(0) ? 0 : sessions.getLong(0), sessions.isNullAt(1) ? 0 : sessions.getLong(1),
                categories.isEmpty() ? "" : categories.get(0).categoryName());
        List<TopCustomer> topCustomers = rows.get(TOP_CUSTOMERS).stream()
                .map(row -> new TopCustomer(row.getString(0), label(row.getString(1)), row.getLong(3),
                        row.getDouble(4), row.getDouble(2)))
                .toList();
        List<ProductPair> productPairs = rows.get(PRODUCT_PAIRS).stream()
                .map(row -> new ProductPair(row.getString(0), text(row, 1, row.getString(0)), row.getString(2),
                        text(row, 3, row.getString(2)), row.getLong(4)))
                .toList();
        return new ReportData("E-commerce analytics", Instant.now(), headline, parameters(spark, settings),
                topCustomers, categories.stream().limit(TOP_ROWS).toList(), productPairs,
                modelChecks(checks, segments), learnedSegments(segments), exampleRecommendations(recommendations));
    }

    private static List<ModelCheck> modelChecks(ModelChecks checks, Optional<SegmentationResult> segments) {
        List<ModelCheck> rows = new ArrayList<>(checks.reportRows());
        segments.ifPresent(result -> {
            var chosen = result.chosen();
            rows.add(new ModelCheck("Learned segments: model, k, silhouette", String.format(Locale.ROOT,
                    "%s, %d, %.3f", chosen.model().displayName(), chosen.clusters(), chosen.silhouette()),
                    String.format(Locale.ROOT, "k searched on %,d customers", result.fittedCustomers())));
            rows.add(new ModelCheck("Learned segments against RFM segments, adjusted Rand index",
                    String.format(Locale.ROOT, "%.3f", chosen.adjustedRandIndexVersusRfm()), ""));
            if (Double.isFinite(chosen.adjustedRandIndexVersusTruth())) {
                rows.add(new ModelCheck("Learned segments against planted segments, adjusted Rand index",
                        String.format(Locale.ROOT, "%.3f", chosen.adjustedRandIndexVersusTruth()),
                        checks.truth().map(scores -> String.format(Locale.ROOT, "RFM rules %.3f",
                                scores.segmentAdjustedRandIndex())).orElse("")));
            }
        });
        return rows;
    }

    private static List<SegmentPoint> segmentPoints(Optional<SegmentationResult> segments) {
        return segments.map(result -> result.projection().stream()
                .map(customer -> new SegmentPoint(customer.firstComponent(), customer.secondComponent(),
                        segmentName(customer.segment())))
                .toList()).orElse(List.of());
    }

    private static List<LearnedSegment> learnedSegments(Optional<SegmentationResult> segments) {
        return segments.map(result -> result.profiles().stream()
                .map(profile -> new LearnedSegment(segmentName(profile.segment()), profile.description(),
                        profile.customers(), profile.revenueShare(), profile.meanClv()))
                .toList()).orElse(List.of());
    }

    private static String segmentName(int segment) {
        return "segment " + segment;
    }

    private static List<CustomerRecommendations> exampleRecommendations(RecommendationStage.Result recommendations) {
        String model = recommendations.chosen().model().columnValue();
        return recommendations.examples().entrySet().stream()
                .map(customer -> new CustomerRecommendations(customer.getKey(), model, customer.getValue().stream()
                        .map(line -> new RecommendedProduct(line.rank(), line.productId(), line.productName(),
                                line.score(), line.reason()))
                        .toList()))
                .toList();
    }

    private static List<RunParameter> parameters(SparkSession spark, PipelineSettings settings) {
        List<RunParameter> parameters = new ArrayList<>();
        parameters.add(new RunParameter("Dataset", settings.data().map(Path::toString)
                .orElse(String.format(Locale.ROOT, "generated: %,d users, %,d products, %,d transactions,"
                                + " %,d sessions (seed %d)", settings.generatorSpec().users(),
                        settings.generatorSpec().products(), settings.generatorSpec().transactions(),
                        settings.generatorSpec().sessions(), settings.generatorSpec().seed()))));
        parameters.add(new RunParameter("Spark", spark.version() + " on " + spark.sparkContext().master()));
        parameters.add(new RunParameter("CLV horizon", settings.horizonMonths() + " months"));
        parameters.add(new RunParameter("Monthly discount rate",
                String.format(Locale.ROOT, "%.2f %%", settings.monthlyDiscountRate() * 100)));
        return parameters;
    }

    /** The strongest partner of each product, each pair once, most orders together first. */
    private static Dataset<Row> productPairs(Map<Analytic, Dataset<Row>> analytics) {
        Dataset<Row> names = analytics.get(Analytic.PRODUCT_PERFORMANCE).select("product_id", "product_name");
        Dataset<Row> first = names.withColumnRenamed("product_id", "first_id")
                .withColumnRenamed("product_name", "first_name");
        Dataset<Row> second = names.withColumnRenamed("product_id", "second_id")
                .withColumnRenamed("product_name", "second_name");
        return analytics.get(Analytic.PRODUCT_AFFINITY)
                .where(col("product_id").lt(col("other_product_id")))
                .join(first, col("product_id").equalTo(col("first_id")), "left")
                .join(second, col("other_product_id").equalTo(col("second_id")), "left")
                .dropDuplicates("product_id", "other_product_id")
                .orderBy(col("pair_transactions").desc(), col("lift").desc(), col("product_id"))
                .limit(TOP_ROWS)
                .select("product_id", "first_name", "other_product_id", "second_name", "pair_transactions");
    }

    private static List<CountFrequency> counts(List<Row> distribution) {
        return distribution.stream()
                .map(row -> new CountFrequency(row.getLong(0), row.getLong(1)))
                .toList();
    }

    /** P(alive) over repeat purchases 0..15 and recency 0..T at the longest customer age T (in days). */
    private static List<AliveProbabilityCell> aliveGrid(BgNbdParameters model, double age, int mostRepeatPurchases) {
        int maximumFrequency = Math.min(ALIVE_GRID_FREQUENCIES, mostRepeatPurchases);
        List<AliveProbabilityCell> grid = new ArrayList<>();
        if (age <= 0) {
            return grid;
        }
        for (int frequency = 0; frequency <= maximumFrequency; frequency++) {
            for (int step = 0; step <= ALIVE_GRID_RECENCY_STEPS; step++) {
                double recency = frequency == 0 ? 0 : age * step / ALIVE_GRID_RECENCY_STEPS;
                grid.add(new AliveProbabilityCell(frequency, recency, model.probabilityAlive(frequency, recency, age)));
                if (frequency == 0) {
                    break;
                }
            }
        }
        return grid;
    }

    private static String text(Row row, int index, String fallback) {
        return row.isNullAt(index) ? fallback : row.getString(index);
    }

    /** {@code at_risk} reads as "at risk" in a chart. */
    private static String label(String name) {
        return name.replace('_', ' ');
    }
}
