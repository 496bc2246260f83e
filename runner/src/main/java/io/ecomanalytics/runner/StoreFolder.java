package io.ecomanalytics.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The folder of {@code --store DIR}: the embedded MongoDB's file ({@code mongodb/}), the in-process HBase's tables
 * ({@code hbase/}) and, for each store, the fingerprint of the dataset it holds ({@code mongodb.dataset},
 * {@code hbase.dataset}). A fingerprint is removed before a load starts and written only after the load completed,
 * so a store whose load was cut short (a killed process) is loaded again. One process at a time uses the folder: it
 * holds a lock on {@code store.lock}, which the operating system releases when the process ends, killed or not.
 */
final class StoreFolder implements AutoCloseable {
    /** The two kept stores. */
    enum Kind {
        MONGODB("mongodb"), HBASE("hbase");

        private final String folderName;

        Kind(String folderName) {
            this.folderName = folderName;
        }
    }

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StoreFolder(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the folder when missing and locks it for this process.
     *
     * @throws IllegalStateException when another process uses the folder, or it cannot be created
     */
    static StoreFolder open(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute);
            channel = FileChannel.open(absolute.resolve("store.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException(inUse(absolute));
            }
            return new StoreFolder(absolute, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new IllegalStateException(inUse(absolute), e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot use " + absolute + " as the store folder: " + e.getMessage()
                    + ". Check that the location is writable, or give --store another folder.", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static String inUse(Path root) {
        return "The store " + root + " is in use by another command; wait for it to end, or give --store another"
                + " folder.";
    }

    Path root() {
        return root;
    }

    /** Where a store keeps its data. */
    Path folder(Kind kind) {
        return root.resolve(kind.folderName);
    }

    /** The fingerprint of the dataset whose load into the store completed last, if any. */
    Optional<DatasetFingerprint> loaded(Kind kind) {
        return DatasetFingerprint.read(fingerprintFile(kind));
    }

    /** Forgets what the store held: called before a load starts, so that a load cut short is done again. */
    void forget(Kind kind) {
        try {
            Files.deleteIfExists(fingerprintFile(kind));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + fingerprintFile(kind) + ": " + e.getMessage(), e);
        }
    }

    /** Records that the store holds the dataset: called once its load completed. */
    void remember(Kind kind, DatasetFingerprint fingerprint) {
        Path file = fingerprintFile(kind);
        Path written = file.resolveSibling(file.getFileName() + ".new");
        fingerprint.write(written);
        try {
            // A fingerprint is either whole or absent, whenever the process stops.
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private Path fingerprintFile(Kind kind) {
        return root.resolve(kind.folderName + ".dataset");
    }

    /** Releases the folder for other processes; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot release the lock of the store " + root, e);
            } finally {
                closeQuietly(lockChannel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; nothing else depends on it.
            }
        }
    }
}
