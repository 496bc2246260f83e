package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One row per page view of a session: the {@code page_views} table. */
public final class PageViews {

    private PageViews() {
    }

    /**
     * Explodes the page views of cleaned sessions.
     *
     * <p>Output schema: session_id string, user_id string, view_number int (1-based position in the session),
     * timestamp timestamp, page_type string, product_id string, category_id string, view_duration double.
     *
     * @param sessions cleaned sessions ({@link Cleaning#sessions})
     */
    public static Dataset<Row> from(Dataset<Row> sessions) {
        return sessions
                .select(col("session_id"), col("user_id"), posexplode(col("page_views")).as(new String[] {"position",
                        "view"}))
                .select(col("session_id"), col("user_id"), col("position").plus(1).as("view_number"),
                        col("view.timestamp").as("timestamp"), col("view.page_type").as("page_type"),
                        col("view.product_id").as("product_id"), col("view.category_id").as("category_id"),
                        col("view.view_duration").as("view_duration"));
    }
}
