package io.ecomanalytics.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecomanalytics.testing.SampleJson;
import io.ecomanalytics.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.jdk.javaapi.CollectionConverters;

/** The validation is a transform of streaming Datasets too: events added to a {@code MemoryStream} come out judged. */
@ExtendWith(SharedSpark.class)
class LiveEventsStreamingTest {

    @Test
    void validatesEventsAsTheyArriveOnAStream(SparkSession spark) throws Exception {
        MemoryStream<String> values = MemoryStream.apply(Encoders.STRING(), spark.sqlContext());
        Dataset<Row> kafkaRows = values.toDF().select(lit(EventTopics.TRANSACTIONS).as("topic"),
                lit("user_000001").as("key"), col("value"), lit(0).as("partition"), lit(0L).as("offset"));
        StreamingQuery query = LiveEvents.validate(kafkaRows, TestEvents.VALIDATOR)
                .select("value", "accepted", "rule")
                .writeStream().format("memory").queryName("validated_events").outputMode("append").start();
        try {
            values.addData(CollectionConverters.asScala(List.of(SampleJson.TRANSACTION)));
            query.processAllAvailable();
            values.addData(CollectionConverters.asScala(List.of(
                    SampleJson.replaced(SampleJson.TRANSACTION, "\"total\":18.00", "\"total\":17.00"))));
            query.processAllAvailable();
        } finally {
            query.stop();
        }

        List<Row> judged = spark.table("validated_events").collectAsList();
        assertThat(judged).extracting(row -> row.getAs("accepted"), row -> row.getAs("rule"))
                .containsExactlyInAnyOrder(tuple(true, null), tuple(false, "arithmetic"));
    }
}
