package io.ecomanalytics.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.Transaction;
import io.ecomanalytics.data.ValidatingDataset;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

/**
 * Prints the loader's throughput on the {@code small} and {@code full} transactions next to the driver's ceiling: a
 * bare unordered {@code insertMany} loop of the same documents, built beforehand, into the same server in the same
 * run, with the same batch size. The loader's figure includes everything it does per record (count, parse, validate,
 * map, encode, write). Two more columns split the cost: read + validate + map alone, and unordered bulk upserts of
 * the pre-built documents. The loader encodes BSON on its reading thread, so a last column gives a stricter ceiling
 * too: {@code insertMany} of documents already encoded ({@code RawBsonDocument}), which leaves the writing thread
 * nothing but the copy to the socket.
 *
 * <p>Run from {@code ingest-mongo} after {@code mvn -B -o -q -pl ingest-mongo test-compile
 * dependency:build-classpath -Dmdep.outputFile=/tmp/mongo-cp.txt -Dmdep.includeScope=test}:
 * {@code java -Xmx8g -cp "target/test-classes:target/classes:$(cat /tmp/mongo-cp.txt)"
 * io.ecomanalytics.mongo.MongoLoadBenchmark [scale ...] [--sessions N] [--data DIR]}. Each dataset is measured
 * twice and the table gives the second round, because client and server share the JVM. Sessions are not loaded into
 * MongoDB, so the generated datasets keep few of them ({@code --sessions}, 20,000 by default) to save time and disk;
 * transactions then come mostly from the standalone path. With {@code --data DIR} an existing dataset is measured
 * instead of generating one.
 */
public final class MongoLoadBenchmark {

    private MongoLoadBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        List<String> scales = new ArrayList<>();
        long sessions = 20_000;
        Path data = null;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--sessions" -> sessions = Long.parseLong(arguments[++i]);
                case "--data" -> data = Path.of(arguments[++i]);
                default -> scales.add(arguments[i]);
            }
        }
        if (scales.isEmpty() && data == null) {
            scales = List.of("small", "full");
        }
        List<String> lines = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start()) {
            MongoSettings settings = MongoSettings.of(server.connectionString(), "benchmark");
            if (data != null) {
                measure(settings, data.getFileName().toString(), data);
                lines.add(measure(settings, data.getFileName().toString(), data));
            }
            for (String scale : scales) {
                Path folder = Files.createTempDirectory("mongo-benchmark-" + scale);
                GeneratorSpec spec = GeneratorSpec.scale(scale).withSessions(sessions);
                long start = System.nanoTime();
                DatasetGenerator.generate(spec, folder, ProgressListener.NONE);
                System.out.printf("generated %s (%,d transactions, %,d sessions) in %.1f s into %s%n", scale,
                        spec.transactions(), spec.sessions(), (System.nanoTime() - start) / 1e9, folder);
                // Client and server share this JVM, and the first round at a scale runs colder (JIT, heap sizing)
                // for whichever of loader and ceiling comes first: warm up at each scale.
                System.out.println("warm-up round on " + scale + " (not in the table)");
                measure(settings, scale, folder);
                lines.add(measure(settings, scale, folder));
                deleteFolder(folder);
            }
        }
        System.out.println();
        System.out.printf("%-8s %12s %14s %14s %16s %18s %8s %18s %8s%n", "dataset", "transactions",
                "loader docs/s", "parse+map /s", "bulk upsert /s", "insertMany docs/s", "ratio", "encoded insert /s",
                "ratio");
        lines.forEach(System.out::println);
    }

    private static String measure(MongoSettings settings, String name, Path folder) {
        MongoLoadOptions options = MongoLoadOptions.defaults();
        double loaderRate;
        long transactions;
        try (MongoStore store = MongoStore.connect(settings)) {
            store.database().drop();
            store.createSchema();
            long cpuBefore = processCpuNanos();
            MongoLoadReport report = store.loader(options).load(folder);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            CollectionLoadReport loaded = report.collection(MongoCollectionName.TRANSACTIONS);
            transactions = loaded.read();
            loaderRate = loaded.recordsPerSecond();
            System.out.printf("%s loader: %,d transactions in %.2f s = %,.0f docs/s (inserted %,d, rejected %,d);"
                            + " all four collections: %.2f s wall, %.2f s CPU%n", name, transactions,
                    loaded.elapsed().toNanos() / 1e9, loaderRate, loaded.inserted(), loaded.rejected(),
                    report.elapsed().toNanos() / 1e9, cpuSeconds);
            store.database().drop();
        }
        long parseStart = System.nanoTime();
        List<Document> documents = new ArrayList<>((int) transactions);
        ValidatingDataset validating = ValidatingDataset.open(folder, RejectSink.DISCARD);
        try (RecordStream<Transaction> records = validating.transactions()) {
            // Times the transactions only: the first call above validated users and products, as the loader did.
            parseStart = System.nanoTime();
            records.forEachRemaining(transaction -> documents.add(Documents.transaction(transaction)));
        }
        double parseRate = documents.size() / ((System.nanoTime() - parseStart) / 1e9);
        System.out.printf("%s read + validate + map only: %,.0f docs/s%n", name, parseRate);

        List<RawBsonDocument> encoded = new ArrayList<>(documents.size());
        Codec<Document> codec = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
        documents.forEach(document -> encoded.add(new RawBsonDocument(document, codec)));
        double upsertRate = timeWrites(settings, name + " bulk upserts (encoded)", encoded, options,
                (collection, batch) -> collection.bulkWrite(BatchWriter.upserts(batch),
                        new BulkWriteOptions().ordered(false)));
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        double ceilingRate = timeWrites(settings, name + " insertMany", documents, options,
                (collection, batch) -> collection.insertMany(batch, unordered));
        double encodedRate = timeWrites(settings, name + " insertMany (encoded)", encoded, options,
                (collection, batch) -> collection.insertMany(batch, unordered));
        return String.format("%-8s %,12d %,14.0f %,14.0f %,16.0f %,18.0f %7.0f%% %,18.0f %7.0f%%", name, transactions,
                loaderRate, parseRate, upsertRate, ceilingRate, 100 * loaderRate / ceilingRate, encodedRate,
                100 * loaderRate / encodedRate);
    }

    /** Writes the pre-built documents in batches into an empty collection and returns documents per second. */
    private static <D> double timeWrites(MongoSettings settings, String label, List<D> documents,
                                         MongoLoadOptions options, BiConsumer<MongoCollection<D>, List<D>> writeBatch) {
        try (MongoStore store = MongoStore.connect(settings)) {
            store.database().drop();
            store.createSchema();
            @SuppressWarnings("unchecked")
            Class<D> documentClass = (Class<D>) documents.get(0).getClass();
            MongoCollection<D> collection = store.collection(MongoCollectionName.TRANSACTIONS)
                    .withDocumentClass(documentClass).withWriteConcern(options.writeConcern());
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            for (int from = 0; from < documents.size(); from += options.batchSize()) {
                writeBatch.accept(collection,
                        documents.subList(from, Math.min(documents.size(), from + options.batchSize())));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = documents.size() / seconds;
            System.out.printf("%s: %,d transactions = %,.0f docs/s (%.2f s wall, %.2f s CPU)%n", label,
                    documents.size(), rate, seconds, (processCpuNanos() - cpuBefore) / 1e9);
            store.database().drop();
            return rate;
        }
    }

    /** CPU time of this whole JVM: client and in-process server together. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
