package io.ecomanalytics.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link DatasetGenerator#generate} wrote.
 *
 * @param folder                the output folder
 * @param files                 the files written, in the order a reader should take them
 * @param users                 users written
 * @param products              products written
 * @param categories            categories written
 * @param transactions          transactions written
 * @param sessionTransactions   of those, transactions from converted sessions
 * @param sessions              sessions written
 * @param bytesWritten          total size of the files
 */
public record GenerationSummary(Path folder, List<Path> files, long users, long products, long categories,
                                long transactions, long sessionTransactions, long sessions, long bytesWritten) {

    public GenerationSummary {
        files = List.copyOf(files);
    }

    /**
     * The summary of a finished generation: the dataset's files in reading order (categories, products, users,
     * transactions, then the session files in the order they were written) with their total size.
     */
    static GenerationSummary of(Path folder, List<Path> written, GeneratorSpec spec, long transactions,
                                long sessionTransactions, long sessions) {
        List<Path> ordered = new ArrayList<>();
        for (String stem : List.of("categories", "products", "users", "transactions")) {
            ordered.add(folder.resolve(stem + ".json"));
        }
        written.stream().filter(path -> path.getFileName().toString().startsWith("sessions_")).forEach(ordered::add);
        return new GenerationSummary(folder, ordered, spec.users(), spec.products(), spec.categories(), transactions,
                sessionTransactions, sessions, DatasetFiles.bytesOf(ordered));
    }
}
