package io.ecomanalytics.data;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints generation and read + validation figures for a scale (default {@code full}); never asserts. Run with the
 * heap the targets name, e.g.
 * {@code java -Xmx256m -cp <test classpath> io.ecomanalytics.data.DataBenchmark /tmp/full full 42}.
 * CPU seconds are printed next to wall seconds because the machine is shared: wall time measures the neighbours too.
 */
public final class DataBenchmark {

    private DataBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        Path folder = Path.of(arguments.length > 0 ? arguments[0] : "target/benchmark-dataset");
        String scale = arguments.length > 1 ? arguments[1] : "full";
        long seed = arguments.length > 2 ? Long.parseLong(arguments[2]) : GeneratorSpec.DEFAULT_SEED;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "scale %s, seed %d, max heap %d MB, %d processors%n", scale, seed,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        resetPeaks();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        GenerationSummary summary = DatasetGenerator.generate(GeneratorSpec.scale(scale).withSeed(seed), folder,
                ProgressListener.NONE);
        print("generate", summary.bytesWritten(), summary.users() + summary.products() + summary.categories()
                + summary.transactions() + summary.sessions(), System.nanoTime() - wall,
                threads.getCurrentThreadCpuTime() - cpu);

        resetPeaks();
        wall = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        long plainRecords = 0;
        DatasetFiles files = DatasetFiles.open(folder);
        for (EntityType<?> type : new EntityType<?>[] {EntityType.CATEGORIES, EntityType.PRODUCTS, EntityType.USERS,
                EntityType.TRANSACTIONS, EntityType.SESSIONS}) {
            try (RecordStream<?> records = files.records(type)) {
                while (records.hasNext()) {
                    records.next();
                    plainRecords++;
                }
            }
        }
        print("read (no validation)", summary.bytesWritten(), plainRecords, System.nanoTime() - wall,
                threads.getCurrentThreadCpuTime() - cpu);

        resetPeaks();
        wall = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        ValidationReport report = DatasetValidator.validate(folder, RejectSink.DISCARD);
        print("read + validate", summary.bytesWritten(), report.read(), System.nanoTime() - wall,
                threads.getCurrentThreadCpuTime() - cpu);
        System.out.printf(Locale.ROOT, "validation: read %d, accepted %d, rejected %d, reconciles %s%n",
                report.read(), report.accepted(), report.rejected(), report.reconciles());
        long onDisk = 0;
        for (Path file : files.allFiles()) {
            onDisk += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "dataset: %d files, %.1f MB in %s%n", files.allFiles().size(), onDisk / 1e6,
                folder.toAbsolutePath());
    }

    private static void print(String phase, long bytes, long records, long wallNanos, long cpuNanos) {
        double wallSeconds = wallNanos / 1e9;
        double cpuSeconds = cpuNanos / 1e9;
        System.out.printf(Locale.ROOT, "%-22s %8.1f s wall (%6.1f MB/s, %,9.0f records/s)   %8.1f s CPU (%6.1f MB/s,"
                        + " %,9.0f records/s)   peak heap %4d MB%n", phase, wallSeconds, bytes / 1e6 / wallSeconds,
                records / wallSeconds, cpuSeconds, bytes / 1e6 / cpuSeconds, records / cpuSeconds, peakHeap() >> 20);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the peak heap (pools peak at different moments). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
