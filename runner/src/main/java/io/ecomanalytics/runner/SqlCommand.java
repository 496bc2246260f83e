package io.ecomanalytics.runner;

import io.ecomanalytics.transforms.SqlViews;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Any Spark SQL over the dataset's view names, read from the stores. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a Spark SQL query over the views users, products, categories, transactions,"
                + " transaction_items, sessions and page_views, read from the stores.",
                "Example: sql \"SELECT category_id, SUM(subtotal) AS revenue FROM transaction_items GROUP BY"
                        + " category_id ORDER BY revenue DESC\" --data DIR"})
final class SqlCommand implements Callable<Integer> {
    /** How the result is printed. */
    enum Format { TABLE, CSV }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The Spark SQL query.")
    private String query;

    @Option(names = "--data",
            description = "Load this dataset folder into the stores first (embedded stores when no addresses are"
                    + " given).")
    private Path data;

    @Option(names = "--format", defaultValue = "TABLE", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--max-rows", defaultValue = "100", description = "Rows printed at most (default: ${DEFAULT-VALUE}).")
    private int maxRows;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private StoreFolderOption storeFolder = new StoreFolderOption();

    @Mixin
    private SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        CommandArguments.requireFolder(spec, "--data", data);
        Optional<Path> store = storeFolder.folder(spec, storeOptions);
        boolean embedded = storeOptions.mongoUri == null || storeOptions.zooKeeper == null;
        if (embedded && data == null && store.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "sql needs data: give --data DIR to load a"
                    + " dataset into embedded stores, --store DIR of a kept store that holds one, or --mongo-uri and"
                    + " --zookeeper of stores that hold one.");
        }
        try (Stores stores = Stores.open(storeOptions, store);
                SparkSession spark = SparkSessions.create(sparkOptions.master, sparkOptions.configuration)) {
            StageTimer stages = new StageTimer();
            if (data != null) {
                StoreLoads.loadBoth(stores, data, stages);
                ExpressionEvaluation.chooseFor(spark, data);
                // Standard output is the result alone; the notice goes with the progress.
                StoreLoads.skipNotice(stores, stages.records()).ifPresent(spec.commandLine().getErr()::println);
            } else {
                stores.requireLoadedDataset();
            }
            SqlViews.register(spark, StoreReads.read(spark, stores, stages).clean());
            Dataset<Row> result;
            try {
                result = spark.sql(query);
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "The query does not run: "
                        + e.getMessage().lines().findFirst().orElse(e.toString()));
            }
            print(result, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    private void print(Dataset<Row> result, PrintWriter out) {
        List<String> columns = Arrays.asList(result.columns());
        List<List<String>> rows = new ArrayList<>();
        for (Row row : result.limit(maxRows).collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                values.add(row.isNullAt(i) ? "" : String.valueOf(row.get(i)));
            }
            rows.add(values);
        }
        out.print(format == Format.CSV ? TextTables.csv(columns, rows) : TextTables.aligned(columns, rows));
    }
}
