package io.ecomanalytics.streaming;

import io.ecomanalytics.data.EventValidator;
import io.ecomanalytics.testing.SampleJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Hand-made events, as the Kafka source delivers them, for the transforms' tests. */
final class TestEvents {
    static final EventValidator VALIDATOR = EventValidator.withReferences(Set.of("user_000001", "user_000002"),
            Set.of("prod_00001", "prod_00002"), Set.of("cat_001", "cat_002"));
    private static final StructType KAFKA_ROWS = new StructType()
            .add("topic", DataTypes.StringType)
            .add("key", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType);

    private TestEvents() {
    }

    /** A valid transaction of one item, no discount: subtotal = total = quantity x unit price. */
    static String transaction(String id, String user, String timestamp, String product, int quantity,
            String unitPrice) {
        String subtotal = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity))
                .toPlainString();
        return String.format(Locale.ROOT, "{\"transaction_id\":\"%s\",\"session_id\":null,\"user_id\":\"%s\","
                + "\"timestamp\":\"%s\",\"items\":[{\"product_id\":\"%s\",\"quantity\":%d,\"unit_price\":%s,"
                + "\"subtotal\":%s}],\"subtotal\":%s,\"discount\":0.00,\"total\":%s,\"payment_method\":\"paypal\","
                + "\"status\":\"completed\"}", id, user, timestamp, product, quantity, unitPrice, subtotal, subtotal,
                subtotal);
    }

    /** The sample session, ending at {@code endTime} with the given conversion status. */
    static String session(String id, String endTime, String conversionStatus) {
        String session = SampleJson.replaced(SampleJson.SESSION, "sess_0000000001", id);
        session = SampleJson.replaced(session, "\"end_time\":\"2024-02-01T10:00:00\"", "\"end_time\":\"" + endTime
                + "\"");
        return SampleJson.replaced(session, "\"conversion_status\":\"converted\"", "\"conversion_status\":\""
                + conversionStatus + "\"");
    }

    /** The events as Kafka source rows, in the order given, all in partition 0. */
    static Dataset<Row> kafkaRows(SparkSession spark, List<String[]> topicAndValue) {
        List<Row> rows = new ArrayList<>();
        long offset = 0;
        for (String[] event : topicAndValue) {
            rows.add(RowFactory.create(event[0], "user_000001", event[1], 0, offset++));
        }
        return spark.createDataFrame(rows, KAFKA_ROWS);
    }
}
