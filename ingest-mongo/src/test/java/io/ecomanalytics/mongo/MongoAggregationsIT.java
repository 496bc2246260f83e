package io.ecomanalytics.mongo;

import static io.ecomanalytics.mongo.PlainJavaFigures.descending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedMongoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoAggregationsIT {
    private static final PlainJavaFigures EXPECTED = PlainJavaFigures.of(TestDatasets.tiny());

    private MongoStore store;
    private MongoAggregations aggregations;

    @BeforeAll
    void load(MongoSettings settings) {
        store = MongoStore.connect(settings);
        store.database().drop();
        store.createSchema();
        store.loader(MongoLoadOptions.defaults()).load(TestDatasets.tiny());
        aggregations = store.aggregations();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void topProductsByQuantity() {
        List<ProductSales> expected = EXPECTED.topProducts(descending(ProductSales::quantity), 10);

        assertThat(aggregations.topProductsByQuantity(10)).hasSize(10).isEqualTo(expected);
    }

    @Test
    void topProductsByRevenue() {
        List<ProductSales> expected = EXPECTED.topProducts(descending(ProductSales::revenue), 7);

        assertThat(aggregations.topProductsByRevenue(7)).hasSize(7).isEqualTo(expected);
    }

    @Test
    void productSalesHoldsEverySoldProductByProductId() {
        List<ProductSales> expected = EXPECTED.topProducts(Comparator.comparing(ProductSales::productId),
                Integer.MAX_VALUE);

        assertThat(aggregations.productSales()).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void topProductsNeedAPositiveLimit() {
        assertThatThrownBy(() -> aggregations.topProductsByRevenue(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The number of top products must be at least 1, not 0");
    }

    @Test
    void revenueByCategory() {
        assertThat(aggregations.revenueByCategory()).isEqualTo(EXPECTED.categoryRevenue);
    }

    @Test
    void purchasesByUser() {
        List<UserPurchases> actual = aggregations.purchasesByUser();

        assertThat(actual).isEqualTo(EXPECTED.userPurchases);
        assertThat(actual.stream().mapToLong(UserPurchases::orders).sum()).isEqualTo(EXPECTED.transactions);
    }

    @Test
    void revenuePerDay() {
        assertThat(aggregations.revenuePerDay()).isEqualTo(EXPECTED.dailyRevenue);
    }

    @Test
    void paymentMethodMix() {
        List<MixShare> actual = aggregations.paymentMethodMix();

        assertThat(actual).isEqualTo(EXPECTED.paymentMethodMix);
        assertThat(actual.stream().mapToDouble(MixShare::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void statusMix() {
        assertThat(aggregations.statusMix()).isEqualTo(EXPECTED.statusMix);
    }
}
