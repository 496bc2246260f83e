package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MongoSettingsTest {

    @Test
    void defaultsToTheEcommerceDatabaseAndThePaginatingPartitioner() {
        MongoSettings settings = MongoSettings.of("mongodb://localhost:27017");

        assertThat(settings.database()).isEqualTo("ecommerce");
        assertThat(settings.sparkPartitioner())
                .isEqualTo("com.mongodb.spark.sql.connector.read.partitioner.PaginateIntoPartitionsPartitioner");
        assertThat(settings.withSparkPartitioner(MongoSettings.SAMPLE_PARTITIONER).sparkPartitioner())
                .isEqualTo("com.mongodb.spark.sql.connector.read.partitioner.SamplePartitioner");
    }

    @Test
    void toStringMasksThePassword() {
        MongoSettings settings = MongoSettings.of("mongodb+srv://admin:hunter2@cluster.example.net", "shop");

        assertThat(settings.toString())
                .isEqualTo("MongoSettings[uri=mongodb+srv://admin:****@cluster.example.net, database=shop,"
                        + " sparkPartitioner=" + MongoSettings.PAGINATE_INTO_PARTITIONS_PARTITIONER + "]")
                .doesNotContain("hunter2");
        assertThat(settings.uri()).contains("hunter2");
    }

    @Test
    void anInvalidUriIsRefusedWithAMaskedMessage() {
        assertThatThrownBy(() -> MongoSettings.of("mongodb://admin:hunter2@host:notaport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'mongodb://admin:****@host:notaport' is not a MongoDB connection string")
                .hasMessageContaining("Use mongodb://host:port or mongodb+srv://host")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aBlankDatabaseIsRefused() {
        assertThatThrownBy(() -> MongoSettings.of("mongodb://localhost", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The MongoDB database name is blank; pass a name such as ecommerce");
    }
}
