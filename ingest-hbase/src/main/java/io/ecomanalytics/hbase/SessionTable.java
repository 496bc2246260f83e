package io.ecomanalytics.hbase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.CompressionTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and drops the session table: families {@code session}, {@code metrics}, {@code device} and {@code geo},
 * one version per cell, row bloom filters, FAST_DIFF block encoding (the long row key repeats in every cell), the
 * spec's compression, pre-split by user id.
 */
final class SessionTable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTable.class);

    private SessionTable() {
    }

    /**
     * Creates the namespace and the table if they are missing; does nothing if the table is there with the session
     * families.
     *
     * @throws SessionStoreException if a table of that name has other families, if the compression cannot run in
     *     this JVM, or if HBase refuses
     */
    static TableCreation create(Admin admin, SessionTableSpec spec) {
        TableName name = spec.tableName();
        try {
            if (admin.tableExists(name)) {
                checkFamilies(admin.getDescriptor(name));
                return TableCreation.ALREADY_PRESENT;
            }
            checkCompression(spec);
            createNamespace(admin, name.getNamespaceAsString());
            TableDescriptorBuilder table = TableDescriptorBuilder.newBuilder(name);
            for (byte[] family : SessionColumns.FAMILIES) {
                table.setColumnFamily(family(family, spec));
            }
            byte[][] splits = spec.splitUserIds().stream().map(SessionColumns::bytes).toArray(byte[][]::new);
            try {
                admin.createTable(table.build(), splits);
            } catch (TableExistsException raced) {
                checkFamilies(admin.getDescriptor(name));
                return TableCreation.ALREADY_PRESENT;
            }
            LOG.info("Created {} with {} region(s), families {}, compression {}", name, spec.regionCount(),
                    familyNames(), spec.compression());
            return TableCreation.CREATED;
        } catch (IOException e) {
            throw new SessionStoreException("Cannot create the session table " + name + ": "
                    + EmbeddedHBase.rootMessage(e) + ". Check that the cluster is up and that this user may create"
                    + " namespaces and tables.", e);
        }
    }

    /** The longest {@link #drop} waits for a table that is being enabled or disabled (after a restart). */
    private static final Duration SETTLING = Duration.ofSeconds(60);

    /** Disables and deletes the table if it exists. */
    static void drop(Admin admin, TableName name) {
        try {
            if (admin.tableExists(name)) {
                awaitSettled(admin, name);
                if (admin.isTableEnabled(name)) {
                    admin.disableTable(name);
                }
                admin.deleteTable(name);
                LOG.info("Dropped {}", name);
            }
        } catch (IOException e) {
            throw new SessionStoreException("Cannot drop " + name + ": " + EmbeddedHBase.rootMessage(e), e);
        }
    }

    /**
     * Waits until the table is enabled or disabled: a region server that reopens a kept table reports it ENABLING for
     * a while, and a table in that state can be neither disabled nor deleted.
     */
    private static void awaitSettled(Admin admin, TableName name) throws IOException {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        while (!admin.isTableEnabled(name) && !admin.isTableDisabled(name)) {
            if (System.nanoTime() > deadline) {
                throw new SessionStoreException("Cannot drop " + name + ": it is still being enabled or disabled after "
                        + SETTLING.toSeconds() + " s. Check the region server, or try again.", null);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static ColumnFamilyDescriptor family(byte[] name, SessionTableSpec spec) {
        return ColumnFamilyDescriptorBuilder.newBuilder(name)
                .setMaxVersions(1)
                .setBloomFilterType(BloomType.ROW)
                .setCompressionType(spec.compression())
                .setDataBlockEncoding(DataBlockEncoding.FAST_DIFF)
                .build();
    }

    private static void checkFamilies(TableDescriptor existing) {
        Set<String> actual = Arrays.stream(existing.getColumnFamilies())
                .map(family -> new String(family.getName(), StandardCharsets.UTF_8))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(familyNames());
        if (!actual.equals(expected)) {
            TableName name = existing.getTableName();
            throw new SessionStoreException("Table " + name + " exists with families " + actual + ", but the session "
                    + "table needs exactly " + expected + ". Drop it (disable '" + name + "'; drop '" + name
                    + "' in the HBase shell) or choose another table name.", null);
        }
    }

    private static List<String> familyNames() {
        return SessionColumns.FAMILIES.stream().map(SessionColumns::name).toList();
    }

    private static void checkCompression(SessionTableSpec spec) {
        try {
            CompressionTest.testCompression(spec.compression());
        } catch (IOException | RuntimeException e) {
            throw new SessionStoreException("Compression " + spec.compression() + " cannot run in this JVM ("
                    + EmbeddedHBase.rootMessage(e) + "). Put lz4-java on the class path for LZ4, or create the table"
                    + " with GZ, which needs only the JDK, or NONE.", e);
        }
    }

    private static void createNamespace(Admin admin, String namespace) throws IOException {
        if (NamespaceDescriptor.DEFAULT_NAMESPACE_NAME_STR.equals(namespace)) {
            return;
        }
        boolean exists = Arrays.stream(admin.listNamespaces()).anyMatch(namespace::equals);
        if (!exists) {
            try {
                admin.createNamespace(NamespaceDescriptor.create(namespace).build());
                LOG.info("Created namespace {}", namespace);
            } catch (NamespaceExistException raced) {
                LOG.debug("Namespace {} was created concurrently", namespace);
            }
        }
    }
}
