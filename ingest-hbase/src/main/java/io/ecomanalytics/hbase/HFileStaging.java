package io.ecomanalytics.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.io.hfile.CacheConfig;
import org.apache.hadoop.hbase.io.hfile.HFile;
import org.apache.hadoop.hbase.io.hfile.HFileContext;
import org.apache.hadoop.hbase.io.hfile.HFileContextBuilder;
import org.apache.hadoop.hbase.regionserver.HStoreFile;
import org.apache.hadoop.hbase.regionserver.StoreFileWriter;
import org.apache.hadoop.hbase.regionserver.StoreUtils;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk-load path: collects sessions' cells, sorts each chunk by row key, writes it as HFiles (one per family and
 * region, with the family's compression, block encoding and bloom filter, as {@code HFileOutputFormat2} does), and
 * finally hands the staging folder to {@link BulkLoadHFiles}. Memory holds one chunk at a time.
 */
final class HFileStaging implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HFileStaging.class);
    private static final int BULK_LOAD_RPC_TIMEOUT_MILLIS = 15 * 60 * 1000;
    private static final Comparator<StagedRow> BY_ROW = (a, b) -> Bytes.BYTES_COMPARATOR.compare(a.row, b.row);

    private final Configuration configuration;
    private final TableName tableName;
    private final Map<String, ColumnFamilyDescriptor> families = new HashMap<>();
    private final byte[][] regionStarts;
    private final FileSystem fileSystem;
    private final Path staging;
    private final long chunkLimit;
    private final List<StagedRow> chunk = new ArrayList<>();
    private long chunkBytes;
    private int chunkNumber;
    private long accepted;

    private record StagedRow(byte[] row, List<Cell> cells) {
    }

    HFileStaging(Connection connection, SessionLoadOptions options) throws IOException {
        this.tableName = options.tableName();
        this.configuration = new Configuration(connection.getConfiguration());
        // Each chunk adds one file per region and family; the default cap of 32 would refuse a large load.
        configuration.setInt(BulkLoadHFiles.MAX_FILES_PER_REGION_PER_FAMILY, 4096);
        // These files were just written by this class; reading each again to validate it only costs time.
        configuration.setBoolean("hbase.loadincremental.validate.hfile", false);
        // One region's share of a large load is one RPC that moves dozens of HFiles per family into the region; it
        // outlasts the default 20 s RPC timeout (measured: 2,000,000 sessions, 8 regions, 2 cores), and a retry
        // only starts the same work again.
        configuration.setInt(HConstants.HBASE_RPC_TIMEOUT_KEY, BULK_LOAD_RPC_TIMEOUT_MILLIS);
        configuration.setInt(HConstants.HBASE_CLIENT_OPERATION_TIMEOUT, BULK_LOAD_RPC_TIMEOUT_MILLIS);
        TableDescriptor descriptor;
        try (Admin admin = connection.getAdmin()) {
            descriptor = admin.getDescriptor(tableName);
        }
        for (ColumnFamilyDescriptor family : descriptor.getColumnFamilies()) {
            families.put(family.getNameAsString(), family);
        }
        try (RegionLocator locator = connection.getRegionLocator(tableName)) {
            regionStarts = locator.getStartKeys();
        }
        Arrays.sort(regionStarts, Bytes.BYTES_COMPARATOR);
        FileSystem defaultFileSystem = FileSystem.get(configuration);
        Path folder = options.stagingFolder().map(Path::new).orElseGet(() -> defaultStaging(defaultFileSystem));
        FileSystem folderFileSystem = folder.getFileSystem(configuration);
        // The checksummed local filesystem would leave .crc files beside the HFiles; the bulk load wants HFiles only.
        this.fileSystem = folderFileSystem instanceof LocalFileSystem local ? local.getRaw() : folderFileSystem;
        this.staging = fileSystem.makeQualified(new Path(folder, "sessions-" + UUID.randomUUID()));
        this.chunkLimit = options.bulkChunkBytes();
        fileSystem.mkdirs(staging);
        LOG.info("Bulk load of {} stages HFiles in {} ({} region(s))", tableName, staging, regionStarts.length);
    }

    private Path defaultStaging(FileSystem defaultFileSystem) {
        if (defaultFileSystem instanceof LocalFileSystem) {
            return new Path(new Path(System.getProperty("java.io.tmpdir")).toUri().getPath());
        }
        return new Path(configuration.get("hbase.fs.tmp.dir", "/tmp/hbase-staging"));
    }

    /** Adds one session's cells (sorted as {@link SessionCells#cells} gives them); writes a full chunk as HFiles. */
    void add(byte[] row, List<Cell> cells) throws IOException {
        for (Cell cell : cells) {
            chunkBytes += ((KeyValue) cell).getLength();
        }
        chunk.add(new StagedRow(row, cells));
        accepted++;
        if (chunkBytes >= chunkLimit) {
            writeChunk();
        }
    }

    /** Writes what is left and bulk-loads every staged HFile; returns the number of sessions loaded. */
    long load() throws IOException {
        writeChunk();
        if (accepted == 0) {
            return 0;
        }
        long start = System.nanoTime();
        BulkLoadHFiles.create(configuration).bulkLoad(tableName, staging);
        LOG.info("Bulk-loaded {} HFile chunk(s) of {} into {} in {} ms", chunkNumber, staging, tableName,
                (System.nanoTime() - start) / 1_000_000);
        return accepted;
    }

    private void writeChunk() throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        chunk.sort(BY_ROW);
        int files = 0;
        Map<String, StoreFileWriter> writers = new HashMap<>();
        int region = -1;
        for (int i = 0; i < chunk.size(); i++) {
            StagedRow row = chunk.get(i);
            // Two records of one session (the same key) in a chunk: the later one wins, as with puts.
            if (i + 1 < chunk.size() && Bytes.equals(row.row, chunk.get(i + 1).row)) {
                continue;
            }
            int rowRegion = regionOf(row.row);
            if (rowRegion != region) {
                files += closeAll(writers);
                region = rowRegion;
            }
            for (Cell cell : row.cells) {
                String family = Bytes.toString(CellUtil.cloneFamily(cell));
                StoreFileWriter writer = writers.get(family);
                if (writer == null) {
                    writer = openWriter(family);
                    writers.put(family, writer);
                }
                writer.append(cell);
            }
        }
        files += closeAll(writers);
        LOG.info("Staged chunk {}: {} sessions, {} MB of cells, {} HFile(s) in {} ms", chunkNumber,
                String.format("%,d", chunk.size()), chunkBytes >> 20, files, (System.nanoTime() - start) / 1_000_000);
        chunkNumber++;
        chunk.clear();
        chunkBytes = 0;
    }

    private int regionOf(byte[] row) {
        int index = Arrays.binarySearch(regionStarts, row, Bytes.BYTES_COMPARATOR);
        return index >= 0 ? index : -index - 2;
    }

    private StoreFileWriter openWriter(String family) throws IOException {
        ColumnFamilyDescriptor descriptor = families.get(family);
        HFileContext context = new HFileContextBuilder()
                .withCompression(descriptor.getCompressionType())
                .withDataBlockEncoding(descriptor.getDataBlockEncoding())
                .withBlockSize(descriptor.getBlocksize())
                .withChecksumType(StoreUtils.getChecksumType(configuration))
                .withBytesPerCheckSum(StoreUtils.getBytesPerChecksum(configuration))
                .withIncludesTags(HFile.getFormatVersion(configuration) >= HFile.MIN_FORMAT_VERSION_WITH_TAGS)
                .withColumnFamily(descriptor.getName())
                .withTableName(tableName.getName())
                .withCreateTime(System.currentTimeMillis())
                .build();
        return new StoreFileWriter.Builder(configuration, CacheConfig.DISABLED, fileSystem)
                .withOutputDir(new Path(staging, family))
                .withBloomType(descriptor.getBloomFilterType())
                .withFileContext(context)
                .build();
    }

    private static int closeAll(Map<String, StoreFileWriter> writers) throws IOException {
        int count = writers.size();
        for (StoreFileWriter writer : writers.values()) {
            writer.appendFileInfo(HStoreFile.BULKLOAD_TIME_KEY, Bytes.toBytes(System.currentTimeMillis()));
            writer.appendFileInfo(HStoreFile.MAJOR_COMPACTION_KEY, Bytes.toBytes(false));
            writer.appendFileInfo(HStoreFile.EXCLUDE_FROM_MINOR_COMPACTION_KEY, Bytes.toBytes(false));
            writer.appendTrackedTimestampsToMetadata();
            writer.close();
        }
        writers.clear();
        return count;
    }

    /** Deletes the staging folder and whatever is left in it. */
    @Override
    public void close() {
        try {
            fileSystem.delete(staging, true);
        } catch (IOException e) {
            LOG.warn("Could not delete the bulk-load staging folder {}: {}; delete it by hand", staging, e.toString());
        }
    }
}
