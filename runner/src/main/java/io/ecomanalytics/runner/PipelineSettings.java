package io.ecomanalytics.runner;

import io.ecomanalytics.clv.EngagementWeights;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.hbase.LoadMethod;
import io.ecomanalytics.hbase.SessionLoadOptions;
import io.ecomanalytics.mongo.MongoLoadOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one pipeline run.
 *
 * @param data                an existing dataset folder, or empty to generate one from {@code generatorSpec}
 * @param generatorSpec       what to generate when there is no dataset folder
 * @param out                 the results folder (any Hadoop filesystem URI), replaced as a whole when the run succeeds
 * @param horizonMonths       CLV horizon in months
 * @param monthlyDiscountRate CLV monthly discount rate
 * @param holdoutShare        the share of the observation period, at its end, held out to check the CLV models
 * @param engagementWeights   weights of the engagement-weighted composite score
 * @param hbaseRegions        regions the sessions table is pre-split into
 * @param hbaseLoadMethod     how sessions reach HBase
 * @param mongoBatchSize      documents per MongoDB bulk write
 */
record PipelineSettings(Optional<Path> data, GeneratorSpec generatorSpec, URI out, int horizonMonths,
        double monthlyDiscountRate, double holdoutShare, EngagementWeights engagementWeights, int hbaseRegions, LoadMethod hbaseLoadMethod,
        int mongoBatchSize) {

    PipelineSettings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(generatorSpec, "generatorSpec");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(engagementWeights, "engagementWeights");
        Objects.requireNonNull(hbaseLoadMethod, "hbaseLoadMethod");
        if (!(holdoutShare > 0 && holdoutShare < 1)) {
            throw new IllegalArgumentException("the holdout share is " + holdoutShare + "; it must lie between 0 and"
                    + " 1 (0.2 holds out the last fifth of the observation period)");
        }
    }

    /** The default holdout: the last fifth of the observation period, as in the lifetimes documentation. */
    static final double DEFAULT_HOLDOUT_SHARE = 0.2;

    MongoLoadOptions mongoLoadOptions() {
        return MongoLoadOptions.defaults().withBatchSize(mongoBatchSize);
    }

    SessionLoadOptions hbaseLoadOptions(String table) {
        return SessionLoadOptions.defaults(table).withMethod(hbaseLoadMethod);
    }
}
