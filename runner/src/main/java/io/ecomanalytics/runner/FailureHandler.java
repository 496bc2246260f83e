package io.ecomanalytics.runner;

import java.io.PrintWriter;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns a failure inside a command into one readable line on stderr (the stack trace goes to the debug log). */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    /** Said when no exception in the chain has a message: a class name would mean nothing to a user. */
    static final String NO_MESSAGE = "the command stopped on an unexpected internal failure that gave no message";

    /** A qualified Java exception class name and its colon, as {@code Throwable.toString()} writes it. */
    private static final Pattern QUALIFIED_EXCEPTION =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::\\s*|\\b)");

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        return report(error, commandLine.getErr());
    }

    /** Prints the failure as one line and a hint to {@code err} and returns {@link ExitCodes#FAILED}. */
    static int report(Throwable error, PrintWriter err) {
        LOG.debug("Command failed", error);
        err.println("error: " + describe(error));
        err.println("Run with --help for usage; set -Dlog.level=DEBUG for the stack trace.");
        return ExitCodes.FAILED;
    }

    /**
     * The first line of the first message in the cause chain that says more than its cause, or {@link #NO_MESSAGE}.
     * A wrapper built as {@code new RuntimeException(cause)} carries {@code cause.toString()}, a class name and the
     * cause's message, and a Spark job failure quotes its task's exception the same way: the cause's own message is
     * the readable part. Any qualified exception class name left in the line (a failure quoted from a remote
     * executor) is cut out.
     */
    static String describe(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            String message = current.getMessage();
            Throwable cause = current.getCause();
            boolean quotesTheCause = cause != null && message != null
                    && message.contains(cause.toString().lines().findFirst().orElse(cause.toString()));
            if (message != null && !message.isBlank() && !quotesTheCause) {
                return QUALIFIED_EXCEPTION.matcher(message.strip().lines().findFirst().orElseThrow()).replaceAll("");
            }
        }
        return NO_MESSAGE;
    }
}
