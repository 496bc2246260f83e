package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.Reject;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.Rule;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.testing.TestDatasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Loads the data module's committed {@code tiny} dataset through both paths and checks it against plain Jackson. */
@ExtendWith(SharedHBase.class)
class SessionLoaderIT {
    private static final String MUTATOR_TABLE = "loader_it:mutator_sessions";
    private static final String BULK_TABLE = "loader_it:bulk_sessions";
    private static final int REGIONS = 4;

    @TempDir
    static Path temp;
    private static Path dataset;
    private static JsonSessions expected;
    private static Connection connection;
    private static SessionLoadReport mutatorReport;
    private static SessionLoadReport bulkReport;

    @BeforeAll
    static void loadTinyBothWays(EmbeddedHBase hbase) throws Exception {
        dataset = TestDatasets.copyTiny(temp.resolve("tiny"));
        expected = JsonSessions.read(dataset);
        connection = hbase.settings().connect();
        try (Admin admin = connection.getAdmin()) {
            SessionTable.create(admin, SessionTableSpec.forDataset(MUTATOR_TABLE, dataset, REGIONS));
            SessionTable.create(admin, SessionTableSpec.forDataset(BULK_TABLE, dataset, REGIONS));
        }
        mutatorReport = SessionLoader.loadDataset(connection, dataset, RejectSink.DISCARD,
                SessionLoadOptions.defaults(MUTATOR_TABLE)
                .withWriteBufferBytes(64 * 1024));
        // Small chunks force several HFiles per region, as a large load makes.
        bulkReport = SessionLoader.loadDataset(connection, dataset, RejectSink.DISCARD,
                SessionLoadOptions.defaults(BULK_TABLE)
                .withMethod(LoadMethod.BULK_LOAD).withBulkChunkBytes(100 * 1024));
    }

    @AfterAll
    static void disconnect() throws Exception {
        connection.close();
    }

    @Test
    void everySessionIsReadAndWrittenWithExactCounts() {
        for (SessionLoadReport report : List.of(mutatorReport, bulkReport)) {
            assertThat(report.read()).as(report.method().name()).isEqualTo(expected.count());
            assertThat(report.written()).isEqualTo(expected.count());
            assertThat(report.rejected()).isZero();
            assertThat(report.failed()).isZero();
            assertThat(report.bytes()).isPositive();
        }
        assertThat(expected.count()).isEqualTo(100);
    }

    @Test
    void eachRegionHoldsTheSessionsOfItsUserRange() throws Exception {
        SessionTableSpec spec = SessionTableSpec.forDataset(MUTATOR_TABLE, dataset, REGIONS);
        List<String> splits = spec.splitUserIds();
        long[] perRegion = new long[REGIONS];
        for (JsonNode session : expected.all()) {
            String user = session.get("user_id").asText();
            int region = 0;
            while (region < splits.size() && user.compareTo(splits.get(region)) >= 0) {
                region++;
            }
            perRegion[region]++;
        }

        for (String table : List.of(MUTATOR_TABLE, BULK_TABLE)) {
            List<RegionCount> counts = new SessionQueries(connection, TableName.valueOf(table)).countsPerRegion();
            assertThat(counts).hasSize(REGIONS);
            assertThat(counts.stream().mapToLong(RegionCount::sessions).toArray()).as(table).containsExactly(perRegion);
        }
    }

    @Test
    void bothLoadPathsWriteTheSameCells() throws Exception {
        assertThat(cells(BULK_TABLE)).isEqualTo(cells(MUTATOR_TABLE)).hasSize(100 * 24 - missingSecondsPerPage());
    }

    @Test
    void reloadingLeavesTheTableAsItWas() throws Exception {
        Map<String, String> before = cells(MUTATOR_TABLE);

        SessionLoadReport again = SessionLoader.loadDataset(connection, dataset, RejectSink.DISCARD,
                SessionLoadOptions.defaults(MUTATOR_TABLE));
        SessionLoadReport againInBulk = SessionLoader.loadDataset(connection, dataset, RejectSink.DISCARD,
                SessionLoadOptions.defaults(MUTATOR_TABLE)
                .withMethod(LoadMethod.BULK_LOAD));

        assertThat(again.written()).isEqualTo(100);
        assertThat(againInBulk.written()).isEqualTo(100);
        assertThat(cells(MUTATOR_TABLE)).isEqualTo(before);
    }

