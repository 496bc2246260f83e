package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandIT {

    @Test
    void theDefaultCommandRoundTripsARecordThroughBothStoresAndReadsItBackWithSpark() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        int exitCode = commandLine.execute();

        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines())
                .anySatisfy(line -> assertThat(line).startsWith("MongoDB  mongodb://127.0.0.1:")
                        .endsWith("wrote user_000001=Lyon, read back by the driver user_000001=Lyon,"
                                + " by Spark user_000001=Lyon"))
                .anySatisfy(line -> assertThat(line).startsWith("HBase    127.0.0.1:")
                        .endsWith("wrote user_000001=Lyon, read back by the client user_000001=Lyon,"
                                + " by Spark user_000001=Lyon"));
    }
}
