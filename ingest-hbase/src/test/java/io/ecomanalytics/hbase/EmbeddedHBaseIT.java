package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHBaseIT {
    private static final byte[] FAMILY = "f".getBytes(StandardCharsets.UTF_8);
    private static final byte[] QUALIFIER = "q".getBytes(StandardCharsets.UTF_8);

    @Test
    void servesAnOrdinaryClientThroughZooKeeperAndCleansUpOnClose() throws Exception {
        Path folder;
        try (EmbeddedHBase hbase = EmbeddedHBase.start()) {
            folder = hbase.dataFolder();
            assertThat(hbase.zooKeeperAddress()).isEqualTo("127.0.0.1:" + hbase.zooKeeperPort());
            TableName name = TableName.valueOf("embedded_smoke");
            try (Connection connection = ConnectionFactory.createConnection(hbase.configuration());
                    Admin admin = connection.getAdmin()) {
                admin.createTable(TableDescriptorBuilder.newBuilder(name)
                        .setColumnFamily(ColumnFamilyDescriptorBuilder.of(FAMILY)).build());
                try (Table table = connection.getTable(name)) {
                    table.put(new Put(bytes("row-1")).addColumn(FAMILY, QUALIFIER, bytes("value-1")));
                    Result result = table.get(new Get(bytes("row-1")));
                    assertThat(new String(result.getValue(FAMILY, QUALIFIER), StandardCharsets.UTF_8))
                            .isEqualTo("value-1");
                }
            }
            hbase.close();
            assertThat(folder).doesNotExist();
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void aPersistentInstanceServesTheTablesAnEarlierOneOnTheSameFolderWrote(@TempDir Path temp) throws Exception {
        Path folder = temp.resolve("kept");
        TableName name = TableName.valueOf("kept_smoke");
        try (EmbeddedHBase first = EmbeddedHBase.startPersistent(folder);
                Connection connection = ConnectionFactory.createConnection(first.configuration());
                Admin admin = connection.getAdmin()) {
            admin.createTable(TableDescriptorBuilder.newBuilder(name)
                    .setColumnFamily(ColumnFamilyDescriptorBuilder.of(FAMILY)).build());
            try (Table table = connection.getTable(name)) {
                table.put(new Put(bytes("row-1")).addColumn(FAMILY, QUALIFIER, bytes("value-1")));
            }
        }
        assertThat(folder).isDirectory();

        try (EmbeddedHBase second = EmbeddedHBase.startPersistent(folder);
                Connection connection = ConnectionFactory.createConnection(second.configuration());
                Table table = connection.getTable(name)) {
            Result result = table.get(new Get(bytes("row-1")));

            assertThat(new String(result.getValue(FAMILY, QUALIFIER), StandardCharsets.UTF_8)).isEqualTo("value-1");
        }
        assertThat(folder).isDirectory();
    }

    @Test
    void aDataFolderThatIsAFileFailsWithAMessageNamingIt(@TempDir Path temp) throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("occupied"), "a file, not a folder");

        assertThatThrownBy(() -> EmbeddedHBase.start(notAFolder))
                .isInstanceOf(EmbeddedHBaseException.class)
                .hasMessageContaining("Cannot start the in-process HBase (data folder " + notAFolder + ")");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
