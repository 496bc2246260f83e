package io.ecomanalytics.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Results are written into a staging folder beside the target and swapped in only when the run succeeded, so the
 * target folder always holds one whole run: the previous one or the new one, never a mixture or a half-written one.
 */
final class OutputFolder {
    private final Path target;
    private final Path staging;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** A fresh staging folder next to {@code target} (same filesystem, so the final renames are atomic). */
    static OutputFolder prepare(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".staging-");
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // A temporary folder is private; the results folder it becomes is as readable as any other.
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new OutputFolder(absolute, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a staging folder beside " + absolute + ": " + e.getMessage()
                    + ". Check that its parent folder is writable.", e);
        }
    }

    /** Where the stages write. */
    Path staging() {
        return staging;
    }

    /** The folder the results end up in. */
    Path target() {
        return target;
    }

    /** Swaps the staging folder in for the target: the old results move aside, the new ones take their name. */
    void commit() {
        Path previous = target.resolveSibling("." + target.getFileName() + ".previous");
        try {
            deleteRecursively(previous);
            if (Files.exists(target)) {
                move(target, previous);
            }
            move(staging, target);
            deleteRecursively(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the results from " + staging + " to " + target + ": "
                    + e.getMessage() + (Files.exists(previous) ? "; the previous results are in " + previous : ""), e);
        }
    }

    /** Drops the staging folder of a failed run; the target keeps the previous results. */
    void abandon() {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the staging folder " + staging, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
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
