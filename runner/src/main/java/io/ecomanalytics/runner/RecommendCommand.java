package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.ecomanalytics.recommendations.ImplicitFeedback;
import io.ecomanalytics.recommendations.ModelKind;
import io.ecomanalytics.recommendations.ProductCatalogue;
import io.ecomanalytics.recommendations.Recommender;
import io.ecomanalytics.recommendations.RecommenderConfig;
import io.ecomanalytics.recommendations.TrainingData;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.ProductAffinity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One customer's recommended products, fitted on everything the stores hold. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Print one customer's recommended products with scores and reasons, from a model fitted on"
                + " the stores' page views, carts and purchases. A customer the stores do not know gets the most"
                + " popular products.",
                "Example: recommend --user user_000042 --k 5 --data DIR"})
final class RecommendCommand implements Callable<Integer> {
    /** What a user id may look like: the dataset's ids (user_000042) and any other plain identifier. */
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final int MOST_PRODUCTS = 100;

    @Spec
    private CommandSpec spec;

    @Option(names = "--user", required = true, paramLabel = "USER_ID", description = "The customer, e.g. user_000042.")
    private String user;

    @Option(names = "--k", defaultValue = "10", paramLabel = "N",
            description = "How many products (1-" + MOST_PRODUCTS + "; default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--model", defaultValue = "category-popularity",
            description = "global-popularity, category-popularity, item-cooccurrence or als (default:"
                    + " ${DEFAULT-VALUE}, the best by NDCG@10 on the generated data; 'run' compares them all).")
    private String model;

    @Option(names = "--data",
            description = "Load this dataset folder into the stores first (embedded stores when no addresses are"
                    + " given).")
    private Path data;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private StoreFolderOption storeFolder = new StoreFolderOption();

    @Mixin
    private SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        if (!USER_ID.matcher(user).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--user': '"
                    + user + "' is not a user id. Give an id as the dataset spells it, for example user_000042"
                    + " (letters, digits and _ . : -, at most 64 characters).");
        }
        if (k < 1 || k > MOST_PRODUCTS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--k': " + k
                    + " (give a number of products from 1 to " + MOST_PRODUCTS + ").");
        }
        ModelKind kind = modelKind();
        CommandArguments.requireFolder(spec, "--data", data);
        Optional<Path> store = storeFolder.folder(spec, storeOptions);
        boolean embedded = storeOptions.mongoUri == null || storeOptions.zooKeeper == null;
        if (embedded && data == null && store.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "recommend needs data: give --data DIR to"
                    + " load a dataset into embedded stores, --store DIR of a kept store that holds one, or --mongo-uri"
                    + " and --zookeeper of stores that hold one.");
        }
        PrintWriter out = spec.commandLine().getOut();
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
            CleanTables tables = StoreReads.read(spark, stores, stages).clean();
            Dataset<Row> items = tables.transactionItems();
            Dataset<Row> events = ImplicitFeedback.events(tables.pageViews(), tables.sessions(), items)
                    .localCheckpoint();
            Timestamp latest = events.agg(max("timestamp")).first().getTimestamp(0);
            if (latest == null) {
                throw new IllegalStateException("The stores hold no page views, carts or purchases, so there is"
                        + " nothing to recommend from. Load a dataset with --data DIR.");
            }
            // The pairs are computed only if the co-occurrence model asks for them.
            TrainingData training = new TrainingData(events, ProductCatalogue.from(tables.products(),
                    tables.categories()), ProductAffinity.topPairs(items, AnalyticParameters.AFFINITY_PAIRS_PER_PRODUCT),
                    latest.toInstant());
            Dataset<Row> customer = spark.createDataFrame(List.of(RowFactory.create(user)),
                    new StructType().add("user_id", DataTypes.StringType));
            boolean known = !events.filter(col("user_id").equalTo(lit(user))).isEmpty();
            ModelKind used = known ? kind : ModelKind.GLOBAL_POPULARITY;
            List<Row> list = rows(training, used, customer);
            if (known && list.isEmpty() && kind != ModelKind.GLOBAL_POPULARITY) {
                used = ModelKind.GLOBAL_POPULARITY;
                list = rows(training, used, customer);
                spec.commandLine().getErr().println("The " + kind.columnValue() + " model has nothing for " + user
                        + "; showing the most popular products instead.");
            }
            if (!known) {
                spec.commandLine().getErr().println("No customer '" + user + "' in the stores: no page views, carts"
                        + " or purchases. Showing the most popular products instead.");
            }
            print(out, used, list);
        }
        return ExitCodes.OK;
    }

    private List<Row> rows(TrainingData training, ModelKind kind, Dataset<Row> customer) {
        Dataset<Row> names = training.catalogue().select("product_id", "product_name");
        return Recommender.fit(kind, training, RecommenderConfig.defaults()).recommend(customer, k)
                .join(names, new String[] {"product_id"}, "left_outer")
                .orderBy("rank")
                .select("rank", "product_id", "product_name", "score", "reason")
                .collectAsList();
    }

    private void print(PrintWriter out, ModelKind kind, List<Row> list) {
        out.println(String.format(Locale.ROOT, "%s for %s (%s, k = %d)",
                kind == ModelKind.GLOBAL_POPULARITY ? "Most popular products" : "Recommendations", user,
                kind.columnValue(), k));
        List<List<String>> table = new ArrayList<>();
        for (Row row : list) {
            table.add(List.of(String.valueOf(row.getInt(0)), row.getString(1),
                    row.isNullAt(2) ? "" : row.getString(2), String.format(Locale.ROOT, "%.4f", row.getDouble(3)),
                    row.getString(4)));
        }
        out.print(TextTables.aligned(List.of("rank", "product_id", "product_name", "score", "reason"), table));
    }

    private ModelKind modelKind() {
        for (ModelKind kind : ModelKind.values()) {
            if (kind.columnValue().equalsIgnoreCase(model.replace('-', '_'))) {
                return kind;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--model': '" + model
                + "' (expected one of " + Arrays.stream(ModelKind.values())
                        .map(kind -> kind.columnValue().replace('_', '-')).toList() + ").");
    }
}
