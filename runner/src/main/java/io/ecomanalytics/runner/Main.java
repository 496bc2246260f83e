package io.ecomanalytics.runner;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The command-line entry point ({@code mvn exec:java}, {@code java -jar}, {@code spark-submit}).
 *
 * <p>It always ends the JVM with an explicit exit code: Spark and HBase leave non-daemon threads behind that would
 * otherwise keep a failed run alive. {@link System#exit} skips whatever a command left in the buffers of its
 * writers, so both are flushed first, whatever the outcome.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line on stdout and stderr and returns its exit code (see {@link ExitCodes}) without ending the
     * JVM; whatever a command printed is flushed when it returns.
     */
    public static int execute(String... args) {
        PrintWriter out = writer(System.out);
        PrintWriter err = writer(System.err);
        // Every thread the command starts (Spark's among them) inherits this class loader.
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(LookupCachingClassLoader.around(contextLoader));
        try {
            CommandLine commandLine = commandLine();
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(args);
        } catch (Error error) {
            // picocli hands only exceptions to the FailureHandler; an error would print a stack trace instead.
            return FailureHandler.report(error, err);
        } finally {
            thread.setContextClassLoader(contextLoader);
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EcomAnalyticsCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    /** A writer in the console's encoding that flushes on every line, as picocli's own writers do. */
    private static PrintWriter writer(OutputStream stream) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, Charset.defaultCharset())), true);
    }
}
