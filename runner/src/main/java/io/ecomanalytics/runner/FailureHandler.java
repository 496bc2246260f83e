package io.ecomanalytics.runner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns a failure inside a command into one readable line on stderr (the stack trace goes to the debug log). */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        LOG.debug("Command failed", error);
        commandLine.getErr().println("error: " + describe(error));
        commandLine.getErr().println("Run with --help for usage; set -Dlog.level=DEBUG for the stack trace.");
        return ExitCodes.FAILED;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = error.getCause();
            return cause == null ? error.getClass().getSimpleName() : describe(cause);
        }
        return message.lines().findFirst().orElse(message);
    }
}
