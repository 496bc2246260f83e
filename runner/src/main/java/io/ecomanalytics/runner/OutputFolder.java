package io.ecomanalytics.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The results folder of a run, on any Hadoop filesystem ({@code file:}, {@code hdfs://}, {@code s3a://}, ...), so that
 * Spark's executors write their part files where every machine of a cluster can reach them, never into a path that
 * exists only on the driver.
 *
 * <p>A run writes into a staging folder beside the target and swaps it in only when the run succeeded, so the target
 * always holds one whole run: the previous one or the new one, never a mixture or a half-written one. Spark writes
 * into the staging folder directly ({@link #sparkPath}); the files the driver writes itself (charts, report, summary,
 * rejects) go to {@link #driverFiles()}, which is the staging folder itself when the target is local and a local
 * temporary folder, uploaded at {@link #commit()}, when it is not. The swap is two renames: atomic on a local disk and
 * on HDFS; on object stores (S3) a rename is a copy, so a reader may see the folder appear file by file.
 */
final class OutputFolder {
    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    private final FileSystem fileSystem;
    private final org.apache.hadoop.fs.Path target;
    private final org.apache.hadoop.fs.Path staging;
    private final Path driverFiles;
    private final boolean local;

    private OutputFolder(FileSystem fileSystem, org.apache.hadoop.fs.Path target, org.apache.hadoop.fs.Path staging,
            Path driverFiles, boolean local) {
        this.fileSystem = fileSystem;
        this.target = target;
        this.staging = staging;
        this.driverFiles = driverFiles;
        this.local = local;
    }

    /**
     * The results location a user typed: a URI with a scheme ({@code hdfs://namenode/results},
     * {@code file:/data/results}), or a local path, relative to the working directory.
     */
    static URI location(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The results folder is empty; give a path or a URI such as "
                    + "hdfs://namenode:8020/ecom/results");
        }
        URI uri = URI_SCHEME.matcher(value).matches() ? URI.create(value).normalize()
                : Path.of(value).toAbsolutePath().normalize().toUri();
        // Hadoop's Path drops a trailing slash, which java.nio adds to the URI of an existing folder.
        return new org.apache.hadoop.fs.Path(uri.toString()).toUri();
    }

    /** The location as people read it: a plain path for a local folder, the URI otherwise. */
    static String display(URI location) {
        return isLocal(location) ? Path.of(location).toString() : location.toString();
    }

    /** The location {@code child} inside {@code parent}. */
    static URI child(URI parent, String child) {
        return new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(parent), child).toUri();
    }

    /**
     * A fresh staging folder beside {@code target}, on the same filesystem (so that the final renames stay on it).
     *
     * @param hadoop the configuration that reaches the filesystem (Spark's, so that {@code spark.hadoop.*}
     *     settings such as S3 credentials apply)
     */
    static OutputFolder prepare(URI target, Configuration hadoop) {
        org.apache.hadoop.fs.Path targetPath = new org.apache.hadoop.fs.Path(target.toString());
        try {
            FileSystem fileSystem = targetPath.getFileSystem(hadoop);
            // The checksummed local filesystem would leave .crc files beside the driver's own files.
            FileSystem raw = fileSystem instanceof LocalFileSystem checksummed ? checksummed.getRaw() : fileSystem;
            org.apache.hadoop.fs.Path qualified = raw.makeQualified(targetPath);
            if (qualified.getParent() == null) {
                throw new IllegalArgumentException("The results folder " + target + " is the root of its "
                        + "filesystem; give a folder inside it, e.g. " + child(target, "ecom-results"));
            }
            org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(qualified.getParent(),
                    "." + qualified.getName() + ".staging-" + UUID.randomUUID());
            if (!raw.mkdirs(staging)) {
                throw new IOException("mkdirs returned false");
            }
            boolean local = isLocal(qualified.toUri());
            Path driverFiles = local ? Path.of(staging.toUri()) : Files.createTempDirectory("ecom-results-");
            if (local && driverFiles.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(driverFiles, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new OutputFolder(raw, qualified, staging, driverFiles, local);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a staging folder beside " + target + ": " + e.getMessage()
                    + ". Check that its parent folder exists or can be created and is writable.", e);
        }
    }

    /** Whether {@code target} is on the local filesystem (a {@code file:} URI), where the driver needs no Spark. */
    static boolean isLocal(URI target) {
        return "file".equals(target.getScheme());
    }

    /** Where Spark writes the result {@code relative} (e.g. {@code parquet/revenue_by_category}): a qualified URI. */
    String sparkPath(String relative) {
        return new org.apache.hadoop.fs.Path(staging, relative).toString();
    }

    /** Where the driver writes its own files; they end up at the same relative paths in the target. */
    Path driverFiles() {
        return driverFiles;
    }

    /** The folder the results end up in, as a qualified URI. */
    URI target() {
        return target.toUri();
    }

    /**
     * Uploads the driver's files (when the target is not local) and swaps the staging folder in for the target: the
     * old results move aside, the new ones take their name, the old ones are deleted.
     */
    void commit() {
        org.apache.hadoop.fs.Path previous = new org.apache.hadoop.fs.Path(target.getParent(),
                "." + target.getName() + ".previous");
        try {
            if (!local) {
                upload();
            }
            fileSystem.delete(previous, true);
            if (fileSystem.exists(target)) {
                rename(target, previous);
            }
            rename(staging, target);
            fileSystem.delete(previous, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the results from " + staging + " to " + target + ": "
                    + e.getMessage() + (exists(previous) ? "; the previous results are in " + previous : ""), e);
        }
    }

    /** Drops the staging folder of a failed run; the target keeps the previous results. */
    void abandon() {
        try {
            fileSystem.delete(staging, true);
            if (!local) {
                deleteRecursively(driverFiles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the staging folder " + staging + ": " + e.getMessage(), e);
        }
    }

    private void upload() throws IOException {
        try (Stream<Path> files = Files.walk(driverFiles)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = driverFiles.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                fileSystem.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()),
                        new org.apache.hadoop.fs.Path(staging, relative));
            }
        }
        deleteRecursively(driverFiles);
    }

    private void rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
        if (!fileSystem.rename(from, to)) {
            throw new IOException("the filesystem refused to rename " + from + " to " + to);
        }
    }

    private boolean exists(org.apache.hadoop.fs.Path path) {
        try {
            return fileSystem.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
