package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHBase.class)
class SessionTableIT {
    private static Connection connection;
    private static Admin admin;

    @BeforeAll
    static void connect(EmbeddedHBase hbase) throws Exception {
        connection = hbase.settings().connect();
        admin = connection.getAdmin();
    }

    @AfterAll
    static void disconnect() throws Exception {
        admin.close();
        connection.close();
    }

    @Test
    void creationMakesTheNamespaceFamiliesAndRegionsAndIsIdempotent() throws Exception {
        SessionTableSpec spec = SessionTableSpec.forUserNumbers("table_it:user_sessions", 100, 4);

        assertThat(SessionTable.create(admin, spec)).isEqualTo(TableCreation.CREATED);
        assertThat(SessionTable.create(admin, spec)).isEqualTo(TableCreation.ALREADY_PRESENT);

        TableDescriptor descriptor = admin.getDescriptor(spec.tableName());
        assertThat(Arrays.stream(descriptor.getColumnFamilies()).map(ColumnFamilyDescriptor::getNameAsString))
                .containsExactly("device", "geo", "metrics", "session");
        for (ColumnFamilyDescriptor family : descriptor.getColumnFamilies()) {
            assertThat(family.getMaxVersions()).as(family.getNameAsString()).isEqualTo(1);
            assertThat(family.getBloomFilterType()).isEqualTo(BloomType.ROW);
            assertThat(family.getCompressionType()).isEqualTo(Compression.Algorithm.LZ4);
        }
        try (RegionLocator locator = connection.getRegionLocator(spec.tableName())) {
            // 100 users in 4 regions: splits at sorted indexes 25, 50 and 75, i.e. user_000026, _051, _076.
            assertThat(Arrays.stream(locator.getStartKeys()).map(key -> new String(key, StandardCharsets.UTF_8)))
                    .containsExactly("", "user_000026", "user_000051", "user_000076");
        }
    }

    @Test
    void gzipNeedsOnlyTheJdk() throws Exception {
        SessionTableSpec spec = SessionTableSpec.forUsers("table_it:gzip_sessions", List.of("a"), 1)
                .withCompression(Compression.Algorithm.GZ);

        SessionTable.create(admin, spec);

        assertThat(admin.getDescriptor(spec.tableName()).getColumnFamily("session".getBytes(StandardCharsets.UTF_8))
                .getCompressionType()).isEqualTo(Compression.Algorithm.GZ);
    }

    @Test
    void aTableWithOtherFamiliesIsAnErrorThatSaysSo() throws Exception {
        TableName name = TableName.valueOf("table_it_foreign");
        admin.createTable(TableDescriptorBuilder.newBuilder(name)
                .setColumnFamily(ColumnFamilyDescriptorBuilder.of("session"))
                .setColumnFamily(ColumnFamilyDescriptorBuilder.of("other")).build());

        assertThatThrownBy(() -> SessionTable.create(admin, SessionTableSpec.forUsers(name.getNameAsString(),
                List.of("a"), 1)))
                .isInstanceOf(SessionStoreException.class)
                .hasMessage("Table table_it_foreign exists with families [other, session], but the session table "
                        + "needs exactly [device, geo, metrics, session]. Drop it (disable 'table_it_foreign'; drop "
                        + "'table_it_foreign' in the HBase shell) or choose another table name.");
    }

    @Test
    void dropRemovesTheTableAndToleratesAMissingOne() throws Exception {
        SessionTableSpec spec = SessionTableSpec.forUsers("table_it:dropped", List.of("a"), 1);
        SessionTable.create(admin, spec);

        SessionTable.drop(admin, spec.tableName());
        SessionTable.drop(admin, spec.tableName());

        assertThat(admin.tableExists(spec.tableName())).isFalse();
    }
}
