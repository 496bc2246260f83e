package io.ecomanalytics.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The committed test datasets that the tests of every module load. */
public final class TestDatasets {

    /** The files of the committed {@code tiny} dataset (scale tiny, seed 42). */
    public static final List<String> TINY_FILES = List.of("users.json", "products.json", "categories.json",
            "transactions.json", "sessions_0.json", "sessions_1.json");

    private TestDatasets() {
    }

    /**
     * Copies the committed {@code tiny} dataset into {@code folder} (created if needed) and returns it: a resource
     * inside a jar is not a readable folder.
     */
    public static Path copyTiny(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : TINY_FILES) {
                try (InputStream input = TestDatasets.class.getResourceAsStream("/datasets/tiny/" + name)) {
                    if (input == null) {
                        throw new IllegalStateException("Resource /datasets/tiny/" + name + " is missing from the "
                                + "class path; add the testing module as a test dependency");
                    }
                    Files.copy(input, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the tiny dataset into " + folder, e);
        }
    }

    /** Deletes a folder and everything in it, e.g. a dataset a benchmark generated; nothing when it is absent. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
