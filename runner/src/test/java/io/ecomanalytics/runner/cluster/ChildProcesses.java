package io.ecomanalytics.runner.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The processes a test starts, each logging to its own file, and every process they start in turn: closing stops
 * them all by PID (descendants first, newest first) and waits until they are gone, whether the test passed or not.
 */
final class ChildProcesses implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    private final Path logFolder;
    private final Map<String, String> environment;
    private final Map<String, Process> started = new LinkedHashMap<>();
    private final List<ProcessHandle> seen = new ArrayList<>();

    ChildProcesses(Path logFolder, Map<String, String> environment) throws IOException {
        this.logFolder = Files.createDirectories(logFolder);
        this.environment = Map.copyOf(environment);
    }

    /** Starts {@code command} as {@code name}, its standard output and error both into {@code <name>.log}. */
    Process start(String name, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.put(name, process);
        seen.add(process.toHandle());
        return process;
    }

    Path log(String name) {
        return logFolder.resolve(name + ".log");
    }

    /** The last lines of a process's log, for failure messages. */
    String logTail(String name) {
        try {
            List<String> lines = Files.readAllLines(log(name), StandardCharsets.UTF_8);
            return "Last lines of " + log(name) + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log(name) + ": " + e.getMessage() + ")";
        }
    }

    /** Fails with the process's log when the process has ended, so that a wait for it gives up at once. */
    void requireAlive(String name) {
        Process process = started.get(name);
        if (!process.isAlive()) {
            throw new AssertionError(name + " (PID " + process.pid() + ") ended with exit code " + process.exitValue()
                    + " before it was expected to. " + logTail(name));
        }
    }

    /** Waits for a process to end by itself and returns its exit code. */
    int awaitExit(String name, Duration timeout) {
        Process process = started.get(name);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " (PID " + process.pid() + ") did not end within "
                        + timeout.toSeconds() + " s. " + logTail(name));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** Every started process and its live descendants, by PID. */
    Map<Long, ProcessHandle> tree() {
        Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        for (Process process : started.values()) {
            tree.put(process.pid(), process.toHandle());
            process.descendants().forEach(descendant -> tree.put(descendant.pid(), descendant));
        }
        seen.addAll(tree.values());
        return tree;
    }

    /** Every process this object ever saw (started ones and the descendants {@link #tree()} found) still alive. */
    List<ProcessHandle> stillAlive() {
        return seen.stream().filter(ProcessHandle::isAlive).distinct().toList();
    }

    @Override
    public void close() {
        List<Process> newestFirst = new ArrayList<>(started.values());
        Collections.reverse(newestFirst);
        for (Process process : newestFirst) {
            List<ProcessHandle> descendants = process.descendants().toList();
            seen.addAll(descendants);
            // A polite stop first, descendants too: the stores' process deletes its generated dataset and its
            // HBase folder in shutdown hooks. Whatever is still running after the grace period is forced below.
            process.destroy();
            descendants.forEach(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : seen) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
