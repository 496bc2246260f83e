package io.ecomanalytics.data;

import java.nio.file.Path;
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
}
