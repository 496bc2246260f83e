package io.ecomanalytics.runner;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: with no subcommand it runs {@code run}, the whole pipeline on embedded defaults. */
@Command(name = "ecom-analytics",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Multi-model e-commerce analytics: MongoDB + HBase + Spark, CLV and charts.",
        subcommands = {RunCommand.class, GenerateCommand.class, ValidateCommand.class, LoadMongoCommand.class,
                LoadHBaseCommand.class, AnalyzeCommand.class, ClvFitCommand.class, SqlCommand.class, ServeCommand.class,
                BenchCommand.class, RecommendCommand.class, ReplayCommand.class, StreamCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a run failed, 2 a wrong command line."})
final class EcomAnalyticsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return spec.subcommands().get("run").execute();
    }
}
