package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SegmentationTest {
    private static final int FEATURE_COUNT = SegmentFeature.values().length;

    @Test
    void standardisationUsesThePopulationMeanAndDeviation() {
        // Purchases feature 1, 2, 3, 6: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5.
        List<double[]> values = List.of(row(1), row(2), row(3), row(6));
        Standardisation standardisation = Standardisation.fit(table(values, List.of("a", "b", "c", "d")));

        assertThat(standardisation.means().get(SegmentFeature.PURCHASES.ordinal())).isCloseTo(3.0, within(1e-12));
        assertThat(standardisation.standardDeviations().get(SegmentFeature.PURCHASES.ordinal()))
                .isCloseTo(Math.sqrt(3.5), within(1e-12));
        assertThat(standardisation.zScore(SegmentFeature.PURCHASES, 6)).isCloseTo(3 / Math.sqrt(3.5), within(1e-12));
        // Every other feature is constant (0): no spread, so every customer is average.
        assertThat(standardisation.zScore(SegmentFeature.CONVERSION_RATE, 5)).isZero();
    }

    @Test
    void standardisationOfNoCustomersSaysWhy() {
        assertThatThrownBy(() -> Standardisation.fit(table(List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot standardise an empty feature table: no customer has a purchase");
    }

    @Test
    void theFeatureTableTransformsBothStoresAsDocumented() {
        SparkSession spark = SharedSpark.session();
        Instant observationEnd = Instant.parse("2025-01-01T00:00:00Z");
        // user_1: T 30, recency 20, 3 orders for 63 in all, CLV e - 1. Three customers have 2 sessions each, in the
        // pattern (2, 0), (0, 2), (1, 1) of the hand-worked prior (M = 2) for carts abandoned / bought, mobile /
        // desktop and email / search engine; user_4 has none.
        Dataset<Row> customers = spark.createDataFrame(List.of(
                customer("user_1", 20.0, 30.0, 3L, 63.0, Math.E - 1, "champions"),
                customer("user_2", 5.0, 30.0, 2L, 20.0, 1.0, "loyal"),
                customer("user_3", 5.0, 30.0, 2L, 20.0, 1.0, "loyal"),
                customer("user_4", 0.0, 10.0, 1L, 9.0, 0.0, "new_customers")),
                new StructType().add("customer_id", DataTypes.StringType).add("recency", DataTypes.DoubleType)
                        .add("T", DataTypes.DoubleType).add("orders", DataTypes.LongType)
                        .add("total_spent", DataTypes.DoubleType).add("clv", DataTypes.DoubleType)
                        .add("probability_alive", DataTypes.DoubleType)
                        .add("average_session_seconds", DataTypes.DoubleType)
                        .add("segment", DataTypes.StringType));
        StructType engagementSchema = new StructType().add("user_id", DataTypes.StringType)
                .add("sessions", DataTypes.LongType).add("page_views", DataTypes.LongType);
        for (String column : List.of("device_mobile", "device_desktop", "device_tablet", "referrer_direct",
                "referrer_email", "referrer_social", "referrer_search_engine", "referrer_affiliate")) {
            engagementSchema = engagementSchema.add(column, DataTypes.LongType);
        }
        Dataset<Row> engagement = spark.createDataFrame(List.of(
                RowFactory.create("user_1", 2L, 10L, 2L, 0L, 0L, 0L, 2L, 0L, 0L, 0L),
                RowFactory.create("user_2", 2L, 6L, 0L, 2L, 0L, 0L, 0L, 0L, 2L, 0L),
                RowFactory.create("user_3", 2L, 6L, 1L, 1L, 0L, 0L, 1L, 0L, 1L, 0L)), engagementSchema);
        Dataset<Row> sessions = spark.createDataFrame(List.of(
                session("user_1", "2024-12-20T00:00:00Z", "abandoned"),
                session("user_1", "2024-12-29T12:00:00Z", "abandoned"),
                session("user_2", "2024-12-30T00:00:00Z", "converted"),
                session("user_2", "2025-01-02T00:00:00Z", "converted"),
                session("user_3", "2024-12-30T00:00:00Z", "converted"),
                session("user_3", "2024-12-31T00:00:00Z", "abandoned")),
                new StructType().add("user_id", DataTypes.StringType).add("start_time", DataTypes.TimestampType)
                        .add("conversion_status", DataTypes.StringType));

        Map<String, Row> rows = new HashMap<>();
        SegmentFeatures.table(customers, engagement, sessions, observationEnd).collectAsList()
                .forEach(row -> rows.put(row.getString(0), row));
        Row first = rows.get("user_1");

        assertThat(first.<String>getAs("rfm_segment")).isEqualTo("champions");
        assertThat(first.<Double>getAs("log_days_since_last_purchase")).isCloseTo(Math.log(11), within(1e-12));
        assertThat(first.<Double>getAs("log_purchases")).isCloseTo(Math.log(4), within(1e-12));
        assertThat(first.<Double>getAs("log_average_order_value")).isCloseTo(Math.log(22), within(1e-12));
        assertThat(first.<Double>getAs("log_clv")).isCloseTo(1.0, within(1e-12));
        assertThat(first.<Double>getAs("log_sessions")).isCloseTo(Math.log(3), within(1e-12));
        // The last session started 2.5 days before the end of the window.
        assertThat(first.<Double>getAs("log_days_since_last_visit")).isCloseTo(Math.log(3.5), within(1e-12));
        assertThat(first.<Double>getAs("pages_per_session")).isCloseTo(5.0, within(1e-12));
        // Shrunk with M = 2 toward 1/2: (2 + 2 x 1/2) / (2 + 2) = 3/4 where the raw share is 1, and 1/4 for 0.
        assertThat(first.<Double>getAs("cart_abandonment_rate")).isCloseTo(0.75, within(1e-9));
        assertThat(first.<Double>getAs("conversion_rate")).isCloseTo(0.25, within(1e-9));
        assertThat(first.<Double>getAs("mobile_share")).isCloseTo(0.75, within(1e-9));
        assertThat(first.<Double>getAs("desktop_share")).isCloseTo(0.25, within(1e-9));
        assertThat(first.<Double>getAs("tablet_share")).isZero();
        assertThat(first.<Double>getAs("email_share")).isCloseTo(0.75, within(1e-9));
        assertThat(first.<Double>getAs("search_engine_share")).isCloseTo(0.25, within(1e-9));
        assertThat(first.<Double>getAs("direct_share")).isZero();
        Row second = rows.get("user_2");
        // A session after the end of the window counts as a visit 0 days ago.
        assertThat(second.<Double>getAs("log_days_since_last_visit")).isZero();
        assertThat(second.<Double>getAs("conversion_rate")).isCloseTo(0.75, within(1e-9));
        assertThat(rows.get("user_3").<Double>getAs("mobile_share")).isCloseTo(0.5, within(1e-9));
        Row fourth = rows.get("user_4");
        assertThat(fourth.<Double>getAs("log_sessions")).isZero();
        assertThat(fourth.<Double>getAs("pages_per_session")).isZero();
        // Without a session: the last purchase, 10 days ago, and the population's proportions.
        assertThat(fourth.<Double>getAs("log_days_since_last_visit")).isCloseTo(Math.log(11), within(1e-12));
        assertThat(fourth.<Double>getAs("cart_abandonment_rate")).isCloseTo(0.5, within(1e-9));
        assertThat(fourth.<Double>getAs("mobile_share")).isCloseTo(0.5, within(1e-9));
        assertThat(fourth.<Double>getAs("tablet_share")).isZero();
    }

    @Test
    void theShrinkagePriorMatchesTheHandWorkedExample() {
        // Counts (2, 0), (0, 2), (1, 1): N = 6, m = 3, mu = (1/2, 1/2); chi = 2 x 1 + 2 x 1 + 0 = 4 over K - 1 = 1,
        // so rho = (4 - 3) / (6 - 3) = 1/3 and M = 1/rho - 1 = 2. sum_i x_i1^2 / n_i = 4/2 + 0 + 1/2 = 2.5.
        ShrunkProportions.Prior prior = ShrunkProportions.prior(new double[] {3, 3, 0}, new double[] {2.5, 2.5, 0},
                6, 3);
        assertThat(prior.means()).containsExactly(0.5, 0.5, 0.0);
        assertThat(prior.concentration()).isCloseTo(2.0, within(1e-12));
        // Less spread than the counts explain (every customer at 1/2): pooled almost completely.
        assertThat(ShrunkProportions.prior(new double[] {3, 3}, new double[] {1.5, 1.5}, 6, 3).concentration())
                .isGreaterThan(1e5);
        // One trial each says nothing about the spread: nothing shrunk.
        assertThat(ShrunkProportions.prior(new double[] {1, 2}, new double[] {1, 2}, 3, 3).concentration()).isZero();
    }

    @Test
    void silhouetteMatchesTheHandWorkedExample() {
        // Clusters {0, 1} and {4, 5} on a line, squared distances. Point 0: a = 1, b = (16 + 25) / 2 = 20.5,
        // s = 1 - 1/20.5; point 1: a = 1, b = (9 + 16) / 2 = 12.5, s = 1 - 1/12.5; 4 and 5 mirror 1 and 0.
        List<double[]> points = List.of(new double[] {0}, new double[] {1}, new double[] {4}, new double[] {5});
        double expected = ((1 - 1 / 20.5) + (1 - 1 / 12.5)) / 2;

        assertThat(Silhouette.of(points, new int[] {0, 0, 1, 1}, 2)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void silhouetteAgreesWithSparksEvaluatorAndScoresALonePointZero() {
        // Point 9 alone in its cluster scores 0; the others as in Spark's ClusteringEvaluator.
        List<double[]> points = List.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 2},
                new double[] {5, 5}, new double[] {6, 5}, new double[] {9, 9});
        int[] clusters = {0, 0, 0, 1, 1, 2};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            rows.add(RowFactory.create(Vectors.dense(points.get(i)), (double) clusters[i]));
        }
        Dataset<Row> frame = SharedSpark.session().createDataFrame(rows, new StructType()
                .add("features", new VectorUDT()).add("prediction", DataTypes.DoubleType));
        double spark = new ClusteringEvaluator().evaluate(frame);

        assertThat(Silhouette.of(points, clusters, 3)).isCloseTo(spark, within(1e-9));
    }

    @Test
    void profilesNameTheFurthestFeaturesFirst() {
        Double[] centroid = new Double[FEATURE_COUNT];
        Arrays.fill(centroid, 0.1);
        centroid[SegmentFeature.PURCHASES.ordinal()] = 1.2;
        centroid[SegmentFeature.DAYS_SINCE_LAST_PURCHASE.ordinal()] = -0.8;
        centroid[SegmentFeature.MOBILE_SHARE.ordinal()] = 0.6;
        centroid[SegmentFeature.CART_ABANDONMENT_RATE.ordinal()] = -0.5;

        assertThat(CustomerSegmentation.describe(Arrays.asList(centroid)))
                .isEqualTo("buys often, bought recently, mostly mobile, rarely abandons a cart");
        assertThat(CustomerSegmentation.describe(java.util.Collections.nCopies(FEATURE_COUNT, 0.2)))
                .isEqualTo("close to the average customer");
    }

    @Test
    void threePlantedBlobsAreRecovered() {
        // 3 x 300 customers around well-separated centres on purchases, pages per session and mobile share, with
        // unit noise; the other features are the same for everyone.
        Random random = new Random(7);
        List<double[]> values = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, String> planted = new HashMap<>();
        int[][] centres = {{0, 0, 0}, {12, 0, 6}, {0, 12, -6}};
        for (int blob = 0; blob < 3; blob++) {
            for (int i = 0; i < 300; i++) {
                double[] features = new double[FEATURE_COUNT];
                features[SegmentFeature.PURCHASES.ordinal()] = centres[blob][0] + random.nextGaussian();
                features[SegmentFeature.PAGES_PER_SESSION.ordinal()] = centres[blob][1] + random.nextGaussian();
                features[SegmentFeature.MOBILE_SHARE.ordinal()] = centres[blob][2] + random.nextGaussian();
                String id = String.format("user_%04d", ids.size());
                ids.add(id);
                values.add(features);
                planted.put(id, "blob_" + blob);
            }
        }
        SegmentationResult result = CustomerSegmentation.segment(table(values, ids),
                new SegmentationSettings(2, 6, 600, 20, 500, 42), Optional.of(planted));

        assertThat(result.chosen().clusters()).isEqualTo(3);
        assertThat(result.chosen().adjustedRandIndexVersusTruth()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.search()).hasSize(3 * 5);
        assertThat(result.profiles()).hasSize(3);
        assertThat(result.profiles().stream().mapToLong(SegmentProfile::customers).sum()).isEqualTo(900);
        assertThat(result.profiles().stream().mapToDouble(SegmentProfile::revenueShare).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(result.profiles()).extracting(SegmentProfile::description)
                .anyMatch(text -> text.contains("buys often") && text.contains("mostly mobile"))
                .anyMatch(text -> text.contains("views many pages") && text.contains("seldom mobile"));
        // The search saw a sample of about 600; MLlib assigned all 900 on the executors.
        assertThat(result.fittedCustomers()).isBetween(500L, 700L);
        assertThat(result.projection()).hasSize(500);
        assertThat(result.customerSegments().count()).isEqualTo(900);
        List<Row> assigned = result.customerSegments().collectAsList();
        List<LabelPair> pairs = assigned.stream()
                .map(row -> new LabelPair(Integer.toString(row.getInt(2)), planted.get(row.getString(0))))
                .toList();
        assertThat(AgreementMeasures.adjustedRandIndex(pairs)).isGreaterThanOrEqualTo(0.95);
        assertThat(result.metrics(SharedSpark.session()).where("fit = 'chosen'").count()).isEqualTo(1);
        assertThat(result.metrics(SharedSpark.session()).count()).isEqualTo(3 * 5 + 1);
    }

    @Test
    void aBisectingFitIsPublishedWithTheClustersTheSearchFound() throws Exception {
        // The feature table of `run --scale small --seed 1234` (segments/README.md). With the features of an earlier
        // release the search chose bisecting k-means with k = 3 on it, and MLlib's BisectingKMeans, fitted again
        // from scratch, put all 2,000 customers in one segment. The published fit now starts from the search's
        // clusters and must keep them.
        StructType schema = table(List.of(), List.of()).schema().add("planted", DataTypes.StringType);
        Dataset<Row> file = SharedSpark.session().read().option("header", "true").schema(schema)
                .csv(Path.of(getClass().getResource("/segments/small-seed-1234-features.csv").toURI()).toString());
        Standardisation standardisation = Standardisation.fit(file);
        List<double[]> points = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> planted = new ArrayList<>();
        for (Row row : file.orderBy("customer_id").collectAsList()) {
            double[] point = new double[FEATURE_COUNT];
            for (SegmentFeature feature : SegmentFeature.values()) {
                point[feature.ordinal()] = standardisation.zScore(feature, row.<Double>getAs(feature.columnName()));
            }
            points.add(point);
            rows.add(RowFactory.create(Vectors.dense(point)));
            planted.add(row.getAs("planted"));
        }
        Dataset<Row> vectors = SharedSpark.session().createDataFrame(rows, new StructType()
                .add("features", new VectorUDT()));
        int[] searched = LocalClustering.bisectingKMeans(points, 3, 20, 42).assignments();

        FittedModel fitted = MllibFits.fit(SegmentationModel.BISECTING_K_MEANS, 3, searched, points,
                SegmentationSettings.DEFAULT, vectors);

        int[] published = new int[points.size()];
        for (int i = 0; i < published.length; i++) {
            published[i] = fitted.cluster(Vectors.dense(points.get(i)));
        }
        assertThat(Arrays.stream(published).distinct().count()).isEqualTo(3);
        double searchedAgreement = agreement(searched, planted);
        assertThat(searchedAgreement).isGreaterThan(0.5);
        assertThat(agreement(published, planted)).isCloseTo(searchedAgreement, within(0.05));
    }

    private static double agreement(int[] clusters, List<String> planted) {
        List<LabelPair> pairs = new ArrayList<>();
        for (int i = 0; i < clusters.length; i++) {
            pairs.add(new LabelPair(Integer.toString(clusters[i]), planted.get(i)));
        }
        return AgreementMeasures.adjustedRandIndex(pairs);
    }

    @Test
    void aSmallPopulationCapsKAndTwoCustomersAreTooFew() {
        List<double[]> four = List.of(row(1), row(2), row(10), row(11));
        SegmentationResult result = CustomerSegmentation.segment(table(four, List.of("a", "b", "c", "d")),
                SegmentationSettings.DEFAULT, Optional.empty());
        assertThat(result.search()).extracting(SegmentationCandidate::clusters).containsOnly(2, 3);
        assertThat(result.customerSegments().collectAsList()).extracting(row -> row.getString(0), row -> row.getInt(2))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", 2),
                        org.assertj.core.groups.Tuple.tuple("b", 2), org.assertj.core.groups.Tuple.tuple("c", 1),
                        org.assertj.core.groups.Tuple.tuple("d", 1));

        assertThatThrownBy(() -> CustomerSegmentation.segment(table(List.of(row(1), row(2)), List.of("a", "b")),
                SegmentationSettings.DEFAULT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot learn segments from 2 customers: at least 3 customers with a purchase are needed"
                        + " for 2 segments");
    }

    private static Row customer(String id, double recency, double age, long orders, double spent, double clv,
            String segment) {
        return RowFactory.create(id, recency, age, orders, spent, clv, 0.9, 120.0, segment);
    }

    private static Row session(String user, String start, String status) {
        return RowFactory.create(user, java.sql.Timestamp.from(Instant.parse(start)), status);
    }

    /** Features all 0 except purchases. */
    private static double[] row(double purchases) {
        double[] features = new double[FEATURE_COUNT];
        features[SegmentFeature.PURCHASES.ordinal()] = purchases;
        return features;
    }

    private static Dataset<Row> table(List<double[]> values, List<String> ids) {
        StructType schema = new StructType().add("customer_id", DataTypes.StringType)
                .add("rfm_segment", DataTypes.StringType).add("total_spent", DataTypes.DoubleType)
                .add("clv", DataTypes.DoubleType);
        for (SegmentFeature feature : SegmentFeature.values()) {
            schema = schema.add(feature.columnName(), DataTypes.DoubleType);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Object[] cells = new Object[4 + FEATURE_COUNT];
            cells[0] = ids.get(i);
            cells[1] = i % 2 == 0 ? "champions" : "at_risk";
            cells[2] = 10.0 + i;
            cells[3] = 5.0;
            for (int f = 0; f < FEATURE_COUNT; f++) {
                cells[4 + f] = values.get(i)[f];
            }
            rows.add(RowFactory.create(cells));
        }
        SparkSession spark = SharedSpark.session();
        return spark.createDataFrame(rows, schema);
    }
}
