package io.ecomanalytics.runner;

import static io.ecomanalytics.runner.CommandLineProcessIT.assertNoJavaInternals;
import static io.ecomanalytics.runner.CommandLineProcessIT.assertNoStackTrace;
import static io.ecomanalytics.runner.CommandLineProcessIT.commandErrorLines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store DIR} as a user meets it, each command a JVM of its own ({@link CommandProcess}): a run loads the
 * kept stores, a second run on the same dataset skips both loads and gives the same results, a run killed while it
 * loads another dataset leaves the store to be opened again, and the next run replaces what the killed one left and
 * reconciles its counts with the dataset's files.
 */
class PersistentStoreProcessIT {
    private static final Duration RUN = Duration.ofMinutes(5);
    private static final Duration QUICK = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MONGO_FILES = List.of("users.json", "products.json", "categories.json",
            "transactions.json");
    /** The analytics that time themselves; every other CSV must be the same from run to run. */
    private static final String TIMED_TABLE = "recommendation_metrics";

    @TempDir
    Path temp;

    @Test
    void aKeptStoreSkipsTheSameDatasetAndRecoversFromAProcessKilledWhileItLoaded() throws IOException {
        Path tiny = TestDatasets.copyTiny(temp.resolve("tiny"));
        Path store = temp.resolve("store");

        CommandProcess.Result first = run(tiny, store, temp.resolve("first"));
        assertThat(first.out()).as(first.printed()).doesNotContain("skipped")
                .containsPattern("(?m)^load-mongo\\s+175\\s+175\\s+0\\s")
                .contains("(embedded, kept in " + store.resolve("mongodb") + ")");
        assertThat(store.resolve("mongodb.dataset")).isRegularFile();
        assertThat(store.resolve("hbase.dataset")).hasSameTextualContentAs(store.resolve("mongodb.dataset"));
        String tinyFingerprint = Files.readString(store.resolve("mongodb.dataset"));

        CommandProcess.Result second = run(tiny, store, temp.resolve("second"));
        List<String> notices = second.out().lines().filter(line -> line.startsWith("Store ")).toList();
        assertThat(notices).as(second.printed()).hasSize(1).first().asString()
                .matches("Store " + store + ": load-mongo, load-hbase skipped \\(the store already holds dataset"
                        + " [0-9a-f]{12}\\)");
        assertThat(second.out()).containsPattern("(?m)^load-mongo\\s+skipped: the store already holds dataset")
                .containsPattern("(?m)^load-hbase\\s+skipped: the store already holds dataset");
        assertThat(csvTables(temp.resolve("second"))).isEqualTo(csvTables(temp.resolve("first")));

        // Another, larger dataset: the run is killed while its sessions load into HBase.
        Path larger = temp.resolve("larger");
        CommandProcess.Result generate = CommandProcess.run(QUICK, "generate", "--scale", "tiny", "--transactions",
                "3000", "--sessions", "20000", "--out", larger.toString());
        assertThat(generate.exitCode()).as(generate.printed()).isZero();
        try (CommandProcess killed = CommandProcess.start("run", "--data", larger.toString(), "--store",
                store.toString(), "--out", temp.resolve("killed").toString())) {
            killed.awaitErrorLine("the load-hbase stage starting", line -> line.endsWith("load-hbase: started"),
                    RUN);
            CommandProcess.Result result = killed.killNow();
            assertThat(result.out()).as(result.printed()).isEmpty();
        }
        assertThat(store.resolve("hbase.dataset")).as("HBase's load was cut short: no fingerprint").doesNotExist();
        assertThat(Files.readString(store.resolve("mongodb.dataset"))).as("MongoDB holds the larger dataset")
                .isNotEqualTo(tinyFingerprint);

        CommandProcess.Result recovered = run(tiny, store, temp.resolve("recovered"));
        assertThat(recovered.out()).as(recovered.printed()).doesNotContain("skipped")
                .containsPattern("(?m)^load-hbase\\s+100\\s+100\\s+0\\s");
        JsonNode summary = JSON.readTree(temp.resolve("recovered").resolve("run-summary.json").toFile());
        for (String file : MONGO_FILES) {
            String collection = file.substring(0, file.indexOf('.'));
            JsonNode load = summary.at("/mongo_load/" + collection);
            long stored = load.get("inserted").asLong() + load.get("updated").asLong() + load.get("unchanged").asLong();
            assertThat(load.get("read").asLong()).as(collection).isEqualTo(JsonReference.records(tiny.resolve(file)))
                    .isEqualTo(stored + load.get("rejected").asLong());
        }
        JsonNode sessions = summary.get("hbase_load");
        assertThat(sessions.get("read").asLong()).isEqualTo(JsonReference.records(tiny.resolve("sessions_0.json"))
                + JsonReference.records(tiny.resolve("sessions_1.json")))
                .isEqualTo(sessions.get("written").asLong() + sessions.get("rejected").asLong());
        // The larger dataset's records are gone: the results are the first run's.
        assertThat(csvTables(temp.resolve("recovered"))).isEqualTo(csvTables(temp.resolve("first")));
    }

