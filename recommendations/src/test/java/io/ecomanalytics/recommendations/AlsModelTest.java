package io.ecomanalytics.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALS on a planted block structure: customers 0-19 buy only products of block A, customers 20-39 only of block B, five
 * random products each. Whatever ALS recommends (the bought products excluded) must come from the customer's block.
 */
class AlsModelTest {
    private static final int CUSTOMERS = 40;
    private static final int PRODUCTS_PER_BLOCK = 10;
    private final SparkSession spark = SharedSpark.session();

    private HandMadeShop blocks() {
        HandMadeShop shop = new HandMadeShop(spark);
        Random random = new Random(11);
        for (int product = 0; product < PRODUCTS_PER_BLOCK; product++) {
            shop.product(product("A", product), "A").product(product("B", product), "B");
        }
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            String block = block(customer);
            List<Integer> products = new ArrayList<>();
            for (int product = 0; product < PRODUCTS_PER_BLOCK; product++) {
                products.add(product);
            }
            java.util.Collections.shuffle(products, random);
            for (int product : products.subList(0, 5)) {
                shop.event(customer(customer), product(block, product), EventType.PURCHASE,
                        1 + random.nextInt(60));
            }
        }
        return shop;
    }

    private static String block(int customer) {
        return customer < CUSTOMERS / 2 ? "A" : "B";
    }

    private static String customer(int index) {
        return String.format(Locale.ROOT, "user_%02d", index);
    }

    private static String product(String block, int index) {
        return String.format(Locale.ROOT, "%s%02d", block, index);
    }

    private static RecommenderConfig config() {
        return RecommenderConfig.defaults().withAlsGrid(List.of(new AlsParameters(2, 0.1, 10)))
                .withAlsIterations(6);
    }

    @Test
    void alsRecommendsFromTheCustomersOwnBlockOnly() {
        HandMadeShop shop = blocks();
        List<String> users = new ArrayList<>();
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            users.add(customer(customer));
        }

        Dataset<Row> lists = Recommender.fit(ModelKind.ALS, shop.training(), config())
                .recommend(shop.users(users.toArray(String[]::new)), 5);

        List<Row> rows = lists.collectAsList();
        assertThat(rows).hasSize(CUSTOMERS * 5);
        assertThat(rows).allSatisfy(row -> assertThat(row.<String>getAs("product_id"))
                .as("a product for %s", row.<String>getAs("user_id"))
                .startsWith(block(Integer.parseInt(row.<String>getAs("user_id").substring(5)))));
    }

    @Test
    void theSameSeedGivesTheSameListsAndTheCheckpointsAreDeleted(@TempDir Path checkpoints) throws Exception {
        HandMadeShop shop = blocks();
        RecommenderConfig config = config().withCheckpointInterval(2)
                .withCheckpointFolder(checkpoints.toUri().toString());
        Dataset<Row> users = shop.users(customer(0), customer(25));

        List<Row> first = Recommender.fit(ModelKind.ALS, shop.training(), config).recommend(users, 5)
                .orderBy("user_id", "rank").collectAsList();
        List<Row> second = Recommender.fit(ModelKind.ALS, shop.training(), config).recommend(users, 5)
                .orderBy("user_id", "rank").collectAsList();

        assertThat(first).hasSize(10).isEqualTo(second);
        try (var left = Files.list(checkpoints)) {
            assertThat(left).as("checkpoint folders left behind").isEmpty();
        }
    }

    @Test
    void theGridSearchPicksOneOfTheCandidatesOnTheValidationPeriod() {
        HandMadeShop shop = blocks();
        List<AlsParameters> grid = List.of(new AlsParameters(2, 0.1, 10), new AlsParameters(4, 0.1, 10));

        RecommendationModel model = Recommender.fit(ModelKind.ALS, shop.training(),
                RecommenderConfig.defaults().withAlsGrid(grid).withAlsIterations(3));

        assertThat(model.description()).isIn("implicit ALS rank 2; regParam 0.1; alpha 10.0",
                "implicit ALS rank 4; regParam 0.1; alpha 10.0");
        assertThat(model.recommend(shop.users(customer(3)), 3).count()).isEqualTo(3);
    }
}
