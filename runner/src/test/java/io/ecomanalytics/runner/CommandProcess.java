package io.ecomanalytics.runner;

import io.ecomanalytics.testing.TestDatasets;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The command line run as a user runs it: {@code java} with the options of {@code .mvn/jvm.config}, the runner's
 * class path and {@link Main} in a JVM of its own, started from the repository root. Standard output and error go to
 * files of their own, so that a test sees exactly what a terminal shows and a full pipe never blocks the process.
 *
 * <p>Every wait has a deadline; a process that outlives it is killed with all its descendants.
 */
final class CommandProcess implements AutoCloseable {
    /** Set by the runner's POM for Failsafe: where README commands are run from and where .mvn/jvm.config is. */
    static final String PROJECT_ROOT_PROPERTY = "ecom.process.projectRoot";

    private static final Duration KILL_GRACE = Duration.ofSeconds(20);

    /** What a finished command printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        /** Everything the command printed, for assertion messages. */
        String printed() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private final List<String> arguments;
    private final Path outputFolder;
    private final Process process;

    private CommandProcess(List<String> arguments, Path outputFolder, Process process) {
        this.arguments = arguments;
        this.outputFolder = outputFolder;
        this.process = process;
    }

    /** Runs a command to its end and returns what it printed; one that outlives {@code timeout} is killed. */
    static Result run(Duration timeout, String... arguments) {
        try (CommandProcess command = start(arguments)) {
            return command.awaitExit(timeout);
        }
    }

    /** Starts a command that the caller waits for, stops or closes. */
    static CommandProcess start(String... arguments) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Path outputFolder = Files.createTempDirectory("ecom-command-");
            // A temporary folder of its own, deleted by close(): what a killed command cannot delete itself (Spark's
            // scratch folders, the embedded stores' files) does not pile up in the machine's.
            Path temporaryFolder = Files.createDirectory(outputFolder.resolve("tmp"));
            commandLine.addAll(jvmOptions());
            commandLine.add("-Djava.io.tmpdir=" + temporaryFolder);
            commandLine.add("-cp");
            commandLine.add(runnerClassPath());
            commandLine.add(Main.class.getName());
            commandLine.addAll(Arrays.asList(arguments));
            Process process = new ProcessBuilder(commandLine).directory(projectRoot().toFile())
                    .redirectOutput(outputFolder.resolve("stdout").toFile())
                    .redirectError(outputFolder.resolve("stderr").toFile())
                    .start();
            return new CommandProcess(List.of(arguments), outputFolder, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + commandLine, e);
        }
    }

    /** The repository root: README commands run from there, and {@code .mvn/jvm.config} lies there. */
    static Path projectRoot() {
        String root = System.getProperty(PROJECT_ROOT_PROPERTY);
        if (root == null) {
            throw new IllegalStateException("System property " + PROJECT_ROOT_PROPERTY + " is not set: run the"
                    + " *ProcessIT tests through Maven (mvn -pl runner verify), whose Failsafe configuration sets it");
        }
        return Path.of(root);
    }

    /** Waits for the command to end by itself; one that outlives {@code timeout} is killed and fails the test. */
    Result awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("'" + String.join(" ", arguments) + "' did not end within "
                        + timeout.toSeconds() + " s and was killed.\n" + printedSoFar());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AssertionError("Interrupted while waiting for '" + String.join(" ", arguments) + "'", e);
        }
        return new Result(process.exitValue(), out(), err());
    }

    /**
     * The first line of standard output that {@code wanted} accepts, printed within {@code timeout}; fails at once when
     * the command ends without printing it.
     */
    String awaitOutputLine(String what, Predicate<String> wanted, Duration timeout) {
        return awaitLine(what, this::out, wanted, timeout);
    }

    /**
     * The first line of standard error (where progress goes) that {@code wanted} accepts, printed within
     * {@code timeout}; fails at once when the command ends without printing it.
     */
    String awaitErrorLine(String what, Predicate<String> wanted, Duration timeout) {
        return awaitLine(what, this::err, wanted, timeout);
    }

    private String awaitLine(String what, Supplier<String> printed, Predicate<String> wanted, Duration timeout) {
        return Polling.until(what + " from '" + String.join(" ", arguments) + "'", timeout, () -> {
            Optional<String> line = printed.get().lines().filter(wanted).findFirst();
            if (line.isEmpty() && !process.isAlive()) {
                throw new AssertionError("'" + String.join(" ", arguments) + "' ended with exit code "
                        + process.exitValue() + " before printing " + what + ".\n" + printedSoFar());
            }
            return line;
        }, this::printedSoFar);
    }

    /**
     * Kills the command at once (SIGKILL, as a crash or {@code kill -9} does: no shutdown hook runs) with its
     * descendants, and returns what it had printed; the exit code is the JVM's for SIGKILL.
     */
    Result killNow() {
        kill();
        return new Result(process.exitValue(), out(), err());
    }

    /** Asks the command to stop as Ctrl-C or {@code kill} does (SIGTERM) and waits for its end. */
    Result stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** What the command printed so far, however it stands. */
    String printedSoFar() {
        return "--- stdout ---\n" + out() + "--- stderr ---\n" + err();
    }

    String out() {
        return read("stdout");
    }

    String err() {
        return read("stderr");
    }

    /** Kills whatever is still running and deletes the captured output and the command's temporary folder. */
    @Override
    public void close() {
        kill();
        TestDatasets.delete(outputFolder);
    }

    /** Kills the process and its descendants at once and waits until they are gone. */
    private void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notGoneYet) {
                throw new AssertionError("PID " + handle.pid() + " of '" + String.join(" ", arguments)
                        + "' survived a kill for " + KILL_GRACE.toSeconds() + " s", notGoneYet);
            }
        }
    }

    private String read(String stream) {
        try {
            return Files.readString(outputFolder.resolve(stream), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + stream + " of '" + String.join(" ", arguments)
                    + "'", e);
        }
    }

    /** The lines of {@code .mvn/jvm.config}: the Java 17 module options Spark and HBase need, as Maven's JVM has them. */
    private static List<String> jvmOptions() {
        Path jvmConfig = projectRoot().resolve(".mvn").resolve("jvm.config");
        try {
            return Files.readAllLines(jvmConfig, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jvmConfig, e);
        }
    }

    /**
     * The class path of this test JVM without the test classes, so that the command sees the runner's main classes,
     * its dependencies and its own {@code log4j2.xml}, not the tests' logging configuration. Failsafe puts a
     * manifest-only jar on {@code java.class.path} and the real class path in {@code surefire.test.class.path}.
     */
    private static String runnerClassPath() {
        String testClasses;
        try {
            testClasses = Path.of(CommandProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The test classes' location is not a path", e);
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
