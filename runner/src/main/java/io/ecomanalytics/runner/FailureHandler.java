package io.ecomanalytics.runner;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns a failure inside a command into one readable line on stderr (the stack trace goes to the debug log). */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    /** Said when no exception in the chain has a message: a class name would mean nothing to a user. */
    static final String NO_MESSAGE = "the command stopped on an unexpected internal failure that gave no message";

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
     * cause's message: the cause's own message is the readable part.
     */
    static String describe(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            String message = current.getMessage();
            Throwable cause = current.getCause();
            boolean onlyRepeatsTheCause = cause != null && cause.toString().equals(message);
            if (message != null && !message.isBlank() && !onlyRepeatsTheCause) {
                return message.strip().lines().findFirst().orElseThrow();
            }
        }
        return NO_MESSAGE;
    }
}
