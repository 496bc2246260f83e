package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.testing.SharedSpark;
import io.ecomanalytics.transforms.Cleaning;
import io.ecomanalytics.transforms.CustomerSpend;
import io.ecomanalytics.transforms.Revenue;
import io.ecomanalytics.transforms.TransactionItems;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The typed aggregations and their spark-transforms equivalents, run on the same stored documents (read through
 * {@link MongoSparkIo}), give the same numbers.
 */
@ExtendWith({EmbeddedMongoExtension.class, SharedSpark.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkTransformsAgreementIT {

    private MongoStore store;
    private Dataset<Row> transactions;
    private Dataset<Row> products;
    private Dataset<Row> categories;

    @BeforeAll
    void load(MongoSettings settings, SparkSession spark) {
        store = MongoStore.connect(settings);
        store.database().drop();
        store.createSchema();
        store.loader(MongoLoadOptions.defaults()).load(TestDatasets.tiny());
        transactions = Cleaning.transactions(MongoSparkIo.read(spark, settings, MongoCollectionName.TRANSACTIONS))
                .kept().cache();
        products = Cleaning.products(MongoSparkIo.read(spark, settings, MongoCollectionName.PRODUCTS)).kept();
        categories = Cleaning.categories(MongoSparkIo.read(spark, settings, MongoCollectionName.CATEGORIES)).kept();
    }

    @AfterAll
    void close() {
        transactions.unpersist();
        store.close();
    }

    @Test
    void revenueByCategoryAgrees() {
        List<CategorySales> spark = Revenue.byCategory(TransactionItems.from(transactions, products, categories))
                .collectAsList().stream()
                .map(row -> new CategorySales(row.getAs("category_id"), row.getAs("category_name"),
                        row.<Long>getAs("quantity"), row.<BigDecimal>getAs("revenue"), row.<Long>getAs("orders")))
                .sorted(java.util.Comparator.comparing(CategorySales::categoryId))
                .toList();

        assertThat(store.aggregations().revenueByCategory()).isNotEmpty().isEqualTo(spark);
    }

    @Test
    void purchasesByUserAgree() {
        List<UserPurchases> spark = CustomerSpend.perCustomer(transactions).collectAsList().stream()
                .map(row -> new UserPurchases(row.getAs("user_id"), row.<Long>getAs("orders"),
                        row.<BigDecimal>getAs("total_spent"),
                        row.<java.sql.Timestamp>getAs("first_purchase").toInstant(),
                        row.<java.sql.Timestamp>getAs("last_purchase").toInstant()))
                .sorted(java.util.Comparator.comparing(UserPurchases::userId))
                .toList();

        assertThat(store.aggregations().purchasesByUser()).isNotEmpty().isEqualTo(spark);
    }
}
