package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The conversion funnel over sessions' page views. */
public final class ConversionFunnel {

    /**
     * The stages in order, with the page types that reach each: landing (home, search, category_listing), then
     * product_detail, cart, checkout, confirmation.
     */
    public static final List<List<String>> STAGE_PAGE_TYPES = List.of(
            List.of("home", "search", "category_listing"),
            List.of("product_detail"),
            List.of("cart"),
            List.of("checkout"),
            List.of("confirmation"));
    /** The stage names, in funnel order. */
    public static final List<String> STAGES = List.of("landing", "product_detail", "cart", "checkout",
            "confirmation");

    private ConversionFunnel() {
    }

    /**
     * How many sessions reach each stage. A session reaches a stage when it has a page view of that stage's page
     * types and of every earlier stage's (in any order: a visitor may land on a product page from a search engine
     * and still have browsed the home page later).
     *
     * <p>Output schema, five rows ordered by stage_number: stage_number int (1-5), stage string, sessions long,
     * rate_from_previous double (sessions / sessions of the previous stage; 1.0 for the first stage, null when the
     * previous stage has none), rate_from_start double (sessions / sessions of the first stage).
     *
     * @param sessions cleaned sessions
     */
    public static Dataset<Row> stages(Dataset<Row> sessions) {
        Column reached = lit(true);
        Column[] counts = new Column[STAGES.size()];
        for (int stage = 0; stage < STAGES.size(); stage++) {
            List<String> pageTypes = STAGE_PAGE_TYPES.get(stage);
            Column visited = exists(col("page_views"), view -> view.getField("page_type").isin(pageTypes.toArray()));
            reached = reached.and(visited);
            counts[stage] = SessionEngagement.countWhere(reached).as("stage_" + stage);
        }
        Dataset<Row> totals = sessions.agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, counts.length));
        StringBuilder stack = new StringBuilder("stack(").append(STAGES.size());
        for (int stage = 0; stage < STAGES.size(); stage++) {
            int previous = Math.max(stage - 1, 0);
            stack.append(", ").append(stage + 1).append(", '").append(STAGES.get(stage)).append("', stage_")
                    .append(stage).append(", stage_").append(previous).append(", stage_0");
        }
        stack.append(") as (stage_number, stage, sessions, previous_sessions, first_sessions)");
        return totals.selectExpr(stack.toString())
                .select(col("stage_number"), col("stage"), col("sessions"),
                        Revenue.share(col("sessions"), col("previous_sessions")).as("rate_from_previous"),
                        Revenue.share(col("sessions"), col("first_sessions")).as("rate_from_start"))
                .orderBy("stage_number");
    }
}
