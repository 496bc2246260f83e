package io.ecomanalytics.runner;

import io.ecomanalytics.data.Behaviour;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GenerationSummary;
import io.ecomanalytics.data.GeneratorSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a deterministic dataset: the same scale, counts and seed always give byte-identical files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a deterministic e-commerce dataset (users, products, categories, transactions,"
                + " sessions_N files).")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder to write the JSON files into.")
    private Path out;

    @Option(names = "--scale", defaultValue = "small",
            description = "tiny, small or full (default: ${DEFAULT-VALUE}).")
    private String scale;

    @Option(names = "--behaviour", defaultValue = "realistic",
            description = "realistic (planted customers, ground truth in ground_truth/) or uniform (the original"
                    + " course generator's uniform draws) (default: ${DEFAULT-VALUE}).")
    private String behaviour;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--users", description = "Number of users (overrides the scale).")
    private Integer users;

    @Option(names = "--products", description = "Number of products (overrides the scale).")
    private Integer products;

    @Option(names = "--categories", description = "Number of categories (overrides the scale).")
    private Integer categories;

    @Option(names = "--transactions", description = "Number of transactions (overrides the scale).")
    private Long transactions;

    @Option(names = "--sessions", description = "Number of sessions (overrides the scale).")
    private Long sessions;

    @Option(names = "--sessions-per-file", description = "Sessions per sessions_N.json file (overrides the scale).")
    private Integer sessionsPerFile;

    @Override
    public Integer call() {
        GeneratorSpec generatorSpec = specification();
        long start = System.nanoTime();
        GenerationSummary summary = DatasetGenerator.generate(generatorSpec, out, new ProgressLog("generate"));
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf(Locale.ROOT, "Generated %s in %.1f s: %,d users, %,d products, %,d categories, %,d transactions,"
                        + " %,d sessions in %d files, %.1f MB (%.1f MB/s)%n",
                summary.folder(), seconds, summary.users(), summary.products(), summary.categories(),
                summary.transactions(), summary.sessions(), summary.files().size(), summary.bytesWritten() / 1e6,
                summary.bytesWritten() / 1e6 / Math.max(seconds, 1e-9));
        return ExitCodes.OK;
    }

    GeneratorSpec specification() {
        GeneratorSpec result = scaleSpecification(spec, scale).withSeed(seed).withBehaviour(behaviour(spec, behaviour));
        if (users != null) {
            result = result.withUsers(users);
        }
        if (products != null) {
            result = result.withProducts(products);
        }
        if (categories != null) {
            result = result.withCategories(categories);
        }
        if (transactions != null) {
            result = result.withTransactions(transactions);
        }
        if (sessions != null) {
            result = result.withSessions(sessions);
        }
        if (sessionsPerFile != null) {
            result = result.withSessionsPerFile(sessionsPerFile);
        }
        return result;
    }

    /** The generator behaviour named by {@code --behaviour}, or a usage error (exit code 2). */
    static Behaviour behaviour(CommandSpec spec, String behaviour) {
        try {
            return Behaviour.parse(behaviour);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--behaviour': " + e.getMessage());
        }
    }

    /** The generator's named scale, or a usage error (exit code 2) that lists the valid names. */
    static GeneratorSpec scaleSpecification(CommandSpec spec, String scale) {
        try {
            return GeneratorSpec.scale(scale);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--scale': " + e.getMessage());
        }
    }
}
