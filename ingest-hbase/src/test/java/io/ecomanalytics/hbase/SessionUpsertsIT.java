package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.testing.TestDatasets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The live path's sink writes the cells the bulk loader writes, and writing the same sessions twice writes once. */
@ExtendWith(SharedHBase.class)
class SessionUpsertsIT {
    private static final String LOADED_TABLE = "upserts_it:loaded_sessions";
    private static final String UPSERTED_TABLE = "upserts_it:upserted_sessions";

    @Test
    void upsertingTwiceLeavesExactlyTheCellsTheLoaderWrites(EmbeddedHBase hbase, @TempDir Path temp) throws Exception {
        Path dataset = TestDatasets.copyTiny(temp.resolve("tiny"));
        List<Session> sessions = new ArrayList<>();
        try (RecordStream<Session> records = DatasetFiles.open(dataset).sessions()) {
            records.forEachRemaining(sessions::add);
        }
        try (SessionStore loaded = SessionStore.connect(hbase.settings(), LOADED_TABLE);
                SessionStore upserted = SessionStore.connect(hbase.settings(), UPSERTED_TABLE);
                Connection connection = hbase.settings().connect()) {
            loaded.createTable(dataset, 2);
            loaded.load(dataset, RejectSink.DISCARD, loaded.loadOptions());
            upserted.createTable(dataset, 2);
            SessionUpserts sink = SessionUpserts.into(upserted);

            assertThat(sink.upsert(sessions)).isEqualTo(100);
            Map<String, String> once = cells(connection, UPSERTED_TABLE);
            assertThat(sink.upsert(sessions)).isEqualTo(100);

            assertThat(once).isNotEmpty().isEqualTo(cells(connection, LOADED_TABLE));
            assertThat(cells(connection, UPSERTED_TABLE)).isEqualTo(once);
            assertThat(once.keySet().stream().map(cell -> cell.substring(0, cell.indexOf('/'))).distinct())
                    .hasSize(100);
        }
    }

    /** row/family:qualifier -> value, every version of every cell (a second version would show as a change). */
    private static Map<String, String> cells(Connection connection, String table) throws Exception {
        Map<String, String> cells = new TreeMap<>();
        try (Table handle = connection.getTable(TableName.valueOf(table));
                ResultScanner scanner = handle.getScanner(new Scan().readAllVersions())) {
            for (Result result : scanner) {
                for (Cell cell : result.rawCells()) {
                    String name = Bytes.toStringBinary(CellUtil.cloneRow(cell)) + "/"
                            + Bytes.toString(CellUtil.cloneFamily(cell)) + ":"
                            + Bytes.toString(CellUtil.cloneQualifier(cell));
                    cells.merge(name, Bytes.toStringBinary(CellUtil.cloneValue(cell)), (first, second) -> first
                            + " | " + second);
                }
            }
        }
        return cells;
    }
}
