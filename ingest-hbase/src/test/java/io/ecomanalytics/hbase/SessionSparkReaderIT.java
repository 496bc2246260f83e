package io.ecomanalytics.hbase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.testing.SharedSpark;
import io.ecomanalytics.testing.TestDatasets;
import io.ecomanalytics.transforms.Schemas;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({SharedHBase.class, SharedSpark.class})
class SessionSparkReaderIT {
    private static final String TABLE = "spark_it:user_sessions";
    private static final int REGIONS = 3;

    private static JsonSessions expected;
    private static SessionStore store;
    private static SparkSession spark;

    /** Through the module's front door, as a library user loads and reads: no Connection, Admin or TableName. */
    @BeforeAll
    static void loadTiny(EmbeddedHBase hbase, SparkSession session, @TempDir Path temp) throws Exception {
        spark = session;
        Path dataset = TestDatasets.copyTiny(temp.resolve("tiny"));
        expected = JsonSessions.read(dataset);
        store = SessionStore.connect(hbase.settings(), TABLE);
        assertThat(store.createTable(dataset, REGIONS)).isEqualTo(TableCreation.CREATED);
        assertThat(store.createTable(dataset, REGIONS)).isEqualTo(TableCreation.ALREADY_PRESENT);
        SessionLoadReport report = store.load(dataset, RejectSink.DISCARD, store.loadOptions());
        assertThat(report.written()).isEqualTo(expected.count());
    }

    @AfterAll
    static void disconnect() {
        store.close();
        spark = null;
    }

    @Test
    void theStoreScansOneUsersSessionsInTimeOrder() {
        String userId = expected.all().get(0).get("user_id").asText();
        List<Instant> expectedStarts = expected.all().stream()
                .filter(session -> session.get("user_id").asText().equals(userId))
                .map(session -> Instant.parse(session.get("start_time").asText() + "Z")).sorted().toList();

        List<StoredSession> sessions = store.sessionsOfUser(userId);

        assertThat(sessions).isNotEmpty()
                .allSatisfy(stored -> assertThat(stored.session().userId()).isEqualTo(userId));
        assertThat(sessions).extracting(stored -> stored.session().startTime())
                .containsExactlyElementsOf(expectedStarts);
        List<RegionCount> regions = store.countsPerRegion();
        assertThat(regions).hasSize(REGIONS);
        assertThat(regions.stream().mapToLong(RegionCount::sessions).sum()).isEqualTo(expected.count());
    }

    @Test
    void optionsForAnotherTableAreRefusedWithTheWayOut() {
        assertThatThrownBy(() -> store.read(spark, SparkReadOptions.allSessions("other:sessions")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The read options name other:sessions, but this store is for " + TABLE
                        + "; start from SparkReadOptions.allSessions(store.tableName())");
        assertThatThrownBy(() -> store.load(List.<Session>of().iterator(), SessionLoadOptions.defaults("other:t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The load options name other:t, but this store is for " + TABLE
                        + "; start from store.loadOptions()");
    }

    @Test
    void theReaderReturnsTheHBaseSessionSchemaOnePartitionPerRegionAndTheLoadersSums() {
        Dataset<Row> sessions = store.read(spark);

        assertThat(sessions.schema()).isEqualTo(Schemas.sessionsFromHBase());
        assertThat(sessions.rdd().getNumPartitions()).isEqualTo(REGIONS);
        Row totals = sessions.agg(
                org.apache.spark.sql.functions.count("*"),
                countDistinct(col("session_id")),
                sum("duration_seconds"),
                sum(size(col("page_views")))).first();
        assertThat(totals.getLong(0)).isEqualTo(expected.count());
        assertThat(totals.getLong(1)).isEqualTo(expected.count());
        assertThat(totals.getLong(2)).isEqualTo(expected.totalDurationSeconds());
        assertThat(totals.getLong(3)).isEqualTo(expected.totalPageViews());

        Row cart = sessions.select(explode(map_values(col("cart_contents"))).as("item"))
                .agg(sum("item.quantity"), sum(col("item.price").multiply(col("item.quantity")))).first();
        assertThat(cart.getLong(0)).isEqualTo(expected.totalCartQuantity());
        assertThat(cart.getDecimal(1)).isEqualByComparingTo(expected.totalCartValue());
    }

    @Test
    void aTimeRangeKeepsTheSessionsStartingInIt() {
        Instant from = Instant.parse("2024-11-01T00:00:00Z");
        Instant to = Instant.parse("2024-12-01T00:00:00Z");

        Dataset<Row> sessions = store.read(spark,
                SparkReadOptions.allSessions(TABLE).between(from, to));

        assertThat(sessions.count()).isEqualTo(expected.startingBetween(from, to)).isPositive();
    }

    @Test
    void familiesLeftOutReadAsNullColumns() {
        Dataset<Row> devices = store.read(spark,
                SparkReadOptions.allSessions(TABLE).withFamilies(List.of("device")).withScanCaching(10));

        List<Row> rows = devices.select("session_id", "device_type", "page_views").collectAsList();
        assertThat(rows).hasSize((int) expected.count());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.isNullAt(0)).isTrue();
            assertThat(row.getString(1)).isIn("mobile", "desktop", "tablet");
            assertThat(row.isNullAt(2)).isTrue();
        });
    }

    @Test
    void pageViewsKeepTheirOrderAndTypes() {
        Dataset<Row> sessions = store.read(spark);
        String firstId = expected.all().get(0).get("session_id").asText();

        Row first = sessions.filter(col("session_id").equalTo(firstId)).first();
        List<Row> views = first.getList(first.fieldIndex("page_views"));
        var json = expected.all().get(0).get("page_views");

        assertThat(views).hasSize(json.size());
        for (int i = 0; i < views.size(); i++) {
            assertThat(views.get(i).getString(1)).isEqualTo(json.get(i).get("page_type").asText());
            assertThat(views.get(i).getInt(4)).isEqualTo(json.get(i).get("view_duration").asInt());
            assertThat(views.get(i).getTimestamp(0).toInstant())
                    .isEqualTo(Instant.parse(json.get(i).get("timestamp").asText() + "Z"));
        }
    }
}
