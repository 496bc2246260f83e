package io.ecomanalytics.runner.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecomanalytics.runner.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's cluster jar on a real multi-process Spark standalone cluster: a master and two workers in their own
 * JVMs, a SPARK_HOME assembled from Maven Central by the {@code cluster} profile, the stores served by {@code serve}
 * in another JVM. The analysis is submitted twice through {@code SparkSubmit}, to the cluster and to {@code local[*]};
 * both must write the same results, and the cluster run's tasks must have run in the workers' executor JVMs.
 *
 * <p>Run with {@code mvn -B verify -Pcluster} (the profile builds the jar and SPARK_HOME and sets the properties).
 */
@EnabledIfSystemProperty(named = StandaloneClusterIT.JAR_PROPERTY, matches = ".+",
        disabledReason = "needs the cluster jar and SPARK_HOME: run mvn -B verify -Pcluster")
class StandaloneClusterIT {
    static final String JAR_PROPERTY = "ecom.cluster.jar";
    private static final String SPARK_HOME_PROPERTY = "ecom.cluster.sparkHome";
    private static final String JAVA_OPTIONS_PROPERTY = "ecom.cluster.javaOptions";
    private static final String WORK_PROPERTY = "ecom.cluster.work";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String EMBEDDED_SERVER_PARTITIONER =
            "com.mongodb.spark.sql.connector.read.partitioner.PaginateIntoPartitionsPartitioner";
    private static final int WORKERS = 2;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(12);
    /** Two correct runs may add doubles in another order; everything else must match exactly. */
    private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-9");
    /**
     * The CLV predictions come from a maximum-likelihood fit that stops at its optimiser's tolerance, so an input
     * that differs in its last bit between two runs (a sum of doubles taken in another order) can move them by more
     * than that bit. Measured before the fit took its customer histories in a fixed order (ClvSpark sorts them; they
     * used to arrive in the order the tasks finished): 3.9e-5 at most on the tiny dataset.
     */
    private static final BigDecimal FITTED_RELATIVE_TOLERANCE = new BigDecimal("1e-3");
    private static final Set<String> FITTED_COLUMNS = Set.of("customer_clv.expected_purchases",
            "customer_clv.probability_alive", "customer_clv.expected_average_order_value", "customer_clv.clv",
            // The segment features include the customer's CLV and P(alive): measured 5.6e-6 apart at most.
            "segmentation_metrics.silhouette", "segmentation_metrics.bic");
    /** How long a model took to fit and to evaluate: wall time, not a result, so never the same twice. */
    private static final Set<String> WALL_TIME_COLUMNS = Set.of("recommendation_metrics.fit_seconds",
            "recommendation_metrics.evaluation_seconds");
    private static final Pattern FINISHED_TASK =
            Pattern.compile("Finished task \\S+ in stage \\S+ \\(TID \\d+\\) in \\d+ ms on \\S+ \\(executor (\\S+)\\)");
    private static final Pattern EXECUTOR_PROCESS = Pattern.compile("Started daemon with process name: (\\d+)@");
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar = Path.of(System.getProperty(JAR_PROPERTY, ""));
    private final Path sparkHome = Path.of(System.getProperty(SPARK_HOME_PROPERTY, "target/spark-home"));
    private final List<String> javaOptions = Arrays.stream(System.getProperty(JAVA_OPTIONS_PROPERTY, "").split("\\s+"))
            .filter(option -> !option.isBlank()).toList();
    private final Path work = Path.of(System.getProperty(WORK_PROPERTY, "target/cluster-it")).toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void analysisSubmittedToTheClusterRunsInExecutorJvmsAndMatchesALocalRun() throws IOException {
        assertThat(jar).as("the cluster jar built by the cluster profile").isRegularFile();
        assertThat(sparkHome.resolve("jars")).as("SPARK_HOME/jars assembled by the cluster profile").isDirectory();
        deleteRecursively(work);
        Files.createDirectories(sparkHome.resolve("conf"));
        long started = System.nanoTime();
        Map<String, String> timings = new LinkedHashMap<>();
        ChildProcesses processes = new ChildProcesses(work.resolve("logs"), sparkEnvironment());
        try (processes) {
            int masterPort = freePort();
            int masterWebPort = freePort();
            String masterUrl = "spark://" + LOOPBACK + ":" + masterPort;
            processes.start("serve", java(testClasspath(), "-Xmx1g", "io.ecomanalytics.runner.Main", "serve",
                    "--scale", "tiny"));
            processes.start("master", java(sparkClasspath(), "-Xmx256m", "org.apache.spark.deploy.master.Master",
                    "--host", LOOPBACK, "--port", Integer.toString(masterPort),
                    "--webui-port", Integer.toString(masterWebPort)));
            for (int worker = 1; worker <= WORKERS; worker++) {
                Path workerFolder = Files.createDirectories(work.resolve("worker-" + worker));
                processes.start("worker-" + worker, java(sparkClasspath(), "-Xmx256m",
                        "org.apache.spark.deploy.worker.Worker", "--host", LOOPBACK, "--cores", "1", "--memory", "1g",
                        "--webui-port", Integer.toString(freePort()), "--work-dir", workerFolder.toString(),
                        masterUrl));
            }
            Polling.until(WORKERS + " alive workers at the master", START_TIMEOUT, () -> {
                processes.requireAlive("master");
                return masterState(masterWebPort).filter(state -> state.path("aliveworkers").asInt() == WORKERS);
            }, () -> processes.logTail("master") + "\n" + processes.logTail("worker-1"));
            timings.put("master and workers up", seconds(started));
            Map<String, String> stores = Polling.until("'ready' from serve", START_TIMEOUT, () -> {
                processes.requireAlive("serve");
                return servedAddresses(processes.log("serve"));
            }, () -> processes.logTail("serve"));
            timings.put("stores up and loaded", seconds(started));

            long local = System.nanoTime();
            Path localOut = work.resolve("out-local");
            processes.start("driver-local", submit("local[*]", stores, localOut));
            assertThat(processes.awaitExit("driver-local", ANALYSIS_TIMEOUT))
                    .as("exit code of the local[*] analysis; %s", processes.logTail("driver-local")).isZero();
            timings.put("local[*] analysis", seconds(local));

            long cluster = System.nanoTime();
            Path clusterOut = work.resolve("out-cluster");
            Process driver = processes.start("driver-cluster", submit(masterUrl, stores, clusterOut));
            // Listed once both executor JVMs have finished tasks, so that their memory figures mean something.
            String processList = Polling.until("two executor JVMs under the workers, both with finished tasks",
                    ANALYSIS_TIMEOUT, () -> {
                        processes.requireAlive("driver-cluster");
                        Map<Long, ProcessHandle> tree = processes.tree();
                        long executors = tree.values().stream().filter(StandaloneClusterIT::isExecutor).count();
                        return executors == WORKERS && tasksByExecutor(processes.log("driver-cluster")).size() == WORKERS
                                ? Optional.of(ProcessList.describe(tree)) : Optional.empty();
                    }, () -> processes.logTail("driver-cluster"));
            assertThat(processes.awaitExit("driver-cluster", ANALYSIS_TIMEOUT))
                    .as("exit code of the cluster analysis; %s", processes.logTail("driver-cluster")).isZero();
            timings.put("cluster analysis", seconds(cluster));
            report(processList, timings);
            LOG.info("Process list of the cluster run:\n{}", processList);

            assertTasksRanInExecutorJvms(processes, driver.pid());
            assertThat(tasksByExecutor(processes.log("driver-local")).keySet())
                    .as("the local[*] run is the reference: its tasks ran in the driver").containsExactly("driver");
            assertSameResults(localOut.resolve("csv"), clusterOut.resolve("csv"));
        } finally {
            timings.put("whole test", seconds(started));
            LOG.info("Timings: {}", timings);
        }
        ChildProcesses.write(work.resolve("cluster-run.txt"),
                Files.readString(work.resolve("cluster-run.txt"), StandardCharsets.UTF_8)
                        + String.format("  %-24s %s%n", "whole test", timings.get("whole test")));
        assertThat(processes.stillAlive()).as("processes the test started, still alive after it stopped them")
                .isEmpty();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void assertTasksRanInExecutorJvms(ChildProcesses processes, long driverPid) throws IOException {
        Map<String, Long> tasks = tasksByExecutor(processes.log("driver-cluster"));
        assertThat(tasks.keySet()).as("executors that finished tasks, from the driver's log (task counts %s)", tasks)
                .containsExactlyInAnyOrder("0", "1");
        Set<Long> executorPids = new TreeSet<>();
        for (int worker = 1; worker <= WORKERS; worker++) {
            List<Path> stderrFiles;
            try (Stream<Path> files = Files.walk(work.resolve("worker-" + worker))) {
                stderrFiles = files.filter(file -> file.getFileName().toString().equals("stderr")).toList();
            }
            assertThat(stderrFiles).as("executor logs under the work folder of worker-%d", worker).hasSize(1);
            String executorLog = Files.readString(stderrFiles.get(0), StandardCharsets.UTF_8);
            assertThat(executorLog).as("%s", stderrFiles.get(0)).contains("Running task");
            Matcher process = EXECUTOR_PROCESS.matcher(executorLog);
            assertThat(process.find()).as("the executor's PID in %s", stderrFiles.get(0)).isTrue();
            executorPids.add(Long.parseLong(process.group(1)));
        }
        assertThat(executorPids).as("executor PIDs").hasSize(WORKERS)
                .doesNotContain(driverPid, ProcessHandle.current().pid());
    }

    private static Map<String, Long> tasksByExecutor(Path driverLog) {
        Map<String, Long> tasks = new TreeMap<>();
        String log;
        try {
            log = Files.readString(driverLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the driver's log " + driverLog + ": " + e.getMessage(), e);
        }
        Matcher matcher = FINISHED_TASK.matcher(log);
        while (matcher.find()) {
            tasks.merge(matcher.group(1), 1L, Long::sum);
        }
        return tasks;
    }

    private static void assertSameResults(Path localCsv, Path clusterCsv) throws IOException {
        Set<String> analytics = folderNames(localCsv);
        assertThat(analytics).as("analytics of the local run").contains("revenue_by_category", "customer_spend",
                "customer_clv");
        assertThat(folderNames(clusterCsv)).as("analytics of the cluster run").isEqualTo(analytics);
        for (String analytic : analytics) {
            CsvTable expected = CsvTable.read(localCsv.resolve(analytic));
            CsvTable actual = CsvTable.read(clusterCsv.resolve(analytic));
            assertThat(actual.header()).as("%s header", analytic).isEqualTo(expected.header());
            assertThat(actual.rows()).as("%s row count", analytic).hasSameSizeAs(expected.rows());
            for (int row = 0; row < expected.rows().size(); row++) {
                List<String> want = expected.rows().get(row);
                List<String> got = actual.rows().get(row);
                assertThat(got).as("%s row %d", analytic, row).hasSameSizeAs(want);
                for (int column = 0; column < want.size(); column++) {
                    String name = expected.header().get(column);
                    if (WALL_TIME_COLUMNS.contains(analytic + "." + name)) {
                        continue;
                    }
                    BigDecimal tolerance = FITTED_COLUMNS.contains(analytic + "." + name) ? FITTED_RELATIVE_TOLERANCE
                            : RELATIVE_TOLERANCE;
                    assertSameField(analytic + " row " + row + " column " + name, want.get(column), got.get(column),
                            tolerance);
                }
            }
        }
        assertThat(CsvTable.read(clusterCsv.resolve("revenue_by_category")).rows())
                .as("revenue by category of the tiny dataset").isNotEmpty();
    }

    private static void assertSameField(String where, String expected, String actual, BigDecimal tolerance) {
        if (CsvTable.isFloatingPoint(expected) && CsvTable.isFloatingPoint(actual)) {
            BigDecimal want = CsvTable.number(expected);
            BigDecimal difference = CsvTable.number(actual).subtract(want).abs();
            BigDecimal allowed = want.abs().multiply(tolerance).max(tolerance);
            assertThat(difference).as("%s: cluster %s, local %s", where, actual, expected)
                    .isLessThanOrEqualTo(allowed);
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static Set<String> folderNames(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(child -> child.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private void report(String processList, Map<String, String> timings) {
        StringBuilder text = new StringBuilder("Process list while the cluster analysis ran:\n").append(processList)
                .append("\nWall times:\n");
        timings.forEach((step, time) -> text.append(String.format("  %-24s %s%n", step, time)));
        ChildProcesses.write(work.resolve("cluster-run.txt"), text.toString());
    }

    static boolean isExecutor(ProcessHandle process) {
        return ProcessList.commandLine(process).orElse("").contains("CoarseGrainedExecutorBackend");
    }

    /** The analysis through SparkSubmit in client mode, the driver in the submitting JVM. */
    private List<String> submit(String master, Map<String, String> stores, Path out) {
        List<String> command = new ArrayList<>(java(sparkClasspath(), "-Xmx1g",
                "org.apache.spark.deploy.SparkSubmit", "--master", master, "--deploy-mode", "client",
                "--conf", "spark.driver.host=" + LOOPBACK, "--conf", "spark.driver.bindAddress=" + LOOPBACK,
                "--conf", "spark.executor.memory=512m",
                "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", javaOptions),
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.sql.shuffle.partitions=4",
                // The embedded server's collections are small: two partitions each instead of one per document.
                "--conf", "spark.mongodb.read.partitioner.options.max.number.of.partitions=2",
                // No --spark-master for the runner: the master spark-submit was given is the one that must be used.
                jar.toString(), "analyze",
                "--mongo-uri", stores.get("mongodb"), "--zookeeper", stores.get("zookeeper"),
                "--mongo-partitioner", EMBEDDED_SERVER_PARTITIONER, "--out", out.toString()));
        return command;
    }

    private List<String> java(String classpath, String heap, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    private String sparkClasspath() {
        return sparkHome.resolve("conf") + "/:" + sparkHome.resolve("jars") + "/*";
    }

    /** The runner with every dependency (the embedded stores included), as the test itself runs. */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private Map<String, String> sparkEnvironment() {
        return Map.of("SPARK_HOME", sparkHome.toAbsolutePath().toString(), "SPARK_LOCAL_IP", LOOPBACK,
                "SPARK_LOCAL_HOSTNAME", LOOPBACK, "SPARK_SCALA_VERSION", "2.13",
                "SPARK_CONF_DIR", sparkHome.resolve("conf").toAbsolutePath().toString());
    }

    private Optional<JsonNode> masterState(int webPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + webPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException notUpYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while asking the master for its state", e);
        }
    }

    /** The addresses {@code serve} prints ({@code mongodb <uri> ...}, {@code zookeeper <host:port> ...}) once ready. */
    private static Optional<Map<String, String>> servedAddresses(Path serveLog) {
        List<String> lines;
        try {
            lines = Files.readAllLines(serveLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + serveLog + ": " + e.getMessage(), e);
        }
        if (!lines.contains("ready")) {
            return Optional.empty();
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && (words[0].equals("mongodb") || words[0].equals("zookeeper"))) {
                addresses.put(words[0], words[1]);
            }
        }
        assertThat(addresses).as("addresses printed by serve in %s", serveLog).containsKeys("mongodb", "zookeeper");
        return Optional.of(addresses);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
