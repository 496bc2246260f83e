package io.ecomanalytics.runner.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@code ps}-like listing of a process tree: PID, parent, resident memory and what each JVM runs. */
final class ProcessList {
    private static final List<String> MAIN_CLASSES = List.of("org.apache.spark.deploy.master.Master",
            "org.apache.spark.deploy.worker.Worker", "org.apache.spark.executor.CoarseGrainedExecutorBackend",
            "org.apache.spark.deploy.SparkSubmit", "io.ecomanalytics.runner.Main");

    private ProcessList() {
    }

    static String describe(Map<Long, ProcessHandle> tree) {
        StringBuilder listing = new StringBuilder(String.format("%8s %8s %9s  %s%n", "PID", "PPID", "RSS", "JVM"));
        for (ProcessHandle process : tree.values()) {
            Optional<String> commandLine = commandLine(process);
            if (commandLine.isEmpty()) {
                // A short-lived helper (Hadoop runs shell commands) that ended while the tree was being listed.
                continue;
            }
            listing.append(String.format("%8d %8s %9s  %s%n", process.pid(),
                    process.parent().map(parent -> Long.toString(parent.pid())).orElse("?"),
                    residentMemory(process.pid()), summary(commandLine.get())));
        }
        return listing.toString();
    }

    /** The main class and the arguments after it; the long class path and JVM options say nothing here. */
    private static String summary(String commandLine) {
        for (String mainClass : MAIN_CLASSES) {
            int at = commandLine.indexOf(" " + mainClass);
            if (at >= 0) {
                String rest = commandLine.substring(at + 1);
                return rest.replaceAll("spark\\.executor\\.extraJavaOptions=.*? (?=--conf|\\S+\\.jar)",
                        "spark.executor.extraJavaOptions=<Java 17 options> ");
            }
        }
        return commandLine;
    }

    /** The whole command line: {@link ProcessHandle.Info#commandLine()} cuts long class paths short on Linux. */
    static Optional<String> commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            String arguments = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ')
                    .trim();
            return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments);
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return process.isAlive() ? process.info().commandLine() : Optional.empty();
        }
    }

    private static String residentMemory(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring("VmRSS:".length()).trim()).findFirst().orElse("?");
        } catch (IOException | RuntimeException gone) {
            return "?";
        }
    }
}
