package io.ecomanalytics.recommendations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Events, catalogue and affinity pairs written out by hand, so that the right lists are known by construction. */
final class HandMadeShop {
    static final Instant END = Instant.parse("2026-03-31T00:00:00Z");
    static final StructType PAIRS = new StructType()
            .add("product_id", DataTypes.StringType)
            .add("other_product_id", DataTypes.StringType)
            .add("confidence", DataTypes.DoubleType);

    private final SparkSession spark;
    private final List<Row> events = new ArrayList<>();
    private final List<Row> products = new ArrayList<>();
    private final List<Row> pairs = new ArrayList<>();

    HandMadeShop(SparkSession spark) {
        this.spark = spark;
    }

    HandMadeShop product(String productId, String categoryId) {
        products.add(RowFactory.create(productId, "Name of " + productId, categoryId, "Category " + categoryId));
        return this;
    }

    /** {@code user} did {@code type} on {@code product} {@code daysBeforeEnd} days before {@link #END}. */
    HandMadeShop event(String user, String product, EventType type, double daysBeforeEnd) {
        events.add(RowFactory.create(user, product, type.columnValue(),
                Timestamp.from(END.minus(Duration.ofSeconds(Math.round(daysBeforeEnd * 86_400))))));
        return this;
    }

    HandMadeShop bought(String user, String product) {
        return event(user, product, EventType.PURCHASE, 30);
    }

    HandMadeShop pair(String product, String other, double confidence) {
        pairs.add(RowFactory.create(product, other, confidence));
        return this;
    }

    Dataset<Row> events() {
        return spark.createDataFrame(events, ImplicitFeedback.EVENT_SCHEMA);
    }

    Dataset<Row> catalogue() {
        return spark.createDataFrame(products, ProductCatalogue.SCHEMA);
    }

    TrainingData training() {
        return new TrainingData(events(), catalogue(), spark.createDataFrame(pairs, PAIRS), END);
    }

    Dataset<Row> users(String... ids) {
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(RowFactory.create(id));
        }
        return spark.createDataFrame(rows, new StructType().add("user_id", DataTypes.StringType));
    }

    /** Each listed user's products in rank order, as "product_id|reason" strings. */
    static List<String> list(Dataset<Row> recommendations, String user) {
        return recommendations.filter(recommendations.col("user_id").equalTo(user)).orderBy("rank")
                .collectAsList().stream().map(row -> row.<String>getAs("product_id") + "|"
                        + row.<String>getAs("reason")).toList();
    }
}
