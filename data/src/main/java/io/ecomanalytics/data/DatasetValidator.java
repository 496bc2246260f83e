package io.ecomanalytics.data;

import java.nio.file.Path;

/** Validates a whole dataset folder in one call; to load only the accepted records, use {@link ValidatingDataset}. */
public final class DatasetValidator {

    private DatasetValidator() {
    }

    /**
     * Reads every file of the dataset in {@code folder} through the rules, sending rejects to {@code sink}.
     *
     * @throws DatasetFormatException if a file is not a readable JSON array
     */
    public static ValidationReport validate(Path folder, RejectSink sink) {
        return ValidatingDataset.open(folder, sink).validateAll();
    }
}
