package io.ecomanalytics.recommendations;

import static io.ecomanalytics.recommendations.HandMadeShop.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The baselines and the co-occurrence model on a shop written out by hand. Buyers per product: y1 6, x1 5, x2 4,
 * y2 3 and y3 3 (a tie), x3 1 (bought by "fan" only), x4 none (only viewed by "fan").
 */
class RecommenderTest {
    private final SparkSession spark = SharedSpark.session();

    private HandMadeShop shop() {
        HandMadeShop shop = new HandMadeShop(spark)
                .product("x1", "X").product("x2", "X").product("x3", "X").product("x4", "X")
                .product("y1", "Y").product("y2", "Y").product("y3", "Y");
        for (int buyer = 1; buyer <= 6; buyer++) {
            shop.bought("b" + buyer, "y1");
        }
        for (int buyer = 1; buyer <= 5; buyer++) {
            shop.bought("b" + buyer, "x1");
        }
        for (int buyer = 2; buyer <= 5; buyer++) {
            shop.bought("b" + buyer, "x2");
        }
        for (int buyer = 4; buyer <= 6; buyer++) {
            shop.bought("b" + buyer, "y2");
            shop.bought("b" + buyer, "y3");
        }
        return shop.bought("fan", "x3").event("fan", "x4", EventType.VIEW, 10)
                .pair("x3", "x2", 0.5).pair("x3", "y2", 0.8).pair("x4", "x1", 0.3).pair("y1", "x3", 0.9);
    }

    @Test
    void globalPopularityListsTheMostBoughtProductsTiesByIdWithoutWhatTheCustomerOwns() {
        Dataset<Row> lists = Recommender.fit(ModelKind.GLOBAL_POPULARITY, shop().training(),
                RecommenderConfig.defaults()).recommend(shop().users("fan", "b1"), 5);

        assertThat(list(lists, "fan")).containsExactly("y1|popular: bought by 6 customers",
                "x1|popular: bought by 5 customers", "x2|popular: bought by 4 customers",
                "y2|popular: bought by 3 customers", "y3|popular: bought by 3 customers");
        // b1 owns y1 and x1.
        assertThat(list(lists, "b1")).extracting(entry -> entry.split("\\|")[0])
                .containsExactly("x2", "y2", "y3", "x3");
        assertThat(columns(lists.schema())).isEqualTo(columns(Recommender.RECOMMENDATION_SCHEMA));
    }

    private static List<String> columns(StructType schema) {
        return Arrays.stream(schema.fields()).map(field -> field.name() + " " + field.dataType().simpleString())
                .toList();
    }

    @Test
    void withRepeatsWantedBoughtProductsStayInTheList() {
        Dataset<Row> lists = Recommender.fit(ModelKind.GLOBAL_POPULARITY, shop().training(),
                RecommenderConfig.defaults().withRepeats(RepeatPurchases.INCLUDE)).recommend(shop().users("b1"), 2);

        assertThat(list(lists, "b1")).extracting(entry -> entry.split("\\|")[0]).containsExactly("y1", "x1");
    }

    @Test
    void aCustomerWhoBoughtInOneCategoryGetsThatCategorysPopularProducts() {
        Dataset<Row> lists = Recommender.fit(ModelKind.CATEGORY_POPULARITY, shop().training(),
                RecommenderConfig.defaults()).recommend(shop().users("fan"), 10);

        // fan bought x3 and viewed x4: category X only; x3 is owned, x4 was bought by nobody.
        assertThat(list(lists, "fan")).containsExactly("x1|popular in Category X", "x2|popular in Category X");
    }

    @Test
    void coOccurrenceScoresPairsByTheCustomersConfidenceAndNamesTheStrongestSource() {
        Dataset<Row> lists = Recommender.fit(ModelKind.ITEM_COOCCURRENCE, shop().training(),
                RecommenderConfig.defaults()).recommend(shop().users("fan"), 10);

        // Purchase weight 10 x 0.8 = 8 (y2), 10 x 0.5 = 5 (x2), view weight 1 x 0.3 = 0.3 (x1).
        assertThat(list(lists, "fan")).containsExactly("y2|bought Name of x3", "x2|bought Name of x3",
                "x1|viewed Name of x4");
        assertThat(lists.orderBy("rank").collectAsList().stream().map(row -> row.<Double>getAs("score")).toList())
                .containsExactly(8.0, 5.0, 0.3);
    }

    @Test
    void theSameDataGiveTheSameListsAndTheUnknownGetNothing() {
        List<ModelKind> kinds = List.of(ModelKind.GLOBAL_POPULARITY, ModelKind.CATEGORY_POPULARITY,
                ModelKind.ITEM_COOCCURRENCE);
        List<RecommendationModel> first = Recommender.fit(kinds, shop().training(), RecommenderConfig.defaults());
        List<RecommendationModel> second = Recommender.fit(kinds, shop().training(), RecommenderConfig.defaults());

        for (int i = 0; i < kinds.size(); i++) {
            Dataset<Row> users = shop().users("fan", "b1", "b4", "stranger");
            assertThat(first.get(i).recommend(users, 3).orderBy("user_id", "rank").collectAsList())
                    .as(kinds.get(i).columnValue())
                    .isEqualTo(second.get(i).recommend(users, 3).orderBy("user_id", "rank").collectAsList());
        }
        assertThat(first.get(1).recommend(shop().users("stranger"), 3).isEmpty()).isTrue();
        assertThat(first.get(0).recommend(shop().users("stranger"), 3).count()).isEqualTo(3);
    }
}
