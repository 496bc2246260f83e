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

    private static Timestamp utc(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private static final String USER = "{\"user_id\":\"user_1\",\"geo_data\":{\"city\":\"Lyon\",\"state\":\"ARA\","
            + "\"country\":\"FR\"},\"registration_date\":\"2024-01-05T08:30:00\",\"last_active\":\"2024-02-01T00:00:00\"}";
    private static final String TRANSACTION = "{\"transaction_id\":\"t1\",\"session_id\":null,\"user_id\":\"u1\","
            + "\"timestamp\":\"2024-01-01T10:00:00\",\"items\":[{\"product_id\":\"p1\",\"quantity\":3,"
            + "\"unit_price\":0.1,\"subtotal\":0.3},{\"product_id\":\"p2\",\"quantity\":1,\"unit_price\":2.005,"
            + "\"subtotal\":2.01}],\"subtotal\":2.31,\"discount\":0,\"total\":2.31,"
            + "\"payment_method\":\"credit_card\",\"status\":\"completed\"}";
    private static final String SESSION = "{\"session_id\":\"s1\",\"user_id\":\"u1\",\"start_time\":\"2024-01-01T10:00:00\","
            + "\"end_time\":\"2024-01-01T10:05:00\",\"duration_seconds\":300,\"geo_data\":{\"city\":\"Lyon\","
            + "\"state\":\"ARA\",\"country\":\"FR\",\"ip_address\":\"10.0.0.1\"},"
            + "\"device_profile\":{\"type\":\"mobile\",\"os\":\"iOS\",\"browser\":\"Safari\"},"
            + "\"viewed_products\":[\"p1\"],\"page_views\":[{\"timestamp\":\"2024-01-01T10:00:10\","
            + "\"page_type\":\"product_detail\",\"product_id\":\"p1\",\"category_id\":null,\"view_duration\":12}],"
            + "\"cart_contents\":{\"p1\":{\"quantity\":2,\"price\":9.995}},"
            + "\"conversion_status\":\"converted\",\"referrer\":\"search_engine\"}";

    /** {@code record} with {@code from} replaced by {@code to}; fails when {@code from} is not there. */
    private static String with(String record, String from, String to) {
        assertThat(record).contains(from);
        return record.replace(from, to);
    }

    private static Map<String, String> rulesById(Dataset<Row> rejected, String idColumn) {
        return rejected.collectAsList().stream().collect(Collectors.toMap(
                row -> String.valueOf((Object) row.getAs(idColumn)), row -> row.getAs(Cleaned.REJECT_RULE)));
    }

    @Test
    void usersAreTypedTheFirstOfADuplicateIdWinsAndRejectsReconcile() {
        Dataset<Row> raw = json(Schemas.usersFromJson(),
                USER,
                with(USER, "Lyon", "Paris"),
                with(USER, "\"user_id\":\"user_1\"", "\"user_id\":null"),
                with(with(USER, "user_1", "user_2"), "2024-01-05T08:30:00", "yesterday"),
                with(with(USER, "user_1", "user_3"), "2024-02-01T00:00:00", "2023-12-01T00:00:00"),
                with(with(USER, "user_1", "user_4"), ",\"state\":\"ARA\"", ""));

        Cleaned cleaned = Cleaning.users(raw);

        List<Row> kept = cleaned.kept().collectAsList();
        assertThat(kept).extracting(row -> row.<String>getAs("user_id")).containsExactly("user_1");
        assertThat(kept.get(0).<Row>getAs("geo_data").<String>getAs("city")).isEqualTo("Lyon");
        assertThat(kept.get(0).<Timestamp>getAs("registration_date")).isEqualTo(utc("2024-01-05T08:30:00Z"));
        assertThat(cleaned.kept().columns())
                .containsExactly("user_id", "geo_data", "registration_date", "last_active");
        List<Row> rejected = cleaned.rejected().collectAsList();
        assertThat(rejected).extracting(row -> row.<String>getAs(Cleaned.REJECT_RULE) + ": "
                + row.<String>getAs(Cleaned.REJECT_REASON)).containsExactlyInAnyOrder(
                "duplicate-id: user_id 'user_1' was already used by an earlier valid record",
                "required: user_id is missing or null",
                "type: registration_date is not an ISO-8601 datetime",
                "chronology: last_active is before registration_date",
                "required: geo_data.state is missing or null");
        assertThat(cleaned.rejected().columns()).containsExactly("user_id", "geo_data", "registration_date",
                "last_active", Schemas.CORRUPT_RECORD, Cleaned.REJECT_RULE, Cleaned.REJECT_REASON);
        assertThat(cleaned.kept().count() + cleaned.rejected().count()).isEqualTo(raw.count());
    }

    @Test
    void aMaterialisedCopyOfTheDecidedRowsGivesTheSameKeptAndRejectedRows() {
        Dataset<Row> raw = json(Schemas.usersFromJson(),
                USER, USER, with(USER, "\"user_id\":\"user_1\"", "\"user_id\":null"), with(USER, "user_1", "user_2"));
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
                        + "[user_id, geo_data, registration_date, last_active, _corrupt_record]")
                .hasMessageEndingWith("Build them with a Cleaning method, or materialise the decided rows of one"
                        + " without changing their columns.");
    }

    @Test
    void naiveDatetimesAreUtcWhateverTheSessionTimeZone() {
        String before = session().conf().get("spark.sql.session.timeZone");
        session().conf().set("spark.sql.session.timeZone", "America/New_York");
        try {
            Dataset<Row> raw = json(Schemas.usersFromJson(), with(with(USER, "2024-01-05T08:30:00",
                    "2024-07-01T20:30:00"), "2024-02-01T00:00:00", "2024-07-01T23:30:00+02:00"));
            Row row = Cleaning.users(raw).kept().first();
            assertThat(row.<Timestamp>getAs("registration_date").toInstant())
                    .isEqualTo(Instant.parse("2024-07-01T20:30:00Z"));
            assertThat(row.<Timestamp>getAs("last_active").toInstant())
                    .isEqualTo(Instant.parse("2024-07-01T21:30:00Z"));
        } finally {
            session().conf().set("spark.sql.session.timeZone", before);
        }
    }

    @Test
    void transactionsGetExactMoneyEnumerationsAsWrittenAndARuleForEveryInvalidRow() {
        Dataset<Row> raw = json(Schemas.transactionsFromJson(),
                TRANSACTION,
                with(with(TRANSACTION, "\"t1\"", "\"t2\""), "\"credit_card\"", "\"Credit_Card\""),
                with(TRANSACTION.replace("\"t1\"", "\"t3\""), "\"quantity\":3", "\"quantity\":-3"),
                with(TRANSACTION.replace("\"t1\"", "\"t4\""), "2024-01-01T10:00:00", "not a date"),
                with(TRANSACTION.replace("\"t1\"", "\"t5\""), "\"user_id\":\"u1\",", ""),
                with(TRANSACTION.replace("\"t1\"", "\"t6\""), "\"product_id\":\"p1\"", "\"product_id\":null"),
                with(TRANSACTION.replace("\"t1\"", "\"t7\""), ",\"total\":2.31", ""),
                with(TRANSACTION.replace("\"t1\"", "\"t8\""), "\"total\":2.31", "\"total\":2.32"),
                with(TRANSACTION.replace("\"t1\"", "\"t9\""), "\"subtotal\":0.3}", "\"subtotal\":0.4}"),
                with(TRANSACTION.replace("\"t1\"", "\"t10\""), "\"quantity\":3", "\"quantity\":\"3\""),
                TRANSACTION);

        Cleaned cleaned = Cleaning.transactions(raw);

        List<Row> kept = cleaned.kept().collectAsList();
        assertThat(kept).hasSize(1);
        Row t1 = kept.get(0);
        assertThat(t1.<Timestamp>getAs("timestamp")).isEqualTo(utc("2024-01-01T10:00:00Z"));
        assertThat(t1.<String>getAs("payment_method")).isEqualTo("credit_card");
        assertThat(t1.<BigDecimal>getAs("total")).isEqualTo(new BigDecimal("2.31"));
        List<Row> items = t1.getList(t1.fieldIndex("items"));
        assertThat(items.get(0).<BigDecimal>getAs("subtotal")).isEqualTo(new BigDecimal("0.30"));
        // 2.005 rounds half-up to 2.01.
        assertThat(items.get(1).<BigDecimal>getAs("unit_price")).isEqualTo(new BigDecimal("2.01"));
        assertThat(cleaned.kept().schema().apply("total").dataType()).isEqualTo(Schemas.MONEY);
        assertThat(rulesById(cleaned.rejected(), "transaction_id")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "t1", "duplicate-id",
                "t2", "enumeration",
                "t3", "range",
                "t4", "type",
                "t5", "required",
                "t6", "required",
                "t7", "required",
                "t8", "arithmetic",
                "t9", "arithmetic",
                "t10", "type"));
        assertThat(cleaned.kept().count() + cleaned.rejected().count()).isEqualTo(11);
    }

    @Test
    void mongoTransactionsWithTimestampsAndDoubleMoneyCleanToTheSameTypes() {
        Row item = RowFactory.create("p1", 2, 19.99, 39.98);
        Row document = RowFactory.create("t1", "t1", "s1", "u1", utc("2024-05-01T12:00:00Z"), List.of(item),
                39.98, 0.0, 39.98, "paypal", "completed");
        Dataset<Row> raw = session().createDataFrame(List.of(document), Schemas.transactionsFromMongo());

        Cleaned cleaned = Cleaning.transactions(raw);

        Row row = cleaned.kept().first();
        assertThat(row.<BigDecimal>getAs("total")).isEqualTo(new BigDecimal("39.98"));
        assertThat(row.<Timestamp>getAs("timestamp")).isEqualTo(utc("2024-05-01T12:00:00Z"));
        assertThat(row.<String>getAs("payment_method")).isEqualTo("paypal");
        assertThat(cleaned.kept().columns()).doesNotContain("_id");
        assertThat(cleaned.kept().schema()).isEqualTo(Cleaning.transactions(json(Schemas.transactionsFromJson(),
                TRANSACTION)).kept().schema());
    }

    @Test
    void sessionsKeepEnumerationsAsWrittenAndRejectValuesOutsideTheVocabulary() {
        Dataset<Row> raw = json(Schemas.sessionsFromJson(),
                SESSION,
                with(with(SESSION, "\"s1\"", "\"s2\""), "\"mobile\"", "\"Mobile\""),
                with(with(SESSION, "\"s1\"", "\"s3\""), "\"duration_seconds\":300", "\"duration_seconds\":-5"),
                with(with(SESSION, "\"s1\"", "\"s4\""), "\"start_time\":\"2024-01-01T10:00:00\",", ""),
                with(with(SESSION, "\"s1\"", "\"s5\""), "\"product_detail\"", "\"Product_Detail\""),
                with(with(SESSION, "\"s1\"", "\"s6\""), "\"end_time\":\"2024-01-01T10:05:00\"",
                        "\"end_time\":\"2024-01-01T09:05:00\""),
                with(with(SESSION, "\"s1\"", "\"s7\""), "\"quantity\":2", "\"quantity\":0"));

        Cleaned cleaned = Cleaning.sessions(raw);

        List<Row> kept = cleaned.kept().collectAsList();
        assertThat(kept).hasSize(1);
        Row s1 = kept.get(0);
        assertThat(s1.<Row>getAs("device_profile").<String>getAs("os")).isEqualTo("iOS");
        assertThat(s1.<Row>getAs("device_profile").<String>getAs("browser")).isEqualTo("Safari");
        assertThat(s1.<String>getAs("referrer")).isEqualTo("search_engine");
        Row view = s1.<Row>getList(s1.fieldIndex("page_views")).get(0);
        assertThat(view.<String>getAs("page_type")).isEqualTo("product_detail");
        assertThat(view.<Timestamp>getAs("timestamp")).isEqualTo(utc("2024-01-01T10:00:10Z"));
        Map<String, Row> cart = s1.getJavaMap(s1.fieldIndex("cart_contents"));
        assertThat(cart.get("p1").<BigDecimal>getAs("price")).isEqualTo(new BigDecimal("10.00"));
        assertThat(rulesById(cleaned.rejected(), "session_id")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "s2", "enumeration",
                "s3", "range",
                "s4", "required",
                "s5", "enumeration",
                "s6", "chronology",
                "s7", "range"));
    }

    @Test
    void hbaseSessionRowsNestIntoTheSessionShape() {
        Row pageView = RowFactory.create(utc("2024-01-01T10:00:10Z"), "cart", null, null, 4);
        Row line = RowFactory.create(1, new BigDecimal("5.50"));
        Row hbase = RowFactory.create("s1", "u1", utc("2024-01-01T10:00:00Z"), utc("2024-01-01T10:01:00Z"), 60,
                "email", "abandoned", "tablet", "Android", "Chrome", "Lyon", "ARA", "FR", "10.0.0.1",
                List.of(pageView), List.of("p1"), Map.of("p1", line));
        Dataset<Row> raw = session().createDataFrame(List.of(hbase), Schemas.sessionsFromHBase());

        Cleaned cleaned = Cleaning.sessions(Cleaning.nestHBaseSessions(raw));

        Row row = cleaned.kept().first();
        assertThat(row.<Row>getAs("geo_data").<String>getAs("ip_address")).isEqualTo("10.0.0.1");
        assertThat(row.<Row>getAs("device_profile").<String>getAs("os")).isEqualTo("Android");
        assertThat(row.<String>getAs("referrer")).isEqualTo("email");
        assertThat(row.getList(row.fieldIndex("viewed_products"))).containsExactly("p1");
        assertThat(cleaned.kept().schema()).isEqualTo(Cleaning.sessions(json(Schemas.sessionsFromJson(),
                SESSION)).kept().schema());
    }

    @Test
    void productsAndCategoriesRejectMissingKeysAndNegativePrices() {
        String pen = "{\"product_id\":\"p1\",\"name\":\"Pen\",\"category_id\":\"c1\",\"base_price\":1.5,"
                + "\"current_stock\":3,\"is_active\":true,\"price_history\":[{\"price\":1.25,"
                + "\"date\":\"2023-06-01\"}],\"creation_date\":\"2023-01-01T00:00:00\"}";
        Dataset<Row> products = json(Schemas.productsFromJson(), pen,
                with(with(pen, "\"p1\"", "\"p2\""), "\"category_id\":\"c1\",", ""),
                with(with(pen, "\"p1\"", "\"p3\""), "\"base_price\":1.5", "\"base_price\":-2"),
                with(with(pen, "\"p1\"", "\"p4\""), "\"is_active\":true", "\"is_active\":\"yes\""));
        String office = "{\"category_id\":\"c1\",\"name\":\"Office\",\"subcategories\":[{\"subcategory_id\":\"s1\","
                + "\"name\":\"Pens\",\"profit_margin\":0.25}]}";
        Dataset<Row> categories = json(Schemas.categoriesFromJson(), office,
                with(office, "\"category_id\":\"c1\",", ""),
                with(with(with(office, "\"c1\"", "\"c2\""), "0.25", "1.25"), "Office", "Desk"));

        Cleaned cleanProducts = Cleaning.products(products);
        Cleaned cleanCategories = Cleaning.categories(categories);

        Row kept = cleanProducts.kept().first();
        assertThat(kept.<BigDecimal>getAs("base_price")).isEqualTo(new BigDecimal("1.50"));
        Row history = kept.<Row>getList(kept.fieldIndex("price_history")).get(0);
        assertThat(history.<Timestamp>getAs("date")).isEqualTo(utc("2023-06-01T00:00:00Z"));
        assertThat(rulesById(cleanProducts.rejected(), "product_id")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "p2", "required",
                "p3", "range",
                "p4", "type"));
        assertThat(cleanCategories.kept().columns()).containsExactly("category_id", "name", "subcategories");
        assertThat(cleanCategories.kept().count()).isEqualTo(1);
        assertThat(rulesById(cleanCategories.rejected(), "name")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Office", "required", "Desk", "range"));
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
