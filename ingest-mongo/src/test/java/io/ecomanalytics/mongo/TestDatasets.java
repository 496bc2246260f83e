package io.ecomanalytics.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The datasets the tests load. */
final class TestDatasets {
    private static Path tiny;

    private TestDatasets() {
    }

    /**
     * The committed {@code tiny} dataset (module {@code testing}), copied out of its jar once per test JVM into a
     * temporary folder that is deleted on exit.
     */
    static synchronized Path tiny() {
        if (tiny == null) {
            Path folder = temporaryFolder("tiny");
            tiny = io.ecomanalytics.testing.TestDatasets.copyTiny(folder);
        }
        return tiny;
    }

    /** A fresh copy of {@code tiny} to alter. */
    static Path copyOfTiny() {
        return io.ecomanalytics.testing.TestDatasets.copyTiny(temporaryFolder("tiny-copy"));
    }

    private static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory("ingest-mongo-" + prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // best effort: the folder is under the temporary directory anyway
        }
    }
}
