package io.ecomanalytics.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A five-customer example worked by hand at k = 3 (binary relevance, log2 discounts, precision over k, average
 * precision over min(relevant, k)):
 * <pre>
 * user  list        relevant  precision recall  DCG          IDCG               NDCG    AP
 * u1    a b c       a c       2/3       1       1 + 1/2      1 + 1/log2(3)      0.91972 (1 + 2/3) / 2
 * u2    d e f       g         0         0       0            1                  0       0
 * u3    b           b h       1/3       1/2     1            1 + 1/log2(3)      0.61315 1 / 2
 * u4    (none)      a         0         0       0            1                  0       0
 * u5    c a b       b         1/3       1       1/2          1                  0.5     (1/3) / 1
 * mean                        4/15      1/2                                     0.40657 1/3
 * </pre>
 * Catalogue a-h (8 products): a, b, c in category X, the rest in Y; u1 is planted in X and u5 in Y.
 */
class EvaluationTest {
    private static final double IDCG_OF_TWO = 1 + 1 / (Math.log(3) / Math.log(2));
    private final SparkSession spark = SharedSpark.session();

    @Test
    void metricsEqualTheHandWorkedExample() {
        HandMadeShop shop = new HandMadeShop(spark);
        for (String product : List.of("a", "b", "c")) {
            shop.product(product, "X");
        }
        for (String product : List.of("d", "e", "f", "g", "h")) {
            shop.product(product, "Y");
        }
        Dataset<Row> relevant = pairs(Map.of("u1", List.of("a", "c"), "u2", List.of("g"), "u3", List.of("b", "h"),
                "u4", List.of("a"), "u5", List.of("b")));
        Dataset<Row> planted = pairs(Map.of("u1", List.of("X"), "u5", List.of("Y")))
                .withColumnRenamed("product_id", "category_id");
        RecommendationModel fixed = new FixedLists(spark, Map.of("u1", List.of("a", "b", "c"),
                "u2", List.of("d", "e", "f"), "u3", List.of("b"), "u5", List.of("c", "a", "b")));

        ModelMetrics metrics = Evaluation.compare(List.of(fixed),
                new Evaluation.HeldOut(relevant, shop.catalogue(), Optional.of(planted)), 3).get(0);

        assertThat(metrics.users()).isEqualTo(5);
        assertThat(metrics.precision()).isCloseTo(4.0 / 15, within(1e-9));
        assertThat(metrics.recall()).isCloseTo(0.5, within(1e-9));
        double ndcg = (1.5 / IDCG_OF_TWO + 1 / IDCG_OF_TWO + 0.5) / 5;
        assertThat(ndcg).isCloseTo(0.40657, within(1e-5));
        assertThat(metrics.ndcg()).isCloseTo(ndcg, within(1e-9));
        assertThat(metrics.meanAveragePrecision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(metrics.catalogueCoverage()).isCloseTo(6.0 / 8, within(1e-9));
        assertThat(metrics.fullListShare()).isCloseTo(3.0 / 5, within(1e-9));
        // u1's a, b, c are all in X (planted); u5's c, a, b are in X, not in u5's Y: 3 of 6.
        assertThat(metrics.plantedCategoryShare()).hasValue(0.5);
        Row row = Evaluation.table(spark, List.of(metrics)).first();
        assertThat(row.<String>getAs("model")).isEqualTo("global_popularity");
        assertThat(row.<Double>getAs("ndcg_at_k")).isCloseTo(ndcg, within(1e-9));
    }

    @Test
    void relevantProductsAreLaterPurchasesOfKnownCustomersWithoutRepeatsUnlessAsked() {
        HandMadeShop shop = new HandMadeShop(spark)
                .event("u1", "a", EventType.PURCHASE, 20)
                .event("u1", "a", EventType.PURCHASE, 3)
                .event("u1", "c", EventType.PURCHASE, 2)
                .event("u1", "d", EventType.VIEW, 2)
                .event("u9", "a", EventType.PURCHASE, 1);
        TimeSplit split = TimeSplit.last(Duration.ofDays(14), HandMadeShop.END);

        assertThat(products(Evaluation.relevant(shop.events(), split, RepeatPurchases.EXCLUDE)))
                .containsExactly("u1:c");
        assertThat(products(Evaluation.relevant(shop.events(), split, RepeatPurchases.INCLUDE)))
                .containsExactly("u1:a", "u1:c");
    }

    private static List<String> products(Dataset<Row> relevant) {
        return relevant.orderBy("user_id", "product_id").collectAsList().stream()
                .map(row -> row.getString(0) + ":" + row.getString(1)).toList();
    }

    private Dataset<Row> pairs(Map<String, List<String>> lists) {
        List<Row> rows = new ArrayList<>();
        lists.forEach((user, products) -> products.forEach(product -> rows.add(RowFactory.create(user, product))));
        return spark.createDataFrame(rows, new StructType().add("user_id", DataTypes.StringType)
                .add("product_id", DataTypes.StringType));
    }

    /** A model whose lists are given. */
    private record FixedLists(SparkSession spark, Map<String, List<String>> lists) implements RecommendationModel {
        @Override
        public ModelKind kind() {
            return ModelKind.GLOBAL_POPULARITY;
        }

        @Override
        public Dataset<Row> recommend(Dataset<Row> users, int k) {
            List<Row> rows = new ArrayList<>();
            lists.forEach((user, products) -> {
                for (int i = 0; i < products.size(); i++) {
                    rows.add(RowFactory.create(user, i + 1, products.get(i), 1.0 / (i + 1), "global_popularity",
                            "given"));
                }
            });
            return spark.createDataFrame(rows, Recommender.RECOMMENDATION_SCHEMA);
        }

        @Override
        public Duration fitTime() {
            return Duration.ZERO;
        }

        @Override
        public String description() {
            return "fixed lists";
        }
    }
}
