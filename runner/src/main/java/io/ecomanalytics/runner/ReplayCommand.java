package io.ecomanalytics.runner;

import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.streaming.EventReplay;
import io.ecomanalytics.streaming.EventTopics;
import io.ecomanalytics.streaming.ReplayPace;
import io.ecomanalytics.streaming.ReplayReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Publishes a dataset's transactions and sessions to Kafka as live events. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publish a dataset's transactions and sessions as JSON events (the dataset's own field names"
                + " and values) to the topics " + EventTopics.TRANSACTIONS + " and " + EventTopics.SESSIONS
                + ", in event-time order, keyed by user id.",
                "Needs a running broker: 'serve' starts one and prints its address."})
final class ReplayCommand implements Callable<Integer> {
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The dataset folder.")
    private Path data;

    @Option(names = "--rate", description = "Events per second (default: as fast as the broker takes them).")
    private Double rate;

    @Option(names = "--speedup",
            description = "Keep the dataset's event-time spacing, sped up N times (86400 plays a day per second).")
    private Double speedup;

    @Mixin
    private KafkaOptions kafkaOptions = new KafkaOptions();

    @Override
    public Integer call() {
        CommandArguments.requireFolder(spec, "--data", data);
        ReplayPace pace = pace();
        String bootstrap = kafkaOptions.required(spec);
        PrintWriter out = spec.commandLine().getOut();
        out.println("replaying " + data.toAbsolutePath() + " to kafka " + bootstrap);
        out.flush();
        ReplayReport report = EventReplay.replay(data, bootstrap, pace, printer(out));
        out.printf(Locale.ROOT,
                "sent %,d events: %,d transactions to %s, %,d sessions to %s in %.1f s (%,.0f events/s)%n",
                report.total(), report.transactions(), EventTopics.TRANSACTIONS, report.sessions(),
                EventTopics.SESSIONS, report.elapsedMillis() / 1000.0, report.eventsPerSecond());
        return ExitCodes.OK;
    }

    private ReplayPace pace() {
        if (rate != null && speedup != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Choose one pace: --rate or --speedup, not both.");
        }
        if (rate != null && !(rate > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--rate': " + rate + " is not a positive number of events per second.");
        }
        if (speedup != null && !(speedup > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--speedup': " + speedup + " is not a positive factor.");
        }
        return rate != null ? ReplayPace.eventsPerSecond(rate)
                : speedup != null ? ReplayPace.speedup(speedup) : ReplayPace.asFastAsPossible();
    }

    /** One stdout line per second at most, and the last one. */
    private static ProgressListener printer(PrintWriter out) {
        long[] lastPrint = {System.nanoTime()};
        return (step, done, total) -> {
            long now = System.nanoTime();
            if (now - lastPrint[0] >= PROGRESS_INTERVAL_NANOS || done == total) {
                lastPrint[0] = now;
                out.printf(Locale.ROOT, "replay %,d / %,d events%n", done, total);
                out.flush();
            }
        };
    }
}
