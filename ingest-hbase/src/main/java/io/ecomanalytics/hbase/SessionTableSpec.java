package io.ecomanalytics.hbase;

import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.User;
import io.ecomanalytics.data.ValidatingDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.io.compress.Compression;

/**
 * The shape of a session table: its name, where its regions split, and its compression.
 *
 * <p>Regions split by user id: each split point is a user id, so all sessions of one user live in one region and a
 * per-user scan touches one region. The default compression is {@link Compression.Algorithm#LZ4}: HBase 2.6 on
 * Hadoop 3.4 compresses LZ4 through lz4-java, which falls back to pure Java when no native library is present, and it
 * is several times faster than GZ on write. {@link Compression.Algorithm#GZ} (the JDK's zlib alone) is the fallback
 * where lz4-java is not on the class path; ZSTD, BZIP2, LZO and BROTLI need native code or extra jars.
 *
 * @param tableName    the table, e.g. {@code ecommerce:user_sessions}
 * @param splitUserIds the first user id of every region but the first, strictly increasing; empty for one region
 * @param compression  the compression of every family
 */
public record SessionTableSpec(TableName tableName, List<String> splitUserIds, Compression.Algorithm compression) {

    /** The table's name when none is given. */
    public static final String DEFAULT_TABLE = "ecommerce:user_sessions";

    public SessionTableSpec {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(compression, "compression");
        splitUserIds = List.copyOf(splitUserIds);
        for (int i = 1; i < splitUserIds.size(); i++) {
            if (splitUserIds.get(i - 1).compareTo(splitUserIds.get(i)) >= 0) {
                throw new IllegalArgumentException("Split user ids must increase strictly, but '"
                        + splitUserIds.get(i - 1) + "' is followed by '" + splitUserIds.get(i) + "'");
            }
        }
    }

    /**
     * A table split into {@code regionCount} regions holding about the same number of the given users each.
     *
     * @throws IllegalArgumentException if {@code regionCount} is below 1 or above the number of distinct users
     */
    public static SessionTableSpec forUsers(String tableName, Collection<String> userIds, int regionCount) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(userIds));
        if (regionCount < 1 || (regionCount > 1 && regionCount > sorted.size())) {
            throw new IllegalArgumentException("Cannot split " + sorted.size() + " distinct users into " + regionCount
                    + " regions; ask for 1 to " + Math.max(1, sorted.size()) + " regions");
        }
        List<String> splits = new ArrayList<>(regionCount - 1);
        for (int region = 1; region < regionCount; region++) {
            splits.add(sorted.get((int) ((long) region * sorted.size() / regionCount)));
        }
        return new SessionTableSpec(TableName.valueOf(tableName), splits, Compression.Algorithm.LZ4);
    }

    /**
     * A table split for the dataset's user ids {@code user_000001 ... user_<userCount>} (the generator's format),
     * without reading any file.
     */
    public static SessionTableSpec forUserNumbers(String tableName, int userCount, int regionCount) {
        List<String> users = new ArrayList<>(userCount);
        for (int number = 1; number <= userCount; number++) {
            users.add(String.format("user_%06d", number));
        }
        return forUsers(tableName, users, regionCount);
    }

    /**
     * A table split by the ids of the accepted users in the dataset's {@code users.json}; records the validation
     * rejects (a missing id, for one) are left out here and reported by the loaders.
     */
    public static SessionTableSpec forDataset(String tableName, Path datasetFolder, int regionCount) {
        List<String> users = new ArrayList<>();
        try (RecordStream<User> stream = ValidatingDataset.open(datasetFolder, RejectSink.DISCARD).users()) {
            stream.forEachRemaining(user -> users.add(user.userId()));
        }
        return forUsers(tableName, users, regionCount);
    }

    /** This spec with another compression. */
    public SessionTableSpec withCompression(Compression.Algorithm algorithm) {
        return new SessionTableSpec(tableName, splitUserIds, algorithm);
    }

    /** The number of regions the table starts with. */
    public int regionCount() {
        return splitUserIds.size() + 1;
    }
}