    @Test
    void aStoreInUseByAnotherCommandIsOneLineSayingSoWithExitCodeOne() throws IOException {
        Path store = temp.resolve("busy");
        Files.createDirectories(store);
        try (FileChannel channel = FileChannel.open(store.resolve("store.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            CommandProcess.Result load = CommandProcess.run(QUICK, "load-mongo", "--data",
                    TestDatasets.copyTiny(temp.resolve("tiny")).toString(), "--store", store.toString());

            assertThat(load.exitCode()).as(load.printed()).isEqualTo(ExitCodes.FAILED);
            assertThat(load.out()).isEmpty();
            assertThat(commandErrorLines(load)).as(load.printed()).first().isEqualTo("error: The store " + store
                    + " is in use by another command; wait for it to end, or give --store another folder.");
            assertNoJavaInternals(load.err());
        }
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneLineSayingToDeleteItWithExitCodeOne() throws IOException {
        Path store = temp.resolve("damaged");
        Files.createDirectories(store.resolve("mongodb"));
        Files.writeString(store.resolve("mongodb").resolve("mongodb.mv.db"), "not an H2 file ".repeat(400));

        CommandProcess.Result load = CommandProcess.run(QUICK, "load-mongo", "--data",
                TestDatasets.copyTiny(temp.resolve("tiny")).toString(), "--store", store.toString());

        assertThat(load.exitCode()).as(load.printed()).isEqualTo(ExitCodes.FAILED);
        assertThat(load.out()).isEmpty();
        assertThat(commandErrorLines(load)).as(load.printed()).first().asString()
                .startsWith("error: Cannot open the MongoDB kept in the store " + store + " (")
                .endsWith("delete " + store + " and run again, and the dataset is loaded afresh.");
        assertNoJavaInternals(load.err());
    }

    private static CommandProcess.Result run(Path dataset, Path store, Path out) {
        CommandProcess.Result result = CommandProcess.run(RUN, "run", "--data", dataset.toString(), "--store",
                store.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertNoStackTrace(result.err());
        return result;
    }

    /** Every CSV result but the timed one, as its sorted lines (Spark writes rows in no fixed order). */
    private static Map<String, List<String>> csvTables(Path results) throws IOException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Stream<Path> folders = Files.list(results.resolve("csv"))) {
            for (Path folder : folders.filter(path -> !path.getFileName().toString().equals(TIMED_TABLE)).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<String> lines = new ArrayList<>();
                    for (Path csv : files.filter(path -> path.toString().endsWith(".csv")).toList()) {
                        lines.addAll(Files.readAllLines(csv));
                    }
                    tables.put(folder.getFileName().toString(), lines.stream().sorted().toList());
                }
            }
        }
        assertThat(tables).isNotEmpty();
        return tables;
    }
}
