package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer segments learned from behaviour with Spark MLlib: k-means, bisecting k-means and a Gaussian mixture over
 * the standardised {@link SegmentFeature}s, k searched over a range on a bounded seeded sample, the chosen model
 * assigned to every customer and each segment described in words.
 *
 * <p>The feature table is one row per customer. The search fits every (model, k) on the sample held in one cached
 * partition; silhouettes, BIC, agreement and the principal components are computed on the driver from that sample,
 * so the only Spark jobs are the fits themselves and one pass over everyone to assign and profile the segments.
 */
public final class CustomerSegmentation {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerSegmentation.class);
    private static final String FEATURES = "features";
    private static final String CLUSTER = "cluster";
    /** A profile names a feature whose segment mean lies at least this many standard deviations from the mean. */
    private static final double NOTABLE_DEVIATION = 0.5;
    private static final int MOST_WORDS = 5;

    private CustomerSegmentation() {
    }

    /**
     * @param features         the table of {@link SegmentFeatures#table}
     * @param settings         the search range, sample and iteration bounds
     * @param plantedSegments  planted segment by customer id, to score the segments against; empty without a truth
     */
    public static SegmentationResult segment(Dataset<Row> features, SegmentationSettings settings,
            Optional<Map<String, String>> plantedSegments) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(plantedSegments, "plantedSegments");
        long start = System.nanoTime();
        // One row per customer, read several times below: computed once.
        Dataset<Row> table = features.localCheckpoint();
        Standardisation standardisation = Standardisation.fit(table);
        long customers = standardisation.customers();
        if (customers <= settings.fewestClusters()) {
            throw new IllegalArgumentException("cannot learn segments from " + customers + " customers: at least "
                    + (settings.fewestClusters() + 1) + " customers with a purchase are needed for "
                    + settings.fewestClusters() + " segments");
        }
        List<Column> columns = new ArrayList<>(List.of(col("customer_id"), col("rfm_segment"), col("total_spent"),
                col("clv")));
        String[] featureNames = new String[SegmentFeature.values().length];
        for (SegmentFeature feature : SegmentFeature.values()) {
            columns.add(standardisation.zScore(feature).as(feature.columnName()));
            featureNames[feature.ordinal()] = feature.columnName();
        }
        Dataset<Row> standardised = new VectorAssembler().setInputCols(featureNames).setOutputCol(FEATURES)
                .transform(table.select(columns.toArray(Column[]::new)))
                .select("customer_id", "rfm_segment", "total_spent", "clv", FEATURES);
        // A small population caps k: every segment needs customers, and k = n says nothing.
        SegmentationSettings bounded = customers > settings.mostClusters() ? settings
                : new SegmentationSettings(settings.fewestClusters(), (int) customers - 1,
                        Math.max(settings.mostSampledCustomers(), (int) customers), settings.mostIterations(),
                        settings.mostProjectedCustomers(), settings.seed());
        Dataset<Row> sampled = customers > bounded.mostSampledCustomers()
                ? standardised.sample(false, (double) bounded.mostSampledCustomers() / customers, bounded.seed())
                : standardised;
        // In customer order: the seeded search then gives the same segments however Spark partitioned the table.
        List<Row> sampleRows = new ArrayList<>(sampled.select("customer_id", "rfm_segment", FEATURES, "total_spent",
                "clv").collectAsList());
        sampleRows.sort(Comparator.comparing((Row row) -> row.getString(0)));
        List<Vector> vectors = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (Row row : sampleRows) {
            Vector vector = row.getAs(2);
            vectors.add(vector);
            points.add(vector.toArray());
        }
        double prepareSeconds = (System.nanoTime() - start) / 1e9;
        long searchStart = System.nanoTime();
        Search search = search(points, sampleRows, bounded, plantedSegments);
        double searchSeconds = (System.nanoTime() - searchStart) / 1e9;
        long fitStart = System.nanoTime();
        FittedModel model = MllibFits.fit(search.chosen().model(), search.chosen().clusters(), search.clusters(),
                points, bounded, standardised.select(FEATURES));
        int[] sampleClusters = new int[vectors.size()];
        for (int i = 0; i < sampleClusters.length; i++) {
            sampleClusters[i] = model.cluster(vectors.get(i));
        }
        SegmentationCandidate chosen = score(search.chosen().model(), search.chosen().clusters(), sampleClusters,
                model.logLikelihood(points), points, sampleRows, plantedSegments);
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
        long assignStart = System.nanoTime();
        SegmentationResult result = assign(features.sparkSession(), standardised, model, chosen, sampleClusters,
                search, bounded, customers, vectors, points, sampleRows, plantedSegments, searchSeconds);
        LOG.info(String.format(Locale.ROOT, "segments: features and sample of %,d customers in %.2f s, searched %d"
                        + " models on %,d in %.2f s, fitted %s k=%d with Spark MLlib in %.2f s, assigned and"
                        + " profiled in %.2f s", customers, prepareSeconds, search.candidates().size(),
                vectors.size(), searchSeconds, chosen.model().displayName(), chosen.clusters(), fitSeconds,
                (System.nanoTime() - assignStart) / 1e9));
        return result;
    }

    /** The search's choice: the model and k, with their figures on the sample. */
    private record Search(List<SegmentationCandidate> candidates, SegmentationCandidate chosen, int[] clusters) {
    }

    /**
     * Every (model, k) clustered on the driver's sample ({@link LocalClustering}); each model's best k by silhouette
     * (by BIC for the mixture), then the best silhouette among the three.
     */
    private static Search search(List<double[]> points, List<Row> sampleRows, SegmentationSettings settings,
            Optional<Map<String, String>> plantedSegments) {
        // The three models are independent: they run side by side on the driver's cores.
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(SegmentationModel.values().length,
                Runtime.getRuntime().availableProcessors()), runnable -> {
                    Thread thread = new Thread(runnable, "segment-search");
                    thread.setDaemon(true);
                    return thread;
                });
        List<CompletableFuture<List<Fitted>>> futures = new ArrayList<>();
        for (SegmentationModel model : SegmentationModel.values()) {
            futures.add(CompletableFuture.supplyAsync(() -> searchModel(model, points, sampleRows, settings,
                    plantedSegments), threads));
        }
        threads.shutdown();
        List<SegmentationCandidate> candidates = new ArrayList<>();
        List<Fitted> winners = new ArrayList<>();
        for (CompletableFuture<List<Fitted>> future : futures) {
            List<Fitted> fitted;
            try {
                fitted = future.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            fitted.forEach(each -> candidates.add(each.candidate()));
            Comparator<Fitted> better = fitted.get(0).candidate().model() == SegmentationModel.GAUSSIAN_MIXTURE
                    ? Comparator.comparingDouble((Fitted each) -> -each.candidate().bic())
                    : Comparator.comparingDouble((Fitted each) -> each.candidate().silhouette());
            winners.add(fitted.stream().max(better).orElseThrow());
        }
        Fitted chosen = winners.stream()
                .max(Comparator.comparingDouble((Fitted each) -> each.candidate().silhouette())).orElseThrow();
        return new Search(candidates, chosen.candidate(), chosen.clusters());
    }

    /** A searched candidate with its clusters on the sample. */
    private record Fitted(SegmentationCandidate candidate, int[] clusters) {
    }

    private static List<Fitted> searchModel(SegmentationModel model, List<double[]> points, List<Row> sampleRows,
            SegmentationSettings settings, Optional<Map<String, String>> plantedSegments) {
        List<Fitted> fitted = new ArrayList<>();
        for (int k = settings.fewestClusters(); k <= settings.mostClusters(); k++) {
            LocalClustering.Clusters clusters = switch (model) {
                case K_MEANS -> LocalClustering.kMeans(points, k, settings.mostIterations(), settings.seed());
                case BISECTING_K_MEANS -> LocalClustering.bisectingKMeans(points, k, settings.mostIterations(),
                        settings.seed());
                case GAUSSIAN_MIXTURE -> LocalClustering.gaussianMixture(points, k, settings.mostIterations(),
                        settings.seed());
            };
            SegmentationCandidate candidate = score(model, k, clusters.assignments(), clusters.logLikelihood(),
                    points, sampleRows, plantedSegments);
            fitted.add(new Fitted(candidate, clusters.assignments()));
            LOG.debug(String.format(Locale.ROOT, "segments: %s k=%d silhouette %.3f BIC %.0f ARI vs RFM %.3f,"
                            + " vs truth %.3f", model.displayName(), k, candidate.silhouette(), candidate.bic(),
                    candidate.adjustedRandIndexVersusRfm(), candidate.adjustedRandIndexVersusTruth()));
        }
        return fitted;
    }

    private static SegmentationCandidate score(SegmentationModel model, int k, int[] clusters, double logLikelihood,
            List<double[]> points, List<Row> sampleRows, Optional<Map<String, String>> plantedSegments) {
        double bic = model == SegmentationModel.GAUSSIAN_MIXTURE
                ? bic(logLikelihood, k, points.get(0).length, points.size()) : Double.NaN;
        List<String> labels = labels(clusters);
        return new SegmentationCandidate(model, k, Silhouette.of(points, clusters, k), bic,
                agreement(labels, sampleRows, 1, Optional.empty()),
                plantedSegments.map(planted -> agreement(labels, sampleRows, 0, Optional.of(planted)))
                        .orElse(Double.NaN));
    }

    /** -2 ln L + parameters ln n, with k - 1 weights, k d means and k d (d + 1) / 2 covariances. */
    private static double bic(double logLikelihood, int k, int dimensions, int customers) {
        double parameters = (k - 1) + k * dimensions + k * dimensions * (dimensions + 1) / 2.0;
        return -2 * logLikelihood + parameters * Math.log(customers);
    }

    private static List<String> labels(int[] clusters) {
        List<String> labels = new ArrayList<>(clusters.length);
        for (int cluster : clusters) {
            labels.add(Integer.toString(cluster));
        }
        return labels;
    }

    /** ARI against the RFM segment (column 1 of the sample rows) or, when given, the planted segment by id. */
    private static double agreement(List<String> labels, List<Row> sampleRows, int column,
            Optional<Map<String, String>> planted) {
        List<LabelPair> pairs = pairs(labels, sampleRows, column, planted);
        return pairs.isEmpty() ? Double.NaN : AgreementMeasures.adjustedRandIndex(pairs);
    }

    private static List<LabelPair> pairs(List<String> labels, List<Row> sampleRows, int column,
            Optional<Map<String, String>> planted) {
        List<LabelPair> pairs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String other = planted.isPresent() ? planted.get().get(sampleRows.get(i).getString(0))
                    : sampleRows.get(i).getString(column);
            if (other != null) {
                pairs.add(new LabelPair(labels.get(i), other));
            }
        }
        return pairs;
    }

    private static SegmentationResult assign(SparkSession spark, Dataset<Row> standardised, FittedModel model,
            SegmentationCandidate chosen, int[] sampleClusters, Search search, SegmentationSettings settings,
            long customers, List<Vector> vectors, List<double[]> points, List<Row> sampleRows,
            Optional<Map<String, String>> plantedSegments, double searchSeconds) {
        // Everyone on the driver already (at most the sample bound): profiles and the table need no Spark job.
        boolean everyoneSampled = vectors.size() == customers;
        Dataset<Row> assigned = standardised.withColumn(CLUSTER, model.clusterColumn(col(FEATURES)));
        List<Row> groups;
        if (everyoneSampled) {
            groups = localGroups(sampleRows, points, sampleClusters);
        } else {
            List<Column> aggregates = new ArrayList<>(List.of(sum("total_spent"), avg("clv")));
            for (SegmentFeature feature : SegmentFeature.values()) {
                aggregates.add(avg(org.apache.spark.ml.functions.vector_to_array(col(FEATURES), "float64")
                        .getItem(feature.ordinal())));
            }
            groups = assigned.groupBy(CLUSTER).agg(count(lit(1)), aggregates.toArray(Column[]::new))
                    .collectAsList();
        }
        double revenue = groups.stream().mapToDouble(row -> row.isNullAt(2) ? 0 : row.getDouble(2)).sum();
        List<Row> byRevenue = new ArrayList<>(groups);
        byRevenue.sort(Comparator.comparingDouble((Row row) -> row.isNullAt(2) ? 0 : -row.getDouble(2))
                .thenComparingInt(row -> row.getInt(0)));
        Map<Integer, Integer> segmentOfCluster = new HashMap<>();
        List<SegmentProfile> profiles = new ArrayList<>();
        for (Row row : byRevenue) {
            int segment = profiles.size() + 1;
            segmentOfCluster.put(row.getInt(0), segment);
            List<Double> centroid = new ArrayList<>();
            for (int i = 0; i < SegmentFeature.values().length; i++) {
                centroid.add(row.getDouble(4 + i));
            }
            profiles.add(new SegmentProfile(segment, row.getLong(1), revenue > 0 ? row.getDouble(2) / revenue : 0,
                    row.isNullAt(3) ? 0 : row.getDouble(3), describe(centroid), centroid));
        }
        Column segmentNumber = lit(null).cast(DataTypes.IntegerType);
        Column description = lit(null).cast(DataTypes.StringType);
        for (SegmentProfile profile : profiles) {
            int cluster = segmentOfCluster.entrySet().stream().filter(entry -> entry.getValue() == profile.segment())
                    .findFirst().orElseThrow().getKey();
            segmentNumber = when(col(CLUSTER).equalTo(cluster), lit(profile.segment())).otherwise(segmentNumber);
            description = when(col(CLUSTER).equalTo(cluster), lit(profile.description())).otherwise(description);
        }
        Dataset<Row> customerSegments;
        if (everyoneSampled) {
            Map<Integer, String> descriptions = new HashMap<>();
            profiles.forEach(profile -> descriptions.put(profile.segment(), profile.description()));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < sampleRows.size(); i++) {
                int segment = segmentOfCluster.get(sampleClusters[i]);
                rows.add(RowFactory.create(sampleRows.get(i).getString(0), sampleRows.get(i).getString(1), segment,
                        descriptions.get(segment)));
            }
            customerSegments = spark.createDataFrame(rows, customerSegmentsSchema());
        } else {
            // Materialised here, so that the outputs do not assign every customer again.
            customerSegments = assigned.select(col("customer_id"), col("rfm_segment"),
                    segmentNumber.as("learned_segment"), description.as("segment_description")).localCheckpoint();
        }

        List<String> segmentLabels = new ArrayList<>();
        for (int cluster : sampleClusters) {
            segmentLabels.add(Integer.toString(segmentOfCluster.getOrDefault(cluster, 0)));
        }
        Map<String, Map<String, Long>> versusRfm = AgreementMeasures.contingencyTable(
                pairs(segmentLabels, sampleRows, 1, Optional.empty()));
        Map<String, Map<String, Long>> versusTruth = plantedSegments
                .map(planted -> AgreementMeasures.contingencyTable(pairs(segmentLabels, sampleRows, 0,
                        Optional.of(planted))))
                .orElse(Map.of());
        PrincipalComponents components = PrincipalComponents.of(points);
        List<ProjectedCustomer> projection = project(components, points, sampleClusters, segmentOfCluster,
                settings.mostProjectedCustomers());
        List<Double> explained = components.explainedVariance();
        return new SegmentationResult(search.candidates(), chosen, profiles, customerSegments,
                projection, explained, versusRfm, versusTruth, customers, vectors.size(), searchSeconds);
    }

    private static StructType customerSegmentsSchema() {
        return new StructType().add("customer_id", DataTypes.StringType, false)
                .add("rfm_segment", DataTypes.StringType, true)
                .add("learned_segment", DataTypes.IntegerType, false)
                .add("segment_description", DataTypes.StringType, false);
    }

    /** Rows as the Spark aggregation gives them: cluster, customers, total spent, mean CLV, mean of each feature. */
    private static List<Row> localGroups(List<Row> sampleRows, List<double[]> points, int[] clusters) {
        Map<Integer, double[]> sums = new java.util.TreeMap<>();
        int features = SegmentFeature.values().length;
        for (int i = 0; i < clusters.length; i++) {
            double[] sum = sums.computeIfAbsent(clusters[i], cluster -> new double[3 + features]);
            sum[0]++;
            sum[1] += sampleRows.get(i).isNullAt(3) ? 0 : sampleRows.get(i).getDouble(3);
            sum[2] += sampleRows.get(i).isNullAt(4) ? 0 : sampleRows.get(i).getDouble(4);
            for (int f = 0; f < features; f++) {
                sum[3 + f] += points.get(i)[f];
            }
        }
        List<Row> groups = new ArrayList<>();
        sums.forEach((cluster, sum) -> {
            Object[] cells = new Object[4 + features];
            cells[0] = cluster;
            cells[1] = (long) sum[0];
            cells[2] = sum[1];
            cells[3] = sum[2] / sum[0];
            for (int f = 0; f < features; f++) {
                cells[4 + f] = sum[3 + f] / sum[0];
            }
            groups.add(RowFactory.create(cells));
        });
        return groups;
    }

    /** Customers spread evenly over the sample, at most {@code most}. */
    private static List<ProjectedCustomer> project(PrincipalComponents components, List<double[]> points,
            int[] clusters, Map<Integer, Integer> segmentOfCluster, int most) {
        int placed = Math.min(most, points.size());
        List<ProjectedCustomer> projected = new ArrayList<>();
        for (int j = 0; j < placed; j++) {
            int i = (int) ((long) j * points.size() / placed);
            double[] coordinates = components.project(points.get(i));
            projected.add(new ProjectedCustomer(coordinates[0], coordinates[1],
                    segmentOfCluster.getOrDefault(clusters[i], 0)));
        }
        return projected;
    }

    /**
     * The features whose segment mean lies at least half a standard deviation from the population's, furthest
     * first, at most five.
     */
    static String describe(List<Double> centroid) {
        List<SegmentFeature> notable = new ArrayList<>();
        for (SegmentFeature feature : SegmentFeature.values()) {
            if (Math.abs(centroid.get(feature.ordinal())) >= NOTABLE_DEVIATION) {
                notable.add(feature);
            }
        }
        notable.sort(Comparator.comparingDouble((SegmentFeature feature) -> -Math.abs(centroid.get(feature.ordinal())))
                .thenComparingInt(Enum::ordinal));
        List<String> words = new ArrayList<>();
        for (SegmentFeature feature : notable.subList(0, Math.min(MOST_WORDS, notable.size()))) {
            words.add(centroid.get(feature.ordinal()) > 0 ? feature.highWords() : feature.lowWords());
        }
        return words.isEmpty() ? "close to the average customer" : String.join(", ", words);
    }
}
