package io.ecomanalytics.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ecomanalytics.clv.SegmentationResult;
import io.ecomanalytics.data.FileCounts;
import io.ecomanalytics.data.Rule;
import io.ecomanalytics.data.ValidationReport;
import io.ecomanalytics.mongo.CollectionLoadReport;
import io.ecomanalytics.mongo.MongoLoadReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did, written as {@value #FILE}: parameters, versions, per-stage counts and timings, reject counts by
 * rule, the fitted CLV models, their holdout check and (for a generated dataset) their scores against the planted
 * truth, the learned customer segments, the recommendation models' comparison, and where each output lies. Every
 * entity's counts reconcile: read = stored + rejected.
 */
record RunSummary(PipelineSettings settings, String stores, Instant finishedAt, List<StageRecord> stages,
        Pipeline.Loads loads, Map<String, StoreReads.CleaningCounts> sparkCleaning, Pipeline.ClvResult clv,
        ModelChecks checks, Map<String, String> outputs, List<Path> charts, Optional<SegmentationResult> segments,
        RecommendationStage.Result recommendations) {

    static final String FILE = "run-summary.json";

    void write(Path file) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            mapper.writeValue(file.toFile(), toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run summary " + file + ": " + e.getMessage(), e);
        }
    }

    /** The learned segments as a readable block for the console; empty when there were too few customers. */
    String segmentsText() {
        return segments.map(result -> SegmentationStage.text(result, checks.truth())).orElse("");
    }

    Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("finished_at", finishedAt.toString());
        root.put("versions", ordered("ecom_analytics", VersionProvider.projectVersion(),
                "spark", org.apache.spark.package$.MODULE$.SPARK_VERSION(), "java", System.getProperty("java.version")));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("data", settings.data().map(Path::toString).orElse("generated"));
        parameters.put("generator", ordered("users", settings.generatorSpec().users(),
                "products", settings.generatorSpec().products(), "categories", settings.generatorSpec().categories(),
                "transactions", settings.generatorSpec().transactions(), "sessions", settings.generatorSpec().sessions(),
                "seed", settings.generatorSpec().seed()));
        parameters.put("out", settings.out().toString());
        parameters.put("stores", stores);
        parameters.put("clv_horizon_months", settings.horizonMonths());
        parameters.put("clv_monthly_discount_rate", settings.monthlyDiscountRate());
        parameters.put("holdout_share", settings.holdoutShare());
        parameters.put("hbase_regions", settings.hbaseRegions());
        parameters.put("hbase_load_method", settings.hbaseLoadMethod().name().toLowerCase(java.util.Locale.ROOT));
        root.put("parameters", parameters);
        root.put("stages", stages.stream().map(stage -> stage.skipped().isPresent()
                ? ordered("stage", stage.stage(), "skipped", stage.skipped().get())
                : ordered("stage", stage.stage(), "records_in", stage.recordsIn(), "records_out", stage.recordsOut(),
                        "rejected", stage.rejected(), "seconds", Math.round(stage.seconds() * 1000) / 1000.0))
                .toList());
        loads.validation().ifPresent(validation -> root.put("validation", validationMap(validation)));
        loads.mongo().ifPresent(mongoLoad -> root.put("mongo_load", mongoLoadMap(mongoLoad)));
        loads.hbase().ifPresent(hbaseLoad -> root.put("hbase_load", ordered("method", hbaseLoad.method().name(),
                "read", hbaseLoad.read(), "written", hbaseLoad.written(), "rejected", hbaseLoad.rejected(),
                "failed", hbaseLoad.failed(), "rejected_by_rule", byName(hbaseLoad.rejectedByRule()))));
        Map<String, Object> cleaning = new LinkedHashMap<>();
        sparkCleaning.forEach((entity, counts) -> cleaning.put(entity,
                ordered("read", counts.read(), "kept", counts.kept(), "rejected", counts.rejected())));
        root.put("spark_cleaning", cleaning);
        root.put("clv", clvMap());
        root.put("holdout", checks.holdoutSummary());
        checks.truthSummary().ifPresent(truth -> root.put("truth", truth));
        segments.ifPresent(result -> root.put("segments", SegmentationStage.summary(result, checks.truth())));
        root.put("recommendations", recommendations.summary());
        root.put("outputs", outputs);
        root.put("charts", charts.stream().map(Path::toString).toList());
        return root;
    }

    private static Map<String, Object> validationMap(ValidationReport validation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("read", validation.read());
        result.put("accepted", validation.accepted());
        result.put("rejected", validation.rejected());
        result.put("reconciles", validation.reconciles());
        result.put("rejected_by_rule", byName(validation.rejectsByRule()));
        result.put("files", validation.files().stream().map(RunSummary::file).toList());
        return result;
    }

    private static Map<String, Object> file(FileCounts counts) {
        return ordered("file", counts.file(), "entity", counts.entity(), "read", counts.read(),
                "accepted", counts.accepted(), "rejected", counts.rejected());
    }

    private static Map<String, Object> mongoLoadMap(MongoLoadReport mongoLoad) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (CollectionLoadReport collection : mongoLoad.collections()) {
            result.put(collection.collection().collectionName(), ordered("read", collection.read(),
                    "inserted", collection.inserted(), "updated", collection.updated(),
                    "unchanged", collection.unchanged(), "rejected", collection.rejected(),
                    "failed", collection.failed()));
        }
        result.put("failures", mongoLoad.failures().stream()
                .map(failure -> ordered("collection", failure.collection().collectionName(), "id", failure.id(),
                        "reason", failure.reason()))
                .toList());
        return result;
    }

    private Map<String, Object> clvMap() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("observation_end", clv.observationEnd().toString());
        result.put("time_unit", "days");
        var purchase = clv.purchaseFit();
        result.put("bg_nbd", ordered("r", purchase.parameters().r(), "alpha", purchase.parameters().alpha(),
                "a", purchase.parameters().a(), "b", purchase.parameters().b(),
                "log_likelihood", purchase.logLikelihood(), "customers", purchase.customers()));
        var spend = clv.spendFit();
        result.put("gamma_gamma", ordered("p", spend.parameters().p(), "q", spend.parameters().q(),
                "gamma", spend.parameters().gamma(), "log_likelihood", spend.logLikelihood(),
                "customers", spend.customers()));
        return result;
    }

    /** A JSON object whose fields keep the order written here. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** Counts by the rules' wire names ({@code duplicate-id}), as rejects.jsonl and the Spark rejects name them. */
    private static Map<String, Long> byName(Map<Rule, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((rule, count) -> named.put(rule.wireName(), count));
        return named;
    }
}
