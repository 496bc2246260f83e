package io.ecomanalytics.transforms;

import static io.ecomanalytics.transforms.SharedSpark.json;
import static io.ecomanalytics.transforms.SharedSpark.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class CleaningTest {

    private static Map<String, String> reasonsById(Dataset<Row> rejected, String idColumn) {
        return rejected.collectAsList().stream().collect(Collectors.toMap(
                row -> String.valueOf((Object) row.getAs(idColumn)), row -> row.getAs(Cleaned.REJECT_REASON)));
    }

    private static Timestamp utc(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    @Test
    void usersAreTypedDeduplicatedByLatestActivityAndRejectsReconcile() {
        Dataset<Row> raw = json(Schemas.usersFromJson(),
                "{\"user_id\":\" user_1 \",\"geo_data\":{\"city\":\" Lyon \",\"state\":\"ARA\",\"country\":\"FR\"},"
                        + "\"registration_date\":\"2024-01-05T08:30:00\",\"last_active\":\"2024-02-01T00:00:00\"}",
                "{\"user_id\":\"user_1\",\"geo_data\":{\"city\":\"Paris\"},"
                        + "\"registration_date\":\"2024-01-05T08:30:00\",\"last_active\":\"2024-03-01T00:00:00\"}",
                "{\"user_id\":\"   \",\"registration_date\":\"2024-01-05T08:30:00\"}",
                "{\"user_id\":\"user_2\",\"registration_date\":\"yesterday\"}",
                "{\"user_id\":\"user_3\",\"registration_date\":\"2024-01-06\",\"last_active\":null}");

        Cleaned cleaned = Cleaning.users(raw);

        List<Row> kept = cleaned.kept().orderBy("user_id").collectAsList();
        assertThat(kept).extracting(row -> row.<String>getAs("user_id")).containsExactly("user_1", "user_3");
        Row latest = kept.get(0);
        assertThat(latest.<Row>getAs("geo_data").<String>getAs("city")).isEqualTo("Paris");
        assertThat(latest.<Timestamp>getAs("registration_date")).isEqualTo(utc("2024-01-05T08:30:00Z"));
        assertThat(kept.get(1).<Timestamp>getAs("registration_date")).isEqualTo(utc("2024-01-06T00:00:00Z"));
        assertThat(kept.get(1).<Timestamp>getAs("last_active")).isNull();
        assertThat(cleaned.kept().columns())
                .containsExactly("user_id", "geo_data", "registration_date", "last_active");

        List<Row> rejected = cleaned.rejected().collectAsList();
        assertThat(rejected).hasSize(3);
        assertThat(rejected).extracting(row -> row.<String>getAs(Cleaned.REJECT_REASON)).containsExactlyInAnyOrder(
                "duplicate user_id 'user_1': superseded by a later record with the same user_id",
                "missing user_id",
                "registration_date 'yesterday' is not an ISO-8601 datetime");
        assertThat(cleaned.rejected().columns()).containsExactly("user_id", "geo_data", "registration_date",
                "last_active", Cleaned.REJECT_REASON);
        assertThat(cleaned.kept().count() + cleaned.rejected().count()).isEqualTo(raw.count());
    }

    @Test
    void aMaterialisedCopyOfTheDecidedRowsGivesTheSameKeptAndRejectedRows() {
        Dataset<Row> raw = json(Schemas.usersFromJson(),
                "{\"user_id\":\"user_1\",\"registration_date\":\"2024-01-05\",\"last_active\":\"2024-02-01\"}",
                "{\"user_id\":\"user_1\",\"registration_date\":\"2024-01-05\",\"last_active\":\"2024-03-01\"}",
                "{\"user_id\":null,\"registration_date\":\"2024-01-05\"}",
                "{\"user_id\":\"user_2\",\"registration_date\":\"2024-01-07\"}");
        Cleaned cleaned = Cleaning.users(raw);

        Cleaned copy = new Cleaned(cleaned.decided().localCheckpoint());

        assertThat(copy.kept().collectAsList()).containsExactlyInAnyOrderElementsOf(cleaned.kept().collectAsList());
        assertThat(copy.rejected().collectAsList())
                .containsExactlyInAnyOrderElementsOf(cleaned.rejected().collectAsList());
        assertThat(copy.kept().count()).isEqualTo(2);
        assertThat(copy.rejected().count()).isEqualTo(2);
        // Each decided row carries one side only: the input on a rejected row, the cleaned struct on a kept row.
        assertThat(cleaned.decided().where(functions.col(Cleaned.REJECT_REASON).isNull()
                .and(functions.col("user_id").isNotNull())).count()).isZero();
        assertThat(cleaned.decided().where(functions.col(Cleaned.REJECT_REASON).isNotNull()
                .and(functions.col(Cleaned.CLEANED).isNotNull())).count()).isZero();
    }

    @Test
    void rowsWithoutAVerdictAreNotDecidedRows() {
        Dataset<Row> raw = json(Schemas.usersFromJson(), "{\"user_id\":\"user_1\"}");

        assertThatThrownBy(() -> new Cleaned(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A cleaning's decided rows need the column __cleaned, but they have "
                        + "[user_id, geo_data, registration_date, last_active]")
                .hasMessageEndingWith("Build them with a Cleaning method, or materialise the decided rows of one"
                        + " without changing their columns.");
    }

    @Test
    void naiveDatetimesAreUtcWhateverTheSessionTimeZone() {
        String before = session().conf().get("spark.sql.session.timeZone");
        session().conf().set("spark.sql.session.timeZone", "America/New_York");
        try {
            Dataset<Row> raw = json(Schemas.usersFromJson(),
                    "{\"user_id\":\"u\",\"registration_date\":\"2024-07-01T23:30:00\","
                            + "\"last_active\":\"2024-07-01T23:30:00+02:00\"}");
            Row row = Cleaning.users(raw).kept().first();
            assertThat(row.<Timestamp>getAs("registration_date").toInstant())
                    .isEqualTo(Instant.parse("2024-07-01T23:30:00Z"));
            assertThat(row.<Timestamp>getAs("last_active").toInstant())
                    .isEqualTo(Instant.parse("2024-07-01T21:30:00Z"));
        } finally {
            session().conf().set("spark.sql.session.timeZone", before);
        }
    }

    @Test
    void transactionsGetExactMoneyLowerCaseEnumsAndReasonsForEveryInvalidRow() {
        Dataset<Row> raw = json(Schemas.transactionsFromJson(),
                "{\"transaction_id\":\"t1\",\"user_id\":\"u1\",\"session_id\":null,"
                        + "\"timestamp\":\"2024-01-01T10:00:00\",\"items\":[{\"product_id\":\"p1\",\"quantity\":3,"
                        + "\"unit_price\":0.1,\"subtotal\":0.3},{\"product_id\":\"p2\",\"quantity\":0,"
                        + "\"unit_price\":2.005}],\"subtotal\":0.3,\"total\":0.3,"
                        + "\"payment_method\":\" Credit_Card \",\"status\":\"COMPLETED\"}",
                "{\"transaction_id\":\"t2\",\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T10:00:00\",\"items\":[],"
                        + "\"total\":1}",
                "{\"transaction_id\":\"t3\",\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T10:00:00\","
                        + "\"items\":[{\"product_id\":\"p1\",\"quantity\":-1,\"unit_price\":1}],\"total\":1}",
                "{\"transaction_id\":\"t4\",\"user_id\":\"u1\",\"timestamp\":\"not a date\","
                        + "\"items\":[{\"product_id\":\"p1\",\"quantity\":1,\"unit_price\":1}],\"total\":1}",
                "{\"transaction_id\":\"t5\",\"timestamp\":\"2024-01-01T10:00:00\","
                        + "\"items\":[{\"product_id\":\"p1\",\"quantity\":1,\"unit_price\":1}],\"total\":1}",
                "{\"transaction_id\":\"t6\",\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T10:00:00\","
                        + "\"items\":[{\"product_id\":null,\"quantity\":1,\"unit_price\":1}],\"total\":1}",
                "{\"transaction_id\":\"t7\",\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T10:00:00\","
                        + "\"items\":[{\"product_id\":\"p1\",\"quantity\":1,\"unit_price\":1}]}",
                "{\"transaction_id\":\"t1\",\"user_id\":\"u1\",\"timestamp\":\"2023-12-31T10:00:00\","
                        + "\"items\":[{\"product_id\":\"p1\",\"quantity\":1,\"unit_price\":1}],\"total\":1}");

        Cleaned cleaned = Cleaning.transactions(raw);

        List<Row> kept = cleaned.kept().collectAsList();
        assertThat(kept).hasSize(1);
        Row t1 = kept.get(0);
        assertThat(t1.<Timestamp>getAs("timestamp")).isEqualTo(utc("2024-01-01T10:00:00Z"));
        assertThat(t1.<String>getAs("payment_method")).isEqualTo("credit_card");
        assertThat(t1.<String>getAs("status")).isEqualTo("completed");
        assertThat(t1.<BigDecimal>getAs("total")).isEqualTo(new BigDecimal("0.30"));
        assertThat(t1.<BigDecimal>getAs("discount")).isEqualTo(new BigDecimal("0.00"));
        List<Row> items = t1.getList(t1.fieldIndex("items"));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).<BigDecimal>getAs("subtotal")).isEqualTo(new BigDecimal("0.30"));
        // 2.005 rounds half-up to 2.01; the missing subtotal is quantity x unit_price = 0.
        assertThat(items.get(1).<BigDecimal>getAs("unit_price")).isEqualTo(new BigDecimal("2.01"));
        assertThat(items.get(1).<BigDecimal>getAs("subtotal")).isEqualTo(new BigDecimal("0.00"));
        assertThat(cleaned.kept().schema().apply("total").dataType()).isEqualTo(Schemas.MONEY);

        assertThat(reasonsById(cleaned.rejected(), "transaction_id")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "t1", "duplicate transaction_id 't1': superseded by a later record with the same transaction_id",
                "t2", "no items",
                "t3", "an item has a missing or negative quantity",
                "t4", "timestamp 'not a date' is not an ISO-8601 datetime",
                "t5", "missing user_id",
                "t6", "an item has no product_id",
                "t7", "missing or unreadable total"));
        assertThat(cleaned.kept().count() + cleaned.rejected().count()).isEqualTo(8);
    }

    @Test
    void mongoTransactionsWithTimestampsAndDoubleMoneyCleanToTheSameTypes() {
        Row item = RowFactory.create("p1", 2, 19.99, 39.98);
        Row document = RowFactory.create("t1", "t1", "s1", "u1", utc("2024-05-01T12:00:00Z"), List.of(item),
                39.98, 0.0, 39.98, "PayPal", "completed");
        Dataset<Row> raw = session().createDataFrame(List.of(document), Schemas.transactionsFromMongo());

        Cleaned cleaned = Cleaning.transactions(raw);

        Row row = cleaned.kept().first();
        assertThat(row.<BigDecimal>getAs("total")).isEqualTo(new BigDecimal("39.98"));
        assertThat(row.<Timestamp>getAs("timestamp")).isEqualTo(utc("2024-05-01T12:00:00Z"));
        assertThat(row.<String>getAs("payment_method")).isEqualTo("paypal");
        assertThat(cleaned.kept().columns()).doesNotContain("_id");
        assertThat(cleaned.kept().schema()).isEqualTo(Cleaning.transactions(json(Schemas.transactionsFromJson(),
                "{\"transaction_id\":\"x\"}")).kept().schema());
    }

    @Test
    void sessionsGetEmptyCollectionsForMissingOnesAndLowerCaseEnumerations() {
        Dataset<Row> raw = json(Schemas.sessionsFromJson(),
                "{\"session_id\":\"s1\",\"user_id\":\"u1\",\"start_time\":\"2024-01-01T10:00:00\","
                        + "\"end_time\":\"2024-01-01T10:05:00\",\"duration_seconds\":300,"
                        + "\"device_profile\":{\"type\":\"Mobile\",\"os\":\"iOS\",\"browser\":\" Safari\"},"
                        + "\"page_views\":[{\"timestamp\":\"2024-01-01T10:00:10\",\"page_type\":\"Product_Detail\","
                        + "\"product_id\":\"p1\",\"view_duration\":12}],"
                        + "\"cart_contents\":{\"p1\":{\"quantity\":2,\"price\":9.995}},"
                        + "\"conversion_status\":\"Converted\",\"referrer\":\"Search_Engine\"}",
                "{\"session_id\":\"s2\",\"user_id\":\"u2\",\"start_time\":\"2024-01-02T10:00:00\","
                        + "\"duration_seconds\":30}",
                "{\"session_id\":\"s3\",\"user_id\":\"u2\",\"start_time\":\"2024-01-02T10:00:00\","
                        + "\"duration_seconds\":-5}",
                "{\"session_id\":\"s4\",\"user_id\":\"u2\"}");

        Cleaned cleaned = Cleaning.sessions(raw);

        List<Row> kept = cleaned.kept().orderBy("session_id").collectAsList();
        assertThat(kept).hasSize(2);
        Row s1 = kept.get(0);
        assertThat(s1.<Row>getAs("device_profile").<String>getAs("type")).isEqualTo("mobile");
        assertThat(s1.<Row>getAs("device_profile").<String>getAs("os")).isEqualTo("ios");
        assertThat(s1.<Row>getAs("device_profile").<String>getAs("browser")).isEqualTo("safari");
        assertThat(s1.<String>getAs("referrer")).isEqualTo("search_engine");
        Row view = s1.<Row>getList(s1.fieldIndex("page_views")).get(0);
        assertThat(view.<String>getAs("page_type")).isEqualTo("product_detail");
        assertThat(view.<Timestamp>getAs("timestamp")).isEqualTo(utc("2024-01-01T10:00:10Z"));
        Map<String, Row> cart = s1.getJavaMap(s1.fieldIndex("cart_contents"));
        assertThat(cart.get("p1").<BigDecimal>getAs("price")).isEqualTo(new BigDecimal("10.00"));
        Row s2 = kept.get(1);
        assertThat(s2.getList(s2.fieldIndex("page_views"))).isEmpty();
        assertThat(s2.getList(s2.fieldIndex("viewed_products"))).isEmpty();
        assertThat(s2.getJavaMap(s2.fieldIndex("cart_contents"))).isEmpty();
        assertThat(reasonsById(cleaned.rejected(), "session_id")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "s3", "negative duration_seconds",
                "s4", "missing start_time"));
    }

    @Test
    void hbaseSessionRowsNestIntoTheSessionShape() {
        Row pageView = RowFactory.create(utc("2024-01-01T10:00:10Z"), "cart", null, null, 4.0);
        Row line = RowFactory.create(1, new BigDecimal("5.50"));
        Row hbase = RowFactory.create("s1", "u1", utc("2024-01-01T10:00:00Z"), utc("2024-01-01T10:01:00Z"), 60,
                "Email", "abandoned", "tablet", "Android", "Chrome", "Lyon", "ARA", "FR", "10.0.0.1",
                List.of(pageView), List.of("p1"), Map.of("p1", line));
        Dataset<Row> raw = session().createDataFrame(List.of(hbase), Schemas.sessionsFromHBase());

        Cleaned cleaned = Cleaning.sessions(Cleaning.nestHBaseSessions(raw));

        Row row = cleaned.kept().first();
        assertThat(row.<Row>getAs("geo_data").<String>getAs("ip_address")).isEqualTo("10.0.0.1");
        assertThat(row.<Row>getAs("device_profile").<String>getAs("os")).isEqualTo("android");
        assertThat(row.<String>getAs("referrer")).isEqualTo("email");
        assertThat(row.getList(row.fieldIndex("viewed_products"))).containsExactly("p1");
        assertThat(cleaned.kept().schema()).isEqualTo(Cleaning.sessions(json(Schemas.sessionsFromJson(),
                "{\"session_id\":\"x\"}")).kept().schema());
    }

    @Test
    void productsAndCategoriesRejectMissingKeysAndNegativePrices() {
        Dataset<Row> products = json(Schemas.productsFromJson(),
                "{\"product_id\":\"p1\",\"name\":\"Pen\",\"category_id\":\"c1\",\"base_price\":1.5,"
                        + "\"current_stock\":3,\"is_active\":true,\"price_history\":[{\"price\":1.25,"
                        + "\"date\":\"2023-06-01\"}],\"creation_date\":\"2023-01-01T00:00:00\"}",
                "{\"product_id\":\"p2\",\"name\":\"Ink\",\"base_price\":2}",
                "{\"product_id\":\"p3\",\"category_id\":\"c1\",\"base_price\":-2}");
        Dataset<Row> categories = json(Schemas.categoriesFromJson(),
                "{\"category_id\":\"c1\",\"name\":\"Office\",\"subcategories\":[{\"subcategory_id\":\"s1\","
                        + "\"name\":\"Pens\",\"profit_margin\":0.25}]}",
                "{\"name\":\"Nameless\"}");

        Cleaned cleanProducts = Cleaning.products(products);
        Cleaned cleanCategories = Cleaning.categories(categories);

        Row pen = cleanProducts.kept().first();
        assertThat(pen.<BigDecimal>getAs("base_price")).isEqualTo(new BigDecimal("1.50"));
        Row history = pen.<Row>getList(pen.fieldIndex("price_history")).get(0);
        assertThat(history.<Timestamp>getAs("date")).isEqualTo(utc("2023-06-01T00:00:00Z"));
        assertThat(reasonsById(cleanProducts.rejected(), "product_id")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "p2", "missing category_id",
                "p3", "negative base_price"));
        assertThat(cleanCategories.kept().columns()).containsExactly("category_id", "name", "subcategories");
        assertThat(cleanCategories.kept().count()).isEqualTo(1);
        assertThat(cleanCategories.rejected().first().<String>getAs(Cleaned.REJECT_REASON))
                .isEqualTo("missing category_id");
    }

    @Test
    void aSourceWithoutAnExpectedFieldIsRefusedWithTheFieldName() {
        Dataset<Row> wrong = session().range(1).withColumn("user_id", functions.lit("u"));

        assertThatThrownBy(() -> Cleaning.users(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The users input has no column 'geo_data' (columns: id, user_id). "
                        + "Read the source with the users schema from Schemas.");
    }

    @Test
    void aDatetimeOfAnUnexpectedTypeIsRefusedWithItsType() {
        Dataset<Row> wrong = json(Schemas.usersFromJson(), "{\"user_id\":\"u\"}")
                .withColumn("registration_date", functions.lit(1).cast(DataTypes.IntegerType));

        assertThatThrownBy(() -> Cleaning.users(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A datetime column has type int; expected string (ISO-8601), timestamp or timestamp_ntz. "
                        + "Read the source with the schema from Schemas.");
    }
}
