package io.ecomanalytics.streaming;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.Transaction;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.hbase.SessionUpserts;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.mongo.TransactionUpserts;
import io.ecomanalytics.testing.TestDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * The ceiling the stores put on the live path: how many events per second the two sinks alone take on this machine,
 * with no Kafka and no Spark. A scale's transactions and sessions are parsed once, then written through
 * {@link TransactionUpserts} and {@link SessionUpserts} in batches of the size a micro-batch hands them, into the
 * embedded MongoDB-protocol server and HBase, twice (the second pass overwrites, as a replayed micro-batch does),
 * one store after the other, then both at once as a micro-batch writes them.
 * The stream's own rate can only be lower. Prints figures and never fails on timing.
 *
 * <p>{@code java ... SinkBenchmark [scale] [events per batch]} ({@code small}, 10,000 by default), class path as
 * for {@link StreamBenchmark}.
 */
public final class SinkBenchmark {
    private static final String TABLE = "bench:user_sessions";

    private SinkBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String scale = arguments.length > 0 ? arguments[0] : "small";
        int batch = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 10_000;
        Path dataset = Files.createTempDirectory("sink-bench-");
        try {
            DatasetGenerator.generate(GeneratorSpec.scale(scale), dataset, ProgressListener.NONE);
            List<Transaction> transactions = read(DatasetFiles.open(dataset).transactions());
            List<Session> sessions = read(DatasetFiles.open(dataset).sessions());
            try (EmbeddedMongoServer mongoServer = EmbeddedMongoServer.start();
                    EmbeddedHBase hbase = EmbeddedHBase.start();
                    MongoStore mongo = MongoStore.connect(MongoSettings.of(mongoServer.connectionString()));
                    SessionStore store = SessionStore.connect(hbase.settings(), TABLE)) {
                mongo.createSchema();
                store.createTable(dataset, 4);
                TransactionUpserts transactionSink = TransactionUpserts.into(mongo);
                SessionUpserts sessionSink = SessionUpserts.into(store);
                for (String pass : List.of("first write", "overwrite")) {
                    double transactionSeconds = write(transactions, batch, transactionSink::upsert);
                    double sessionSeconds = write(sessions, batch, sessionSink::upsert);
                    long events = transactions.size() + sessions.size();
                    System.out.printf(Locale.ROOT, "%-11s MongoDB %,d transactions in %.2f s (%,.0f/s); HBase %,d "
                            + "sessions in %.2f s (%,.0f/s); both stores %,.0f events/s%n", pass,
                            transactions.size(), transactionSeconds, transactions.size() / transactionSeconds,
                            sessions.size(), sessionSeconds, sessions.size() / sessionSeconds,
                            events / (transactionSeconds + sessionSeconds));
                }
                // As a micro-batch writes them: both stores at once, one task each.
                long start = System.nanoTime();
                CompletableFuture<Double> mongoWrites = CompletableFuture.supplyAsync(
                        () -> write(transactions, batch, transactionSink::upsert));
                double sessionSeconds = write(sessions, batch, sessionSink::upsert);
                double transactionSeconds = mongoWrites.join();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-11s MongoDB %.2f s and HBase %.2f s side by side: %,d events in "
                        + "%.2f s, %,.0f events/s%n", "at once", transactionSeconds, sessionSeconds,
                        transactions.size() + sessions.size(), seconds,
                        (transactions.size() + sessions.size()) / seconds);
            }
        } finally {
            TestDatasets.delete(dataset);
        }
    }

    private static <T> List<T> read(RecordStream<T> records) throws Exception {
        List<T> all = new ArrayList<>();
        try (records) {
            records.forEachRemaining(all::add);
        }
        return all;
    }

    /** Seconds to write every record in batches of {@code batch}. */
    private static <T> double write(List<T> records, int batch, ToLongFunction<List<T>> sink) {
        long start = System.nanoTime();
        for (int from = 0; from < records.size(); from += batch) {
            sink.applyAsLong(records.subList(from, Math.min(records.size(), from + batch)));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
