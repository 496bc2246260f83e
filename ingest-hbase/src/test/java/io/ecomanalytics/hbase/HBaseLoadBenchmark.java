package io.ecomanalytics.hbase;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.io.compress.Compression;

/**
 * Prints load throughput of both load paths into the in-process HBase, for each dataset scale given.
 *
 * <p>Arguments: {@code [scales (comma-separated, default small)] [dataset root (default /tmp/ecom-bench)]
 * [regions (default 8)] [sessions (default: the scale's; 0 for the scale's)] [methods (comma-separated, default
 * BUFFERED_MUTATOR,BULK_LOAD)]}. A scale's dataset is generated with seed 42 into
 * {@code <root>/<scale>} (or {@code <root>/<scale>-<sessions>}) unless it is there.
 * Figures are wall time on whatever the machine is doing, so each line also gives the CPU time this JVM (client and
 * in-process servers) spent and the system load average; this prints, it never asserts.
 */
public final class HBaseLoadBenchmark {

    private HBaseLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> scales = List.of((args.length > 0 ? args[0] : "small").split(","));
        Path root = Path.of(args.length > 1 ? args[1] : "/tmp/ecom-bench");
        int regions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        long sessionsOverride = args.length > 3 ? Long.parseLong(args[3]) : 0;
        List<LoadMethod> methods = args.length > 4
                ? Stream.of(args[4].split(",")).map(LoadMethod::valueOf).toList()
                : List.of(LoadMethod.values());
        int exitCode = 0;
        try (EmbeddedHBase hbase = EmbeddedHBase.start(); Connection connection = hbase.settings().connect()) {
            for (String scale : scales) {
                GeneratorSpec generator = GeneratorSpec.scale(scale).withSeed(42);
                if (sessionsOverride > 0) {
                    generator = generator.withSessions(sessionsOverride);
                }
                Path dataset = dataset(root.resolve(sessionsOverride > 0 ? scale + "-" + sessionsOverride : scale),
                        generator);
                long inputBytes = sessionBytes(dataset);
                long expected = generator.sessions();
                for (LoadMethod method : methods) {
                    String table = "bench:" + scale + "_" + method.name().toLowerCase();
                    SessionTableSpec spec = SessionTableSpec.forDataset(table, dataset, regions)
                            .withCompression(Compression.Algorithm.LZ4);
                    try (Admin admin = connection.getAdmin()) {
                        SessionTable.drop(admin, spec.tableName());
                        SessionTable.create(admin, spec);
                    }
                    long cpuBefore = processCpuNanos();
                    SessionLoadReport report = SessionLoader.loadDataset(connection, dataset, RejectSink.DISCARD,
                            SessionLoadOptions.defaults(table)
                            .withMethod(method).withExpectedSessions(expected)
                            .withProgressInterval(Duration.ofSeconds(10)));
                    double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                    int regionCount = new SessionQueries(connection, spec.tableName()).countsPerRegion().size();
                    double seconds = report.elapsed().toNanos() / 1e9;
                    System.out.printf("RESULT scale=%s method=%s sessions=%,d written=%,d failed=%d regions=%d "
                                    + "time=%.1fs rows/s=%,.0f cellMB/s=%.1f jsonMB/s=%.1f cpu=%.1fs "
                                    + "rows/cpu-s=%,.0f load-average=%.1f%n",
                            scale, method, report.read(), report.written(), report.failed(), regionCount, seconds,
                            report.rowsPerSecond(), report.megabytesPerSecond(), inputBytes / 1e6 / seconds,
                            cpuSeconds, report.written() / cpuSeconds,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    if (!report.isComplete()) {
                        exitCode = 1;
                    }
                    try (Admin admin = connection.getAdmin()) {
                        SessionTable.drop(admin, spec.tableName());
                    }
                }
            }
        }
        // HBase and ZooKeeper leave non-daemon threads behind; end the JVM explicitly.
        System.exit(exitCode);
    }

    /** CPU time of this whole JVM: client and in-process servers together. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Path dataset(Path folder, GeneratorSpec generator) {
        if (!Files.isRegularFile(folder.resolve("users.json"))) {
            long start = System.nanoTime();
            DatasetGenerator.generate(generator, folder, ProgressListener.NONE);
            System.out.printf("Generated %,d sessions into %s in %.1f s%n", generator.sessions(), folder,
                    (System.nanoTime() - start) / 1e9);
        }
        return folder;
    }

    private static long sessionBytes(Path dataset) throws IOException {
        long bytes = 0;
        for (Path file : DatasetFiles.open(dataset).files(EntityType.SESSIONS)) {
            bytes += Files.size(file);
        }
        return bytes;
    }
}
