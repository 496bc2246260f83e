package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.spark.sql.connector.config.MongoConfig;
import com.mongodb.spark.sql.connector.config.ReadConfig;
import com.mongodb.spark.sql.connector.read.MongoInputPartition;
import com.mongodb.spark.sql.connector.read.partitioner.PaginateIntoPartitionsPartitioner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connector's own partitioner, run against the same server, is the expected answer. */
@ExtendWith(EmbeddedMongoExtension.class)
class OnePassPaginatePartitionerIT {
    private static final String COLLECTION = "partitioner_check";
    /** How the connector names read options outside a DataFrameReader. */
    private static final String READ = "spark.mongodb.read.";

    @ParameterizedTest(name = "{0} documents, at most {1} partitions")
    @CsvSource({"0, 8", "1, 8", "2, 8", "5, 8", "8, 8", "9, 8", "100, 8", "1001, 8", "1001, 64", "20000, 8"})
    void givesTheConnectorsPaginatedPartitions(int documents, int maxPartitions, MongoSettings settings) {
        fill(settings, documents);
        ReadConfig config = readConfig(settings, maxPartitions, null);

        List<MongoInputPartition> onePass = new OnePassPaginatePartitioner().generatePartitions(config);

        assertThat(onePass).isEqualTo(new PaginateIntoPartitionsPartitioner().generatePartitions(config));
        // ceil(documents / n) ranges of n = ceil(documents / maxPartitions) documents: 9 documents make 5 of 2.
        int perPartition = (documents + maxPartitions - 1) / maxPartitions;
        assertThat(onePass).hasSize(documents <= 1 ? 1 : (documents + perPartition - 1) / perPartition);
    }

    @Test
    void paginatesWhatTheReadsPipelineMatches(MongoSettings settings) {
        fill(settings, 1000);
        ReadConfig config = readConfig(settings, 4, "[{\"$match\": {\"group\": 1}}]");

        List<MongoInputPartition> onePass = new OnePassPaginatePartitioner().generatePartitions(config);

        assertThat(onePass).isEqualTo(new PaginateIntoPartitionsPartitioner().generatePartitions(config));
        assertThat(onePass).hasSize(4);
        assertThat(onePass.get(0).getPipeline().toString()).contains("\"group\": 1").contains("$lt");
    }

    @Test
    void refusesAPartitionCountBelowOne(MongoSettings settings) {
        fill(settings, 10);

        assertThatThrownBy(() -> new OnePassPaginatePartitioner().generatePartitions(readConfig(settings, 0, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitioner.options.max.number.of.partitions is 0; it must be greater than zero");
    }

    /** Ids whose string order differs from their insertion order, in two groups. */
    private static void fill(MongoSettings settings, int documents) {
        try (MongoStore store = MongoStore.connect(settings)) {
            MongoCollection<Document> collection = store.database().getCollection(COLLECTION);
            collection.drop();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", String.format(Locale.ROOT, "t%d", (i * 7919L) % 100_003))
                        .append("group", i % 2));
            }
            if (!batch.isEmpty()) {
                collection.insertMany(batch);
            }
        }
    }

    private static ReadConfig readConfig(MongoSettings settings, int maxPartitions, String pipeline) {
        Map<String, String> options = new HashMap<>();
        options.put(READ + "connection.uri", settings.uri());
        options.put(READ + "database", settings.database());
        options.put(READ + "collection", COLLECTION);
        options.put(READ + "partitioner.options.max.number.of.partitions", String.valueOf(maxPartitions));
        if (pipeline != null) {
            options.put(READ + "aggregation.pipeline", pipeline);
        }
        return MongoConfig.readConfig(options);
    }
}
