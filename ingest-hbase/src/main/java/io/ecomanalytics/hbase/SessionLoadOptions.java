package io.ecomanalytics.hbase;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.hbase.TableName;

/**
 * How to load sessions.
 *
 * @param tableName        the target table, created beforehand with {@link SessionStore#createTable(SessionTableSpec)}
 * @param method           buffered puts or HFile bulk load
 * @param writeBufferBytes the BufferedMutator's client-side buffer: it sends a batch when this many bytes are waiting
 * @param bulkChunkBytes   the bulk load sorts this many bytes of cells in memory at a time and writes each chunk as
 *                         one set of HFiles; a larger chunk means fewer files per region
 * @param stagingFolder    where the bulk load writes its HFiles, as a Hadoop path or URI on a filesystem the region
 *                         servers can read ({@code hdfs://...} on a real cluster); empty for a fresh folder under
 *                         {@code hbase.fs.tmp.dir} of the cluster's default filesystem
 * @param progressInterval how often to log progress
 * @param expectedSessions how many sessions the input holds, for the ETA in progress lines; 0 when unknown
 */
public record SessionLoadOptions(TableName tableName, LoadMethod method, long writeBufferBytes, long bulkChunkBytes,
                          Optional<String> stagingFolder, Duration progressInterval, long expectedSessions) {

    /** 8 MiB: big enough for batches of a few thousand sessions, small enough to keep latency down. */
    public static final long DEFAULT_WRITE_BUFFER_BYTES = 8L << 20;
    /** 256 MiB of cells per bulk-load chunk. */
    public static final long DEFAULT_BULK_CHUNK_BYTES = 256L << 20;

    public SessionLoadOptions {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(stagingFolder, "stagingFolder");
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (writeBufferBytes < 1024) {
            throw new IllegalArgumentException("writeBufferBytes is " + writeBufferBytes + "; use at least 1024 bytes"
                    + " (the default is " + DEFAULT_WRITE_BUFFER_BYTES + ")");
        }
        if (bulkChunkBytes < 1024) {
            throw new IllegalArgumentException("bulkChunkBytes is " + bulkChunkBytes + "; use at least 1024 bytes"
                    + " (the default is " + DEFAULT_BULK_CHUNK_BYTES + ")");
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive, not " + progressInterval);
        }
        if (expectedSessions < 0) {
            throw new IllegalArgumentException("expectedSessions is " + expectedSessions + "; use 0 when unknown");
        }
    }

    /** Buffered puts into the given table with the default buffer, progress every 5 s. */
    public static SessionLoadOptions defaults(String tableName) {
        return new SessionLoadOptions(TableName.valueOf(tableName), LoadMethod.BUFFERED_MUTATOR,
                DEFAULT_WRITE_BUFFER_BYTES,
                DEFAULT_BULK_CHUNK_BYTES, Optional.empty(), Duration.ofSeconds(5), 0);
    }

    /** These options with another load method. */
    public SessionLoadOptions withMethod(LoadMethod newMethod) {
        return new SessionLoadOptions(tableName, newMethod, writeBufferBytes, bulkChunkBytes, stagingFolder,
                progressInterval, expectedSessions);
    }

    /** These options with another BufferedMutator buffer size. */
    public SessionLoadOptions withWriteBufferBytes(long bytes) {
        return new SessionLoadOptions(tableName, method, bytes, bulkChunkBytes, stagingFolder, progressInterval,
                expectedSessions);
    }

    /** These options with another bulk-load chunk size. */
    public SessionLoadOptions withBulkChunkBytes(long bytes) {
        return new SessionLoadOptions(tableName, method, writeBufferBytes, bytes, stagingFolder, progressInterval,
                expectedSessions);
    }

    /** These options with an explicit bulk-load staging folder. */
    public SessionLoadOptions withStagingFolder(String folder) {
        return new SessionLoadOptions(tableName, method, writeBufferBytes, bulkChunkBytes, Optional.of(folder),
                progressInterval, expectedSessions);
    }

    /** These options with a known input size, for the ETA. */
    public SessionLoadOptions withExpectedSessions(long sessions) {
        return new SessionLoadOptions(tableName, method, writeBufferBytes, bulkChunkBytes, stagingFolder,
                progressInterval,
                sessions);
    }

    /** These options with another progress interval. */
    public SessionLoadOptions withProgressInterval(Duration interval) {
        return new SessionLoadOptions(tableName, method, writeBufferBytes, bulkChunkBytes, stagingFolder, interval,
                expectedSessions);
    }
}
