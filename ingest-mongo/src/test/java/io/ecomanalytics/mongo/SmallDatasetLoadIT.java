package io.ecomanalytics.mongo;

import static io.ecomanalytics.mongo.PlainJavaFigures.descending;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code small} scale (generated here) loads with exactly its counts, and the aggregations hold at that size. */
@ExtendWith(EmbeddedMongoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallDatasetLoadIT {

    private MongoStore store;
    private PlainJavaFigures expected;
    private MongoLoadReport report;

    @BeforeAll
    void generateAndLoad(MongoSettings settings, @TempDir Path folder) {
        DatasetGenerator.generate(GeneratorSpec.scale("small"), folder, ProgressListener.NONE);
        expected = PlainJavaFigures.of(folder);
        store = MongoStore.connect(settings);
        store.database().drop();
        store.createSchema();
        report = store.loader(MongoLoadOptions.defaults()).load(folder);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void loadsExactlyTheRecordsOfTheFiles() {
        assertThat(expected.transactions).isEqualTo(20_000);
        assertThat(report.collection(MongoCollectionName.USERS).inserted()).isEqualTo(expected.users);
        assertThat(report.collection(MongoCollectionName.PRODUCTS).inserted()).isEqualTo(expected.products);
        assertThat(report.collection(MongoCollectionName.CATEGORIES).inserted()).isEqualTo(expected.categories);
        assertThat(report.collection(MongoCollectionName.TRANSACTIONS).inserted()).isEqualTo(expected.transactions);
        assertThat(report.read()).isEqualTo(
                (long) expected.users + expected.products + expected.categories + expected.transactions);
        assertThat(report.rejected()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(store.collection(MongoCollectionName.TRANSACTIONS).countDocuments())
                .isEqualTo(expected.transactions);
    }

    @Test
    void aggregationsEqualThePlainJavaPass() {
        MongoAggregations aggregations = store.aggregations();

        assertThat(aggregations.topProductsByRevenue(20))
                .isEqualTo(expected.topProducts(descending(ProductSales::revenue), 20));
        assertThat(aggregations.revenueByCategory()).isEqualTo(expected.categoryRevenue);
        assertThat(aggregations.purchasesByUser()).isEqualTo(expected.userPurchases);
        assertThat(aggregations.revenuePerDay()).isEqualTo(expected.dailyRevenue);
        assertThat(aggregations.paymentMethodMix()).isEqualTo(expected.paymentMethodMix);
    }
}