    @Test
    void everyFieldOfEverySessionReadsBackEqual() throws Exception {
        SessionQueries queries = new SessionQueries(connection, TableName.valueOf(BULK_TABLE));
        List<Session> read = new ArrayList<>();
        try (RecordStream<Session> sessions = DatasetFiles.open(dataset).sessions()) {
            sessions.forEachRemaining(read::add);
        }
        Map<String, Session> stored = new HashMap<>();
        for (Session session : read) {
            for (StoredSession found : queries.sessionsOfUser(session.userId())) {
                stored.put(found.session().sessionId(), found.session());
                assertThat(found.metrics()).isEqualTo(SessionMetrics.of(found.session()));
            }
        }

        assertThat(stored).hasSize(read.size());
        for (Session session : read) {
            assertThat(stored.get(session.sessionId())).isEqualTo(session);
        }
    }

    @Test
    void aUsersScanReturnsExactlyThatUsersSessionsInTimeOrder() {
        Map<String, List<JsonNode>> byUser = expected.all().stream()
                .collect(Collectors.groupingBy(session -> session.get("user_id").asText(), TreeMap::new,
                        Collectors.toList()));
        SessionQueries queries = new SessionQueries(connection, TableName.valueOf(MUTATOR_TABLE));

        for (Map.Entry<String, List<JsonNode>> user : byUser.entrySet()) {
            List<String> expectedIds = user.getValue().stream()
                    .sorted(Comparator.comparing(JsonSessions::start)
                            .thenComparing(session -> suffix(session)))
                    .map(session -> session.get("session_id").asText()).toList();

            List<StoredSession> found = queries.sessionsOfUser(user.getKey());

            assertThat(found).extracting(stored -> stored.session().sessionId()).as(user.getKey())
                    .containsExactlyElementsOf(expectedIds);
            assertThat(found).allSatisfy(stored -> assertThat(stored.session().userId()).isEqualTo(user.getKey()));
        }
        assertThat(queries.sessionsOfUser("user_999999")).isEmpty();
    }

