package io.ecomanalytics.runner.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
            String commandLine = process.info().commandLine().orElse("?");
            listing.append(String.format("%8d %8s %9s  %s%n", process.pid(),
                    process.parent().map(parent -> Long.toString(parent.pid())).orElse("?"),
                    residentMemory(process.pid()), summary(commandLine)));
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
