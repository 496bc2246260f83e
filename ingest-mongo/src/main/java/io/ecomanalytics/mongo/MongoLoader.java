package io.ecomanalytics.mongo;

import io.ecomanalytics.data.BackgroundBatches;
import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.FileCounts;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.ValidatingDataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a dataset folder into MongoDB: categories, products, users, then transactions (referenced before
 * referencing). Records stream from the data module's validating reader and are mapped and BSON-encoded on a thread
 * of their own, so that preparing overlaps writing (a few batches in memory at a time); rejected records are counted
 * by rule and never sent; accepted
 * ones are written in unordered bulk batches, idempotently by {@code _id} (insert, then replace what already
 * existed), so a reload, or a re-run after a failure, leaves exactly one document per record.
 *
 * <p>Obtain one from {@link MongoStore#loader(MongoLoadOptions)}.
 */
public final class MongoLoader {
    private static final Logger LOG = LoggerFactory.getLogger(MongoLoader.class);

    private final MongoStore store;
    private final MongoLoadOptions options;

    MongoLoader(MongoStore store, MongoLoadOptions options) {
        this.store = store;
        this.options = options;
    }

    /**
     * Loads the dataset in {@code folder} (see {@link DatasetFiles#open(Path)}); rejected records are counted in the
     * report and not kept.
     */
    public MongoLoadReport load(Path folder) {
        return load(DatasetFiles.open(folder), RejectSink.DISCARD);
    }

    /**
     * Loads the dataset's categories, products, users and transactions (sessions belong in HBase), each record
     * through the data module's validation; rejected records go to {@code rejects} and are counted by rule.
     *
     * @throws MongoLoadException if the server stays unreachable through the retries or refuses a whole batch
     * @throws io.ecomanalytics.data.DatasetFormatException if a file is not a readable JSON array
     */
    public MongoLoadReport load(DatasetFiles dataset, RejectSink rejects) {
        long start = System.nanoTime();
        LOG.info("Loading {} into MongoDB at {} (database {}), batches of {}", dataset.folder(),
                store.settings().maskedUri(), store.settings().database(), options.batchSize());
        RejectCounter counter = new RejectCounter(dataset, rejects);
        ValidatingDataset validating = ValidatingDataset.of(dataset, counter);
        List<CollectionLoadReport> reports = new ArrayList<>();
        reports.add(load(dataset, validating, counter, EntityType.CATEGORIES, MongoCollectionName.CATEGORIES,
                Documents::category));
        reports.add(load(dataset, validating, counter, EntityType.PRODUCTS, MongoCollectionName.PRODUCTS,
                Documents::product));
        reports.add(load(dataset, validating, counter, EntityType.USERS, MongoCollectionName.USERS,
                Documents::user));
        reports.add(load(dataset, validating, counter, EntityType.TRANSACTIONS, MongoCollectionName.TRANSACTIONS,
                Documents::transaction));
        MongoLoadReport report = new MongoLoadReport(reports, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("Loaded {} in {} ms: read {}, inserted {}, updated {}, unchanged {}, rejected {}, failed {}",
                dataset.folder(), report.elapsed().toMillis(), report.read(), report.inserted(), report.updated(),
                report.unchanged(), report.rejected(), report.failed());
        return report;
    }

    private <T> CollectionLoadReport load(DatasetFiles dataset, ValidatingDataset validating, RejectCounter rejects,
                                          EntityType<T> type, MongoCollectionName name,
                                          Function<T, Document> mapper) {
        long start = System.nanoTime();
        long expected = RecordCounter.count(dataset.files(type));
        BatchWriter writer = new BatchWriter(name, store.collection(name), options, store.settings().maskedUri());
        Progress progress = new Progress(name, expected, start);
        try (BackgroundBatches<T, RawBsonDocument> batches = new BackgroundBatches<>(
                "mongo-loader-" + name.collectionName(), () -> validating.accepted(type),
                record -> RawDocuments.encode(mapper.apply(record)), options.batchSize())) {
            for (BackgroundBatches.Batch<RawBsonDocument> batch = batches.next(); batch != null;
                    batch = batches.next()) {
                writer.write(batch.items());
                progress.update(batch.consumed());
            }
        }
        long read = validating.report().files().stream().filter(file -> file.entity().equals(type.name()))
                .mapToLong(FileCounts::read).sum();
        CollectionLoadReport report = new CollectionLoadReport(name, read, writer.inserted(), writer.updated(),
                writer.unchanged(), rejects.rejectedByRule(type), writer.failed(), writer.failures(),
                progress.elapsed());
        progress.finish(report);
        return report;
    }

    /** Rate, ETA and the rate-limited progress log of one collection. */
    private final class Progress {
        private final MongoCollectionName name;
        private final long expected;
        private final long start;
        private long lastLog;

        Progress(MongoCollectionName name, long expected, long start) {
            this.name = name;
            this.expected = expected;
            this.start = start;
            this.lastLog = start;
        }

        void update(long processed) {
            long now = System.nanoTime();
            Duration elapsed = Duration.ofNanos(now - start);
            double rate = processed / Math.max(1e-9, elapsed.toNanos() / 1e9);
            LoadProgress progress = new LoadProgress(name, processed, expected, rate, elapsed);
            if (now - lastLog >= options.progressInterval().toNanos()) {
                lastLog = now;
                LOG.info("{}: {} of {} records ({}), {} docs/s, ETA {}", name, processed,
                        expected < 0 ? "?" : expected, percent(processed), Math.round(rate),
                        progress.estimatedTimeLeft().filter(eta -> expected >= 0).map(MongoLoader::clock)
                                .orElse("unknown"));
            }
            options.progressListener().onProgress(progress);
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        void finish(CollectionLoadReport report) {
            LOG.info("{}: read {}, inserted {}, updated {}, unchanged {}, rejected {}, failed {} in {} ms ({} docs/s)",
                    name, report.read(), report.inserted(), report.updated(), report.unchanged(), report.rejected(),
                    report.failed(), report.elapsed().toMillis(), Math.round(report.recordsPerSecond()));
        }

        private String percent(long processed) {
            return expected <= 0 ? "?%" : String.format("%.1f%%", 100.0 * processed / expected);
        }
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
