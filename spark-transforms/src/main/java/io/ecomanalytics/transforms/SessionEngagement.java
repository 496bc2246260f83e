package io.ecomanalytics.transforms;

import static io.ecomanalytics.transforms.Revenue.share;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import io.ecomanalytics.data.Vocabulary;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** Session engagement per user, from the sessions (HBase). */
public final class SessionEngagement {

    /** Device types counted in the device mix, each a {@code device_<type>} column: the dataset's vocabulary. */
    private static final List<String> DEVICE_TYPES = Vocabulary.DEVICE_TYPES;
    /** Referrers counted in the referrer mix, each a {@code referrer_<referrer>} column: the dataset's vocabulary. */
    private static final List<String> REFERRERS = Vocabulary.REFERRERS;

    private SessionEngagement() {
    }

    /**
     * Engagement per user; users without a session are absent.
     *
     * <p>Output schema, ordered by user_id: user_id string, sessions long, total_duration_seconds long,
     * average_duration_seconds double, page_views long, converted_sessions long (conversion_status converted),
     * conversion_rate double (converted_sessions / sessions), device_mobile, device_desktop, device_tablet long
     * (sessions per device type), referrer_direct, referrer_email, referrer_social, referrer_search_engine,
     * referrer_affiliate long (sessions per referrer, the dataset's vocabularies).
     *
     * @param sessions cleaned sessions
     */
    public static Dataset<Row> perUser(Dataset<Row> sessions) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(sum(col("duration_seconds").cast(DataTypes.LongType)).as("total_duration_seconds"));
        aggregates.add(avg(col("duration_seconds")).as("average_duration_seconds"));
        aggregates.add(sum(size(col("page_views")).cast(DataTypes.LongType)).as("page_views"));
        aggregates.add(countWhere(col("conversion_status").equalTo("converted")).as("converted_sessions"));
        for (String type : DEVICE_TYPES) {
            aggregates.add(countWhere(col("device_profile.type").equalTo(type)).as("device_" + type));
        }
        for (String referrer : REFERRERS) {
            aggregates.add(countWhere(col("referrer").equalTo(referrer)).as("referrer_" + referrer));
        }
        Dataset<Row> perUser = sessions.groupBy("user_id")
                .agg(count(lit(1)).as("sessions"), aggregates.toArray(Column[]::new));
        List<Column> output = new ArrayList<>(List.of(col("user_id"), col("sessions"), col("total_duration_seconds"),
                col("average_duration_seconds"), col("page_views"), col("converted_sessions"),
                share(col("converted_sessions"), col("sessions")).as("conversion_rate")));
        DEVICE_TYPES.forEach(type -> output.add(col("device_" + type)));
        REFERRERS.forEach(referrer -> output.add(col("referrer_" + referrer)));
        return perUser.select(output.toArray(Column[]::new)).orderBy("user_id");
    }

    static Column countWhere(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }
}
