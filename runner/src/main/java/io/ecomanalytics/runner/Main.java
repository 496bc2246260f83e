package io.ecomanalytics.runner;

import picocli.CommandLine;

/**
 * The command-line entry point ({@code mvn exec:java}, {@code java -jar}, {@code spark-submit}).
 *
 * <p>It always ends the JVM with an explicit exit code: Spark and HBase leave non-daemon threads behind that would
 * otherwise keep a failed run alive.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}) without ending the JVM. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EcomAnalyticsCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }
}
