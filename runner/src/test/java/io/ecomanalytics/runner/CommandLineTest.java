package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheRunCommandAndTheExitCodes() {
        int exitCode = execute("--help");

        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: ecom-analytics").contains("run ")
                .contains("Exit codes: 0 success, 1 a run failed, 2 a wrong command line.");
    }

    @Test
    void anUnknownOptionIsOneLineAndAHintNotAStackTrace() {
        int exitCode = execute("--no-such-option");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines().toList())
                .first().isEqualTo("error: Unknown option: '--no-such-option'");
        assertThat(err.toString()).contains("Try 'ecom-analytics --help' for usage.").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFailureInsideACommandIsOneLineAndExitCodeOne() {
        CommandLine commandLine = new CommandLine(new FailingCommand());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new FailureHandler());

        int exitCode = commandLine.execute();

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString().lines().toList()).containsExactly(
                "error: Cannot reach MongoDB at mongodb://127.0.0.1:1",
                "Run with --help for usage; set -Dlog.level=DEBUG for the stack trace.");
    }

    @Test
    void clvFitGroupsPurchasesAsTheFormatSuggestsUnlessTold(@TempDir Path folder) throws IOException {
        String cdnow = "../clv-model/src/test/resources/cdnow/CDNOW_sample.txt";

        assertThat(execute("clv-fit", "--input", cdnow, "--format", "cdnow", "--out", folder.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(folder.resolve("clv-fit.json")))
                .contains("\"purchase_grouping\":\"calendar_day\"");
        assertThat(execute("clv-fit", "--input", cdnow, "--format", "cdnow", "--purchase-grouping", "exact-time",
                "--out", folder.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(folder.resolve("clv-fit.json")))
                .contains("\"purchase_grouping\":\"exact_time\"");
        assertThat(execute("clv-fit", "--input", cdnow, "--format", "cdnow", "--purchase-grouping", "weekly",
                "--out", folder.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Invalid value for option '--purchase-grouping': 'weekly' (expected one"
                + " of [exact-time, calendar-day]).");
    }

    @Test
    void aFailureWithoutAMessageIsDescribedInWordsNotByItsClassName() {
        assertThat(FailureHandler.describe(new IllegalStateException()))
                .isEqualTo(FailureHandler.NO_MESSAGE).doesNotContain("Exception");
    }

    @Test
    void aWrapperThatOnlyRepeatsItsCauseIsDescribedByTheCausesMessage() {
        RuntimeException wrapped = new RuntimeException(new java.io.IOException("No space left on device"));

        assertThat(wrapped.getMessage()).isEqualTo("java.io.IOException: No space left on device");
        assertThat(FailureHandler.describe(wrapped)).isEqualTo("No space left on device");
    }

    @Test
    void aSparkJobFailureIsDescribedByItsTasksMessageWithoutClassNames() {
        ArithmeticException task = new ArithmeticException("2F1(1.0, 2.0; 3.0; [0.5]) did not converge");
        RuntimeException job = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 45.0 failed"
                + " 1 times, most recent failure: " + task + "\n\tat io.ecomanalytics.clv.Hypergeometric", task);
        RuntimeException remote = new RuntimeException("Job aborted due to stage failure: Lost task 0.0 (executor 1):"
                + " java.lang.ArithmeticException: 2F1 did not converge");

        assertThat(FailureHandler.describe(job)).isEqualTo("2F1(1.0, 2.0; 3.0; [0.5]) did not converge");
        assertThat(FailureHandler.describe(remote))
                .isEqualTo("Job aborted due to stage failure: Lost task 0.0 (executor 1): 2F1 did not converge");
    }

    @CommandLine.Command(name = "failing")
    static final class FailingCommand implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("Cannot reach MongoDB at mongodb://127.0.0.1:1\nsecond line of detail");
        }
    }
}
