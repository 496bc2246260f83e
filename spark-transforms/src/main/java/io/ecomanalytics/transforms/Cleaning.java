package io.ecomanalytics.transforms;

import static io.ecomanalytics.transforms.Columns.enumeration;
import static io.ecomanalytics.transforms.Columns.fieldType;
import static io.ecomanalytics.transforms.Columns.money;
import static io.ecomanalytics.transforms.Columns.text;
import static io.ecomanalytics.transforms.Columns.unreadableDatetime;
import static io.ecomanalytics.transforms.Columns.utcTimestamp;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.transform_values;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Cleaning and normalisation of each entity, from any of the source schemas in {@link Schemas}.
 *
 * <p>Every method returns the valid rows in the cleaned schema and the others, unchanged, in a rejects dataset with a
 * {@value Cleaned#REJECT_REASON} column (the first rule a row breaks). The cleaned schemas keep the dataset's field
 * names and nesting, with these normalisations:
 * <ul>
 *   <li>datetimes are {@code TimestampType} UTC instants (naive ISO-8601 text is read as UTC);</li>
 *   <li>money is {@code decimal(18,2)} ({@link Schemas#MONEY});</li>
 *   <li>ids and names are trimmed, blank becomes null; enumerations (device type/os/browser, page_type,
 *       conversion_status, referrer, payment_method, status) are trimmed and lower-cased;</li>
 *   <li>missing arrays and maps become empty ones;</li>
 *   <li>duplicates by id: the row with the latest version timestamp wins (ties: the one later in the input); the
 *       others are rejected as superseded.</li>
 * </ul>
 * The input may carry extra columns (MongoDB's {@code _id}); they are dropped from the kept rows.
 */
public final class Cleaning {

    private static final String POSITION = "__position";
    private static final String INVALID = "__invalid";

    private Cleaning() {
    }

    /**
     * Users. Kept schema: user_id string, geo_data struct{city, state, country}, registration_date timestamp,
     * last_active timestamp. Rejected: missing user_id, unreadable datetimes; duplicates (latest last_active wins).
     */
    public static Cleaned users(Dataset<Row> users) {
        Columns.requireFields(users, "users", Schemas.usersFromJson());
        Column clean = struct(
                text(users.col("user_id")).as("user_id"),
                struct(
                        text(users.col("geo_data.city")).as("city"),
                        text(users.col("geo_data.state")).as("state"),
                        text(users.col("geo_data.country")).as("country")).as("geo_data"),
                utcTimestamp(users.col("registration_date"), fieldType(users, "registration_date"))
                        .as("registration_date"),
                utcTimestamp(users.col("last_active"), fieldType(users, "last_active")).as("last_active"));
        return split(users, clean, "user_id", "last_active", reasons -> reasons
                .when(cleaned("user_id").isNull(), lit("missing user_id"))
                .when(unreadableDatetime(users.col("registration_date"), cleaned("registration_date")),
                        unreadable("registration_date", users.col("registration_date")))
                .when(unreadableDatetime(users.col("last_active"), cleaned("last_active")),
                        unreadable("last_active", users.col("last_active"))));
    }

    /**
     * Products. Kept schema: product_id, name, category_id (strings), base_price decimal(18,2), current_stock int,
     * is_active boolean, price_history array&lt;struct{price decimal(18,2), date timestamp}&gt;, creation_date
     * timestamp. Rejected: missing product_id or category_id, missing or negative base_price, negative stock,
     * unreadable creation_date; duplicates (latest creation_date wins).
     */
    public static Cleaned products(Dataset<Row> products) {
        Columns.requireFields(products, "products", Schemas.productsFromJson());
        Column history = coalesce(products.col("price_history"),
                array().cast(fieldType(products, "price_history")));
        Column clean = struct(
                text(products.col("product_id")).as("product_id"),
                text(products.col("name")).as("name"),
                text(products.col("category_id")).as("category_id"),
                money(products.col("base_price")).as("base_price"),
                products.col("current_stock").cast(DataTypes.IntegerType).as("current_stock"),
                products.col("is_active").cast(DataTypes.BooleanType).as("is_active"),
                transform(history, entry -> struct(
                        money(entry.getField("price")).as("price"),
                        utcTimestamp(entry.getField("date"), fieldType(products, "price_history", "date"))
                                .as("date"))).as("price_history"),
                utcTimestamp(products.col("creation_date"), fieldType(products, "creation_date"))
                        .as("creation_date"));
        return split(products, clean, "product_id", "creation_date", reasons -> reasons
                .when(cleaned("product_id").isNull(), lit("missing product_id"))
                .when(cleaned("category_id").isNull(), lit("missing category_id"))
                .when(cleaned("base_price").isNull(), lit("missing or unreadable base_price"))
                .when(cleaned("base_price").lt(0), lit("negative base_price"))
                .when(cleaned("current_stock").lt(0), lit("negative current_stock"))
                .when(unreadableDatetime(products.col("creation_date"), cleaned("creation_date")),
                        unreadable("creation_date", products.col("creation_date"))));
    }

    /**
     * Categories. Kept schema: category_id, name, subcategories array&lt;struct{subcategory_id, name,
     * profit_margin double}&gt;. Rejected: missing category_id; duplicates (the later one in the input wins).
     */
    public static Cleaned categories(Dataset<Row> categories) {
        Columns.requireFields(categories, "categories", Schemas.categoriesFromJson());
        Column subcategories = coalesce(categories.col("subcategories"),
                array().cast(fieldType(categories, "subcategories")));
        Column clean = struct(
                text(categories.col("category_id")).as("category_id"),
                text(categories.col("name")).as("name"),
                transform(subcategories, subcategory -> struct(
                        text(subcategory.getField("subcategory_id")).as("subcategory_id"),
                        text(subcategory.getField("name")).as("name"),
                        subcategory.getField("profit_margin").cast(DataTypes.DoubleType).as("profit_margin")))
                        .as("subcategories"),
                lit(null).cast(DataTypes.TimestampType).as(Cleaned.VERSION));
        return split(categories, clean, "category_id", Cleaned.VERSION, reasons -> reasons
                .when(cleaned("category_id").isNull(), lit("missing category_id")));
    }

    /**
     * Transactions. Kept schema: transaction_id, session_id, user_id (strings), timestamp timestamp,
     * items array&lt;struct{product_id string, quantity int, unit_price decimal(18,2), subtotal decimal(18,2)}&gt;,
     * subtotal, discount, total (decimal(18,2)), payment_method, status (lower-case strings). A missing item subtotal
     * becomes quantity x unit_price, a missing transaction subtotal the sum of the items, a missing discount 0.
     * Rejected: missing transaction_id, user_id or timestamp, unreadable timestamp, no items, an item without
     * product_id, with a missing or negative quantity or unit_price, a missing or negative total; duplicates (latest
     * timestamp wins). Zero-quantity items are kept (they sell nothing; {@link TransactionItems} leaves them out).
     */
    public static Cleaned transactions(Dataset<Row> transactions) {
        Columns.requireFields(transactions, "transactions", Schemas.transactionsFromJson());
        Column rawItems = transactions.col("items");
        Column items = transform(coalesce(rawItems, array().cast(fieldType(transactions, "items"))), item -> struct(
                text(item.getField("product_id")).as("product_id"),
                item.getField("quantity").cast(DataTypes.IntegerType).as("quantity"),
                money(item.getField("unit_price")).as("unit_price"),
                coalesce(money(item.getField("subtotal")),
                        money(item.getField("unit_price")).multiply(item.getField("quantity")).cast(Schemas.MONEY))
                        .as("subtotal")));
        Column itemsSubtotal = aggregate(items, lit(BigDecimal.ZERO).cast(Schemas.MONEY),
                (sum, item) -> sum.plus(coalesce(item.getField("subtotal"), lit(BigDecimal.ZERO)))
                        .cast(Schemas.MONEY));
        Column clean = struct(
                text(transactions.col("transaction_id")).as("transaction_id"),
                text(transactions.col("session_id")).as("session_id"),
                text(transactions.col("user_id")).as("user_id"),
                utcTimestamp(transactions.col("timestamp"), fieldType(transactions, "timestamp")).as("timestamp"),
                items.as("items"),
                coalesce(money(transactions.col("subtotal")), itemsSubtotal).as("subtotal"),
                coalesce(money(transactions.col("discount")), lit(BigDecimal.ZERO).cast(Schemas.MONEY))
                        .as("discount"),
                money(transactions.col("total")).as("total"),
                enumeration(transactions.col("payment_method")).as("payment_method"),
                enumeration(transactions.col("status")).as("status"));
        Column cleanItems = cleaned("items");
        return split(transactions, clean, "transaction_id", "timestamp", reasons -> reasons
                .when(cleaned("transaction_id").isNull(), lit("missing transaction_id"))
                .when(cleaned("user_id").isNull(), lit("missing user_id"))
                .when(transactions.col("timestamp").isNull(), lit("missing timestamp"))
                .when(cleaned("timestamp").isNull(), unreadable("timestamp", transactions.col("timestamp")))
                .when(rawItems.isNull().or(size(rawItems).equalTo(0)), lit("no items"))
                .when(exists(cleanItems, item -> item.getField("product_id").isNull()),
                        lit("an item has no product_id"))
                .when(exists(cleanItems, item -> item.getField("quantity").isNull()
                        .or(item.getField("quantity").lt(0))), lit("an item has a missing or negative quantity"))
                .when(exists(cleanItems, item -> item.getField("unit_price").isNull()
                        .or(item.getField("unit_price").lt(0))), lit("an item has a missing or negative unit_price"))
                .when(cleaned("total").isNull(), lit("missing or unreadable total"))
                .when(cleaned("total").lt(0), lit("negative total")));
    }

    /**
     * Sessions, from {@link Schemas#sessionsFromJson()} or from {@link #nestHBaseSessions}. Kept schema:
     * session_id, user_id, start_time, end_time, duration_seconds int, geo_data struct{city, state, country,
     * ip_address}, device_profile struct{type, os, browser} (lower-case), viewed_products array&lt;string&gt;,
     * page_views array&lt;struct{timestamp timestamp, page_type (lower-case), product_id, category_id,
     * view_duration double}&gt;, cart_contents map&lt;string, struct{quantity int, price decimal(18,2)}&gt;,
     * conversion_status, referrer (lower-case). Rejected: missing session_id or user_id, missing or unreadable
     * start_time, unreadable end_time, negative duration; duplicates (latest end_time wins).
     */
    public static Cleaned sessions(Dataset<Row> sessions) {
        Columns.requireFields(sessions, "sessions", Schemas.sessionsFromJson());
        Column pageViews = coalesce(sessions.col("page_views"), array().cast(fieldType(sessions, "page_views")));
        Column viewed = coalesce(sessions.col("viewed_products"),
                array().cast(fieldType(sessions, "viewed_products")));
        Column cart = coalesce(sessions.col("cart_contents"), map().cast(fieldType(sessions, "cart_contents")));
        Column clean = struct(
                text(sessions.col("session_id")).as("session_id"),
                text(sessions.col("user_id")).as("user_id"),
                utcTimestamp(sessions.col("start_time"), fieldType(sessions, "start_time")).as("start_time"),
                utcTimestamp(sessions.col("end_time"), fieldType(sessions, "end_time")).as("end_time"),
                sessions.col("duration_seconds").cast(DataTypes.IntegerType).as("duration_seconds"),
                struct(
                        text(sessions.col("geo_data.city")).as("city"),
                        text(sessions.col("geo_data.state")).as("state"),
                        text(sessions.col("geo_data.country")).as("country"),
                        text(sessions.col("geo_data.ip_address")).as("ip_address")).as("geo_data"),
                struct(
                        enumeration(sessions.col("device_profile.type")).as("type"),
                        enumeration(sessions.col("device_profile.os")).as("os"),
                        enumeration(sessions.col("device_profile.browser")).as("browser")).as("device_profile"),
                transform(viewed, Columns::text).as("viewed_products"),
                transform(pageViews, view -> struct(
                        utcTimestamp(view.getField("timestamp"), fieldType(sessions, "page_views", "timestamp"))
                                .as("timestamp"),
                        enumeration(view.getField("page_type")).as("page_type"),
                        text(view.getField("product_id")).as("product_id"),
                        text(view.getField("category_id")).as("category_id"),
                        view.getField("view_duration").cast(DataTypes.DoubleType).as("view_duration")))
                        .as("page_views"),
                transform_values(cart, (productId, line) -> struct(
                        line.getField("quantity").cast(DataTypes.IntegerType).as("quantity"),
                        money(line.getField("price")).as("price"))).as("cart_contents"),
                enumeration(sessions.col("conversion_status")).as("conversion_status"),
                enumeration(sessions.col("referrer")).as("referrer"),
                coalesce(utcTimestamp(sessions.col("end_time"), fieldType(sessions, "end_time")),
                        utcTimestamp(sessions.col("start_time"), fieldType(sessions, "start_time")))
                        .as(Cleaned.VERSION));
        return split(sessions, clean, "session_id", Cleaned.VERSION, reasons -> reasons
                .when(cleaned("session_id").isNull(), lit("missing session_id"))
                .when(cleaned("user_id").isNull(), lit("missing user_id"))
                .when(sessions.col("start_time").isNull(), lit("missing start_time"))
                .when(cleaned("start_time").isNull(), unreadable("start_time", sessions.col("start_time")))
                .when(unreadableDatetime(sessions.col("end_time"), cleaned("end_time")),
                        unreadable("end_time", sessions.col("end_time")))
                .when(cleaned("duration_seconds").lt(0), lit("negative duration_seconds")));
    }

    /**
     * Turns flat HBase session rows ({@link Schemas#sessionsFromHBase()}) into the nested session shape that
     * {@link #sessions} cleans (the JSON field names, timestamps already typed).
     */
    public static Dataset<Row> nestHBaseSessions(Dataset<Row> hbaseSessions) {
        return hbaseSessions.select(
                col("session_id"),
                col("user_id"),
                col("start_time"),
                col("end_time"),
                col("duration_seconds"),
                struct(col("geo_city").as("city"), col("geo_state").as("state"), col("geo_country").as("country"),
                        col("geo_ip_address").as("ip_address")).as("geo_data"),
                struct(col("device_type").as("type"), col("device_os").as("os"), col("device_browser").as("browser"))
                        .as("device_profile"),
                col("viewed_products"),
                col("page_views"),
                col("cart_contents"),
                col("conversion_status"),
                col("referrer"));
    }

    /** The rules of one entity, as a {@code when} chain whose first matching branch names the reason. */
    private interface Rules {
        Column apply(Column start);
    }

    private static Column cleaned(String field) {
        return col(Cleaned.CLEANED).getField(field);
    }

    private static Column unreadable(String field, Column raw) {
        return concat(lit(field + " '"), raw.cast(DataTypes.StringType), lit("' is not an ISO-8601 datetime"));
    }

    private static Cleaned split(Dataset<Row> input, Column clean, String idField, String versionField, Rules rules) {
        String[] inputColumns = input.columns();
        Column firstRule = when(lit(false), lit(null).cast(DataTypes.StringType));
        Dataset<Row> staged = input
                .withColumn(POSITION, monotonically_increasing_id())
                .withColumn(Cleaned.CLEANED, clean);
        staged = staged.withColumn(INVALID, rules.apply(firstRule));
        Column laterFirst = row_number().over(Window
                .partitionBy(cleaned(idField), col(INVALID).isNull())
                .orderBy(cleaned(versionField).desc_nulls_last(), col(POSITION).desc()));
        Column superseded = concat(lit("duplicate " + idField + " '"), cleaned(idField),
                lit("': superseded by a later record with the same " + idField));
        Dataset<Row> withReason = staged.withColumn(Cleaned.REJECT_REASON,
                coalesce(col(INVALID), when(laterFirst.gt(1), superseded)));
        // Each row keeps only the side it needs (the input on rejected rows, the cleaned struct on kept rows), so
        // that a materialised copy holds no more than the kept and rejected rows would on their own.
        Column rejected = col(Cleaned.REJECT_REASON).isNotNull();
        Column[] decided = new Column[inputColumns.length + 2];
        for (int i = 0; i < inputColumns.length; i++) {
            decided[i] = when(rejected, withReason.col("`" + inputColumns[i] + "`")).as(inputColumns[i]);
        }
        decided[inputColumns.length] = when(col(Cleaned.REJECT_REASON).isNull(), col(Cleaned.CLEANED))
                .as(Cleaned.CLEANED);
        decided[inputColumns.length + 1] = col(Cleaned.REJECT_REASON);
        return new Cleaned(withReason.select(decided));
    }
}
