package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecomanalytics.data.CartItem;
import io.ecomanalytics.data.DeviceProfile;
import io.ecomanalytics.data.PageView;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.SessionGeo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Result;
import org.junit.jupiter.api.Test;

class SessionCellsTest {

    private static final Instant START = Instant.parse("2024-03-01T12:30:05Z");

    /** A session small enough to work its cells and metrics out by hand. */
    private static Session handWorked() {
        Map<String, CartItem> cart = new LinkedHashMap<>();
        cart.put("prod_00002", new CartItem(2, new BigDecimal("19.99")));
        cart.put("prod_00001", new CartItem(1, new BigDecimal("5.50")));
        return new Session("sess_0123456789", "user_000042", START, START.plusSeconds(100), 100,
                new SessionGeo("Dublin", "D", "Ireland", "10.1.2.3"), new DeviceProfile("mobile", "iOS", "Safari"),
                List.of("prod_00002", "prod_00001", "prod_00002"),
                List.of(new PageView(START, "home", null, null, 10),
                        new PageView(START.plusSeconds(10), "product_detail", "prod_00002", "cat_001", 30),
                        new PageView(START.plusSeconds(40), "product_detail", "prod_00001", "cat_002", 60)),
                cart, "converted", "email");
    }

    @Test
    void everyValueIsReadableTextWithTheSessionStartAsTimestamp() {
        byte[] row = RowKeys.encode("user_000042", START, "sess_0123456789");
        Map<String, String> cells = new LinkedHashMap<>();
        for (Cell cell : SessionCells.cells(row, handWorked())) {
            assertThat(cell.getTimestamp()).isEqualTo(START.toEpochMilli());
            cells.put(text(CellUtil.cloneFamily(cell)) + ":" + text(CellUtil.cloneQualifier(cell)),
                    text(CellUtil.cloneValue(cell)));
        }

        assertThat(cells).containsExactly(
                Map.entry("device:browser", "Safari"),
                Map.entry("device:os", "iOS"),
                Map.entry("device:type", "mobile"),
                Map.entry("geo:city", "Dublin"),
                Map.entry("geo:country", "Ireland"),
                Map.entry("geo:ip_address", "10.1.2.3"),
                Map.entry("geo:state", "D"),
                Map.entry("metrics:cart_items", "3"),
                Map.entry("metrics:cart_value", "45.48"),
                Map.entry("metrics:converted", "true"),
                Map.entry("metrics:distinct_products", "2"),
                Map.entry("metrics:page_views", "3"),
                Map.entry("metrics:product_views", "2"),
                Map.entry("metrics:seconds_per_page", "33.33"),
                Map.entry("session:cart_contents",
                        "{\"prod_00002\":{\"quantity\":2,\"price\":19.99},\"prod_00001\":{\"quantity\":1,\"price\":5.50}}"),
                Map.entry("session:conversion_status", "converted"),
                Map.entry("session:duration_seconds", "100"),
                Map.entry("session:end_time", "2024-03-01T12:31:45Z"),
                Map.entry("session:page_views", "[{\"timestamp\":\"2024-03-01T12:30:05Z\",\"page_type\":\"home\","
                        + "\"product_id\":null,\"category_id\":null,\"view_duration\":10},"
                        + "{\"timestamp\":\"2024-03-01T12:30:15Z\",\"page_type\":\"product_detail\","
                        + "\"product_id\":\"prod_00002\",\"category_id\":\"cat_001\",\"view_duration\":30},"
                        + "{\"timestamp\":\"2024-03-01T12:30:45Z\",\"page_type\":\"product_detail\","
                        + "\"product_id\":\"prod_00001\",\"category_id\":\"cat_002\",\"view_duration\":60}]"),
                Map.entry("session:referrer", "email"),
                Map.entry("session:session_id", "sess_0123456789"),
                Map.entry("session:start_time", "2024-03-01T12:30:05Z"),
                Map.entry("session:user_id", "user_000042"),
                Map.entry("session:viewed_products", "[\"prod_00002\",\"prod_00001\",\"prod_00002\"]"));
    }

    @Test
    void randomSessionsReadBackEqualWithTheirMetrics() {
        RandomSessions random = new RandomSessions(99L);
        for (Session session : random.sessions(2_000, 50)) {
            byte[] row = RowKeys.encode(session.userId(), session.startTime(), session.sessionId());
            Result result = Result.create(SessionCells.cells(row, session));

            assertThat(SessionCells.session(result)).isEqualTo(session);
            assertThat(SessionCells.metrics(result)).isEqualTo(SessionMetrics.of(session));
        }
    }

    @Test
    void aSessionWithoutPageViewsHasNoSecondsPerPageCell() {
        Session session = handWorked();
        Session empty = new Session(session.sessionId(), session.userId(), START, START, 0, session.geoData(),
                session.deviceProfile(), List.of(), List.of(), Map.of(), "browsed", "direct");
        Result result = Result.create(SessionCells.cells(RowKeys.encode("u", START, "s"), empty));

        assertThat(result.getValue(SessionColumns.METRICS, SessionColumns.SECONDS_PER_PAGE)).isNull();
        assertThat(SessionCells.metrics(result)).isEqualTo(
                new SessionMetrics(0, 0, 0, BigDecimal.ZERO, 0, null, false));
        assertThat(SessionCells.session(result)).isEqualTo(empty);
    }

    @Test
    void aRowWithoutTheSessionFamilyNamesTheMissingCell() {
        byte[] row = RowKeys.encode("user_000042", START, "sess_0123456789");
        List<Cell> deviceOnly = SessionCells.cells(row, handWorked()).subList(0, 3);

        assertThatThrownBy(() -> SessionCells.session(Result.create(deviceOnly)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Row '" + text(row) + "' has no session:start_time cell; it was not written by the "
                        + "session loader, or the scan left that family out");
    }

    @Test
    void aCellThatIsNotTheLoadersJsonSaysWhichCell() {
        assertThatThrownBy(() -> SessionCells.parseCart("[1,2]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cell session:cart_contents holds '[1,2]', which is not the JSON the session "
                        + "loader writes");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
