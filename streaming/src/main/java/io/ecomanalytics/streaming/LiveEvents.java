package io.ecomanalytics.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.EventValidator;
import io.ecomanalytics.data.EventVerdict;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.Transaction;
import io.ecomanalytics.data.TransactionItem;
import io.ecomanalytics.transforms.Schemas;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The events of a micro-batch, validated: pure functions from the Kafka source's rows to typed rows and rejects.
 *
 * <p>Every event goes through the data module's {@link EventValidator}, the batch path's codec and rule table, so an
 * event is accepted live exactly when its record would be accepted from a file (apart from a repeated id, which live
 * is an upsert). Nothing is dropped: each input row comes out once, accepted or with its rule.
 */
public final class LiveEvents {

    /** The schema of {@link #validate}: the Kafka coordinates, the verdict and the few typed fields metrics need. */
    public static final StructType VALIDATED = new StructType()
            .add("topic", DataTypes.StringType, false)
            .add("key", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType, false)
            .add("offset", DataTypes.LongType, false)
            .add("accepted", DataTypes.BooleanType, false)
            .add("rule", DataTypes.StringType)
            .add("field", DataTypes.StringType)
            .add("message", DataTypes.StringType)
            .add("event_id", DataTypes.StringType)
            .add("user_id", DataTypes.StringType)
            .add("event_time", DataTypes.TimestampType)
            .add("items", DataTypes.createArrayType(new StructType()
                    .add("product_id", DataTypes.StringType, false)
                    .add("subtotal", Schemas.MONEY, false)))
            .add("conversion_status", DataTypes.StringType);

    private LiveEvents() {
    }

    /**
     * Validates each event of {@code kafkaRows} (columns topic, key, value, partition, offset, as the Kafka source
     * gives them) as a transaction or a session by its topic. Output: {@link #VALIDATED}; accepted rows carry the
     * event's id, user, event time (a transaction's {@code timestamp}, a session's {@code end_time}), a
     * transaction's items and a session's conversion status; rejected rows carry the rule, field and message.
     */
    public static Dataset<Row> validate(Dataset<Row> kafkaRows, EventValidator validator) {
        Dataset<Row> text = kafkaRows.select(col("topic"), col("key").cast(DataTypes.StringType).as("key"),
                col("value").cast(DataTypes.StringType).as("value"), col("partition"), col("offset"));
        MapPartitionsFunction<Row, Row> check = rows -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return verdictRow(rows.next(), validator);
            }
        };
        return text.mapPartitions(check, Encoders.row(VALIDATED));
    }

    /**
     * The rejected events as records for {@link EventTopics#REJECTS}: the original key, and as value a JSON object
     * with the source topic, partition and offset, the rule, field and message, and the event text as received.
     */
    public static Dataset<Row> rejects(Dataset<Row> validated) {
        return validated.filter(not(col("accepted"))).select(col("key"),
                to_json(struct(col("topic"), col("partition"), col("offset"), col("rule"), col("field"),
                        col("message"), col("value").as("event"))).as("value"));
    }

    private static Row verdictRow(Row in, EventValidator validator) {
        String topic = in.getString(0);
        String key = in.getString(1);
        String value = in.getString(2);
        int partition = in.getInt(3);
        long offset = in.getLong(4);
        if (EventTopics.TRANSACTIONS.equals(topic)) {
            EventVerdict<Transaction> verdict = validator.validate(EntityType.TRANSACTIONS, value);
            Transaction transaction = verdict.record();
            if (transaction == null) {
                return rejected(topic, key, value, partition, offset, verdict);
            }
            List<Row> items = new ArrayList<>(transaction.items().size());
            for (TransactionItem item : transaction.items()) {
                items.add(RowFactory.create(item.productId(), cents(item.subtotal())));
            }
            return RowFactory.create(topic, key, value, partition, offset, true, null, null, null,
                    transaction.transactionId(), transaction.userId(), Timestamp.from(transaction.timestamp()),
                    CollectionConverters.asScala(items).toSeq(), null);
        }
        if (EventTopics.SESSIONS.equals(topic)) {
            EventVerdict<Session> verdict = validator.validate(EntityType.SESSIONS, value);
            Session session = verdict.record();
            if (session == null) {
                return rejected(topic, key, value, partition, offset, verdict);
            }
            return RowFactory.create(topic, key, value, partition, offset, true, null, null, null,
                    session.sessionId(), session.userId(), Timestamp.from(session.endTime()), null,
                    session.conversionStatus());
        }
        return RowFactory.create(topic, key, value, partition, offset, false, "type", "(record)",
                "events of topic '" + topic + "' are neither transactions nor sessions", null, key, null, null, null);
    }

    private static Row rejected(String topic, String key, String value, int partition, long offset,
            EventVerdict<?> verdict) {
        return RowFactory.create(topic, key, value, partition, offset, false, verdict.rule().wireName(),
                verdict.field(), verdict.message(), null, key, null, null, null);
    }

    /** Money as Spark's decimal(18,2), rounded half-up to the cent as the batch cleaning does. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
