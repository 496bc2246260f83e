package io.ecomanalytics.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates a whole dataset with the reference schema and behaviour (DESIGN section 3): a weighted page-flow chain
 * of 4 to 16 pages, 30% add-to-cart on product pages, conversion of sessions that reached checkout with a cart
 * (p = 0.7) into transactions, standalone transactions of 3 sampled products up to the target, a 5/10/15/20%
 * discount on 20% of transactions, stock that never goes negative, price histories.
 *
 * <p>It is deterministic: the same {@link GeneratorSpec} (seed included) gives byte-identical files. It streams:
 * sessions and transactions are written as they are made, and only users, products and categories (small) are held
 * in memory, so memory does not grow with the number of sessions or transactions.
 */
public final class DatasetGenerator {

    private DatasetGenerator() {
    }

    /**
     * Writes {@code users.json}, {@code products.json}, {@code categories.json}, {@code transactions.json} and
     * {@code sessions_0.json} ... into {@code outputFolder} (created if needed; existing files are replaced).
     */
    public static GenerationSummary generate(GeneratorSpec spec, Path outputFolder, ProgressListener progress) {
        try {
            Files.createDirectories(outputFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create output folder " + outputFolder
                    + ": check the path and its permissions", e);
        }
        return switch (spec.behaviour()) {
            case REALISTIC -> new RealisticGenerationRun(spec, outputFolder, progress).run();
            case UNIFORM -> new GenerationRun(spec, outputFolder, progress).run();
        };
    }
}
