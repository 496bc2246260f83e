package io.ecomanalytics.mongo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecomanalytics.testing.SharedSpark;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({EmbeddedMongoExtension.class, SharedSpark.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoSparkIoIT {
    private static final PlainJavaFigures EXPECTED = PlainJavaFigures.of(TestDatasets.tiny());

    private MongoSettings settings;
    private SparkSession spark;

    @BeforeAll
    void load(MongoSettings testSettings, SparkSession sharedSpark) {
        settings = testSettings;
        try (MongoStore store = MongoStore.connect(settings)) {
            store.database().drop();
            store.createSchema();
            store.loader(MongoLoadOptions.defaults()).load(TestDatasets.tiny());
        }
        spark = sharedSpark;
    }

    @Test
    void readsTheTransactionsWithTheRowCountsAndSumsTheLoaderWrote() {
        // One scan of the server; every check below reads the cached rows.
        Dataset<Row> transactions = MongoSparkIo.read(spark, settings, MongoCollectionName.TRANSACTIONS).cache();

        assertThat(transactions.schema()).isEqualTo(io.ecomanalytics.transforms.Schemas.transactionsFromMongo());
        Row totals = transactions.agg(sum(col("total")), sum(col("subtotal"))).first();
        assertThat(transactions.count()).isEqualTo(EXPECTED.transactions);
        assertThat(cents(totals.getDouble(0))).isEqualTo(EXPECTED.totalRevenue.setScale(2, RoundingMode.HALF_UP));
        assertThat(transactions.select(explode(col("items")).as("item")).count()).isEqualTo(EXPECTED.items);
        assertThat(transactions.select("_id").distinct().count()).isEqualTo(EXPECTED.transactions);
        Row first = transactions.orderBy("_id").first();
        assertThat(first.<Object>getAs("timestamp")).isInstanceOf(Timestamp.class);
        assertThat(first.<String>getAs("_id")).isEqualTo(first.<String>getAs("transaction_id"));
        transactions.unpersist();
    }

    @Test
    void readsEveryDatasetCollection() {
        assertThat(MongoSparkIo.read(spark, settings, MongoCollectionName.USERS).count()).isEqualTo(EXPECTED.users);
        assertThat(MongoSparkIo.read(spark, settings, MongoCollectionName.PRODUCTS).count())
                .isEqualTo(EXPECTED.products);
        assertThat(MongoSparkIo.read(spark, settings, MongoCollectionName.CATEGORIES).count())
                .isEqualTo(EXPECTED.categories);
    }

    @Test
    void writesADataFrameThatReplacesTheCollection() {
        StructType schema = new StructType()
                .add("_id", DataTypes.StringType)
                .add("user_id", DataTypes.StringType)
                .add("clv", DataTypes.DoubleType);
        Dataset<Row> first = spark.createDataFrame(List.of(RowFactory.create("user_000001", "user_000001", 12.5),
                RowFactory.create("user_000002", "user_000002", 7.25)), schema);
        Dataset<Row> second = spark.createDataFrame(List.of(RowFactory.create("user_000001", "user_000001", 13.0)),
                schema);

        MongoSparkIo.write(first, settings, MongoCollectionName.CUSTOMER_CLV);
        MongoSparkIo.write(second, settings, MongoCollectionName.CUSTOMER_CLV);

        try (MongoStore store = MongoStore.connect(settings)) {
            assertThat(store.collection(MongoCollectionName.CUSTOMER_CLV).find().into(new java.util.ArrayList<>()))
                    .containsExactly(new Document("_id", "user_000001").append("user_id", "user_000001")
                            .append("clv", 13.0));
        }
        Dataset<Row> read = MongoSparkIo.read(spark, settings, MongoCollectionName.CUSTOMER_CLV, schema);
        assertThat(read.collectAsList()).containsExactly(RowFactory.create("user_000001", "user_000001", 13.0));
    }

    @Test
    void customerClvNeedsAnExplicitSchema() {
        assertThatThrownBy(() -> MongoSparkIo.read(spark, settings, MongoCollectionName.CUSTOMER_CLV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customer_clv has no schema in spark-transforms' Schemas");
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