    @Test
    void theLatestSessionsOfAUserAreTheEndOfItsTimeOrderAndTheCountIsAllOfThem() {
        Map<String, List<JsonNode>> byUser = expected.all().stream()
                .collect(Collectors.groupingBy(session -> session.get("user_id").asText(), TreeMap::new,
                        Collectors.toList()));
        SessionQueries queries = new SessionQueries(connection, TableName.valueOf(MUTATOR_TABLE));
        assertThat(byUser.values()).anySatisfy(sessions -> assertThat(sessions).hasSizeGreaterThan(2));

        for (Map.Entry<String, List<JsonNode>> user : byUser.entrySet()) {
            List<String> inTimeOrder = user.getValue().stream()
                    .sorted(Comparator.comparing(JsonSessions::start).thenComparing(session -> suffix(session)))
                    .map(session -> session.get("session_id").asText()).toList();
            for (int limit : List.of(1, 2, inTimeOrder.size() + 1)) {
                List<String> latest = inTimeOrder.subList(Math.max(0, inTimeOrder.size() - limit), inTimeOrder.size());

                assertThat(queries.latestSessionsOfUser(user.getKey(), limit))
                        .extracting(stored -> stored.session().sessionId()).as(user.getKey() + ", limit " + limit)
                        .containsExactlyElementsOf(latest);
            }
            assertThat(queries.sessionCountOfUser(user.getKey())).as(user.getKey()).isEqualTo(inTimeOrder.size());
        }
        assertThat(queries.latestSessionsOfUser("user_999999", 5)).isEmpty();
        assertThat(queries.sessionCountOfUser("user_999999")).isZero();
        assertThatThrownBy(() -> queries.latestSessionsOfUser("user_000001", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The number of latest sessions must be at least 1, not 0");
    }

    @Test
    void aUserWhoseIdExtendsAnothersPastAnUnderscoreKeepsItsOwnSessions() throws Exception {
        String table = "loader_it:shared_prefix";
        try (Admin admin = connection.getAdmin()) {
            SessionTable.create(admin, SessionTableSpec.forUsers(table, List.of("u_1"), 1));
        }
        RandomSessions random = new RandomSessions(11L);
        List<Session> shorter = new ArrayList<>();
        List<Session> longer = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            shorter.add(random.next("u_1"));
            longer.add(random.next("u_1_2"));
        }
        List<Session> all = new ArrayList<>(shorter);
        all.addAll(longer);
        SessionLoader.load(connection, all.iterator(), SessionLoadOptions.defaults(table));
        SessionQueries queries = new SessionQueries(connection, TableName.valueOf(table));
        List<String> shorterInTimeOrder = shorter.stream().sorted(Comparator.comparing(Session::startTime))
                .map(Session::sessionId).toList();

        assertThat(queries.sessionCountOfUser("u_1")).isEqualTo(6);
        assertThat(queries.sessionCountOfUser("u_1_2")).isEqualTo(6);
        assertThat(queries.latestSessionsOfUser("u_1", 3)).extracting(stored -> stored.session().sessionId())
                .containsExactlyElementsOf(shorterInTimeOrder.subList(3, 6));
        assertThat(queries.sessionsOfUser("u_1")).extracting(stored -> stored.session().sessionId())
                .containsExactlyElementsOf(shorterInTimeOrder);
    }

    @Test
    void timeRangesSelectBySessionStart() {
        JsonNode busiest = expected.all().stream()
                .collect(Collectors.groupingBy(session -> session.get("user_id").asText()))
                .values().stream().max(Comparator.comparingInt(List::size)).orElseThrow().get(0);
        String user = busiest.get("user_id").asText();
        List<Instant> starts = expected.all().stream().filter(session -> session.get("user_id").asText().equals(user))
                .map(JsonSessions::start).sorted().toList();
        Instant from = starts.get(0);
        Instant to = starts.get(starts.size() - 1);
        SessionQueries queries = new SessionQueries(connection, TableName.valueOf(MUTATOR_TABLE));

        assertThat(queries.sessionsOfUser(user, from, to)).extracting(stored -> stored.session().startTime())
                .containsExactlyElementsOf(starts.subList(0, starts.size() - 1));

        Instant windowStart = Instant.parse("2024-11-01T00:00:00Z");
        Instant windowEnd = Instant.parse("2024-12-01T00:00:00Z");
        List<Instant> seen = new ArrayList<>();
        long count = queries.forEachSessionBetween(windowStart, windowEnd,
                stored -> seen.add(stored.session().startTime()));
        assertThat(count).isEqualTo(expected.startingBetween(windowStart, windowEnd)).isPositive();
        assertThat(seen).hasSize((int) count).allMatch(start -> !start.isBefore(windowStart)
                && start.isBefore(windowEnd));
    }

    @Test
    void sessionsWithoutAUserOrWithAnUnkeyableStartAreRejectedAndCounted() throws Exception {
        String table = "loader_it:rejects";
        try (Admin admin = connection.getAdmin()) {
            SessionTable.create(admin, SessionTableSpec.forUserNumbers(table, 5, 1));
        }
        RandomSessions random = new RandomSessions(5L);
        Session good = random.next("user_000001");
        Session noUser = random.next("");
        Session farFuture = withStart(random.next("user_000002"), Instant.parse("+12000-01-01T00:00:00Z"));

        for (LoadMethod method : LoadMethod.values()) {
            SessionLoadReport report = SessionLoader.load(connection, List.of(good, noUser, farFuture).iterator(),
                    SessionLoadOptions.defaults(table).withMethod(method));

            assertThat(report.read()).isEqualTo(3);
            assertThat(report.written()).isEqualTo(1);
            assertThat(report.rejectedByRule()).containsOnly(Map.entry(Rule.REQUIRED, 1L), Map.entry(Rule.RANGE, 1L));
            assertThat(report.failed()).isZero();
        }
        assertThat(new SessionQueries(connection, TableName.valueOf(table)).sessionsOfUser("user_000001"))
                .extracting(StoredSession::session).containsExactly(good);
    }

    @Test
    void sessionsTheValidationRejectsAreCountedByRuleAndSentToTheSink() throws Exception {
        Path broken = TestDatasets.copyTiny(temp.resolve("tiny-broken"));
        Path file = broken.resolve("sessions_1.json");
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode sessions = (ArrayNode) mapper.readTree(file.toFile());
        ((ObjectNode) sessions.get(0)).put("user_id", "user_999999");
        ((ObjectNode) sessions.get(1)).put("referrer", "carrier_pigeon");
        mapper.writeValue(file.toFile(), sessions);
        String table = "loader_it:validated";
        try (Admin admin = connection.getAdmin()) {
            SessionTable.create(admin, SessionTableSpec.forDataset(table, broken, 2));
        }
        List<Reject> rejects = new ArrayList<>();

        SessionLoadReport report = SessionLoader.loadDataset(connection, broken, rejects::add,
                SessionLoadOptions.defaults(table));

        assertThat(report.read()).isEqualTo(100);
        assertThat(report.written()).isEqualTo(98);
        assertThat(report.rejectedByRule())
                .containsOnly(Map.entry(Rule.REFERENCE, 1L), Map.entry(Rule.ENUMERATION, 1L));
        assertThat(rejects).extracting(reject -> reject.position().file() + "#" + reject.position().recordIndex())
                .containsExactlyInAnyOrder("sessions_1.json#0", "sessions_1.json#1");
        assertThat(new SessionQueries(connection, TableName.valueOf(table)).countsPerRegion().stream()
                .mapToLong(RegionCount::sessions).sum()).isEqualTo(98);
    }

    @Test
    void theSmallDatasetLoadsWithExactCounts() throws Exception {
        Path small = temp.resolve("small");
        DatasetGenerator.generate(GeneratorSpec.scale("small").withSeed(42), small, ProgressListener.NONE);
        long[] expectedCountAndDuration = JsonSessions.countAndTotalDuration(small);
        String table = "loader_it:small_sessions";
        try (Admin admin = connection.getAdmin()) {
            SessionTable.create(admin, SessionTableSpec.forDataset(table, small, REGIONS));
        }

        SessionLoadReport report = SessionLoader.loadDataset(connection, small, RejectSink.DISCARD,
                SessionLoadOptions.defaults(table).withMethod(LoadMethod.BULK_LOAD));

        assertThat(report.read()).isEqualTo(expectedCountAndDuration[0]).isEqualTo(15_000);
        assertThat(report.written()).isEqualTo(15_000);
        assertThat(report.failed()).isZero();
        assertThat(report.rejected()).isZero();
        SessionQueries queries = new SessionQueries(connection, TableName.valueOf(table));
        List<RegionCount> regions = queries.countsPerRegion();
        assertThat(regions).hasSize(REGIONS);
        assertThat(regions.stream().mapToLong(RegionCount::sessions).sum()).isEqualTo(15_000);
        long[] duration = {0};
        long all = queries.forEachSessionBetween(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"),
                stored -> duration[0] += stored.session().durationSeconds());
        assertThat(all).isEqualTo(15_000);
        assertThat(duration[0]).isEqualTo(expectedCountAndDuration[1]);
    }

    @Test
    void loadingIntoAMissingTableSaysToCreateIt() {
        assertThatThrownBy(() -> SessionLoader.load(connection, List.<Session>of().iterator(),
                SessionLoadOptions.defaults("loader_it:absent")))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("loader_it:absent does not exist; create it first with SessionStore.createTable");
    }

    private static Session withStart(Session session, Instant start) {
        return new Session(session.sessionId(), session.userId(), start, start.plusSeconds(60), 60,
                session.geoData(), session.deviceProfile(), session.viewedProducts(), session.pageViews(),
                session.cartContents(), session.conversionStatus(), session.referrer());
    }

    private static String suffix(JsonNode session) {
        byte[] key = RowKeys.encode(session.get("user_id").asText(), JsonSessions.start(session),
                session.get("session_id").asText());
        return new String(key, StandardCharsets.UTF_8);
    }

    private static int missingSecondsPerPage() {
        return (int) expected.all().stream().filter(session -> session.get("page_views").isEmpty()).count();
    }

    /** Every cell of a table as {@code row/family:qualifier@timestamp -> value}. */
    private static Map<String, String> cells(String table) throws Exception {
        Map<String, String> cells = new TreeMap<>();
        try (Table handle = connection.getTable(TableName.valueOf(table));
                ResultScanner scanner = handle.getScanner(new Scan())) {
            for (Result row : scanner) {
                for (Cell cell : row.rawCells()) {
                    cells.put(text(CellUtil.cloneRow(cell)) + "/" + text(CellUtil.cloneFamily(cell)) + ":"
                            + text(CellUtil.cloneQualifier(cell)) + "@" + cell.getTimestamp(),
                            text(CellUtil.cloneValue(cell)));
                }
            }
        }
        return cells;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
