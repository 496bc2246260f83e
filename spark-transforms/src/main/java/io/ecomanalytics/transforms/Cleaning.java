package io.ecomanalytics.transforms;

import static io.ecomanalytics.transforms.Columns.fieldType;
import static io.ecomanalytics.transforms.Columns.money;
import static io.ecomanalytics.transforms.Columns.utcTimestamp;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.transform_values;
import static org.apache.spark.sql.functions.when;

import io.ecomanalytics.data.EntityRules;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.Rule;
import io.ecomanalytics.data.RuleTable;
import io.ecomanalytics.transforms.RulePredicates.Branch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Cleaning of each entity, from any of the source schemas in {@link Schemas}.
 *
 * <p>Every method returns the valid rows in the cleaned schema and the others, unchanged, as rejected rows with the
 * rule they broke first ({@value Cleaned#REJECT_RULE}, the data module's rule names) and why
 * ({@value Cleaned#REJECT_REASON}). What is valid is the data module's {@code RuleTable}, the same definition the
 * Java validation and MongoDB's validators are derived from: types, required fields, vocabularies and bounds become
 * predicates ({@link RulePredicates}), and the checks across fields are written here once each. The cleaned schemas
 * keep the dataset's field names, nesting and values as spelled (DESIGN section 5a), with these typings:
 * <ul>
 *   <li>datetimes are {@code TimestampType} UTC instants (naive ISO-8601 text is read as UTC);</li>
 *   <li>money is {@code decimal(18,2)} ({@link Schemas#MONEY}), rounded half-up to the cent;</li>
 *   <li>text (ids, names, enumerations) is kept exactly as written: a value outside the vocabulary is rejected,
 *       never rewritten;</li>
 *   <li>duplicates by id: the first valid row in the input wins, later ones are rejected ({@code duplicate-id}), as
 *       the Java validation does.</li>
 * </ul>
 * References to other entities are not checked here: the loaders' validation refuses dangling ones before they reach
 * a store. The input may carry extra columns (MongoDB's {@code _id}); they are dropped from the kept rows. A
 * {@value Schemas#CORRUPT_RECORD} column (JSON read in PERMISSIVE mode with {@link Schemas#withCorruptRecord}) marks
 * records the reader could not type: they are rejected with rule {@code type}.
 */
public final class Cleaning {

    private static final String POSITION = "__position";
    private static final String VERDICT = "__verdict";
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    private Cleaning() {
    }

    /**
     * Users. Kept schema: user_id string, geo_data struct{city, state, country}, registration_date timestamp,
     * last_active timestamp.
     */
    public static Cleaned users(Dataset<Row> users) {
        Columns.requireFields(users, "users", Schemas.usersFromJson());
        Column clean = struct(
                users.col("user_id").as("user_id"),
                struct(
                        users.col("geo_data.city").as("city"),
                        users.col("geo_data.state").as("state"),
                        users.col("geo_data.country").as("country")).as("geo_data"),
                utcTimestamp(users.col("registration_date"), fieldType(users, "registration_date"))
                        .as("registration_date"),
                utcTimestamp(users.col("last_active"), fieldType(users, "last_active")).as("last_active"));
        return split(users, clean, RuleTable.of(EntityType.USERS), List.of(new Branch(
                cleaned("last_active").lt(cleaned("registration_date")), Rule.CHRONOLOGY,
                "last_active is before registration_date")));
    }

    /**
     * Products. Kept schema: product_id, name, category_id (strings), base_price decimal(18,2), current_stock int,
     * is_active boolean, price_history array&lt;struct{price decimal(18,2), date timestamp}&gt;, creation_date
     * timestamp.
     */
    public static Cleaned products(Dataset<Row> products) {
        Columns.requireFields(products, "products", Schemas.productsFromJson());
        Column clean = struct(
                products.col("product_id").as("product_id"),
                products.col("name").as("name"),
                products.col("category_id").as("category_id"),
                money(products.col("base_price")).as("base_price"),
                products.col("current_stock").cast(DataTypes.IntegerType).as("current_stock"),
                products.col("is_active").cast(DataTypes.BooleanType).as("is_active"),
                transform(products.col("price_history"), entry -> struct(
                        money(entry.getField("price")).as("price"),
                        utcTimestamp(entry.getField("date"), fieldType(products, "price_history", "date"))
                                .as("date"))).as("price_history"),
                utcTimestamp(products.col("creation_date"), fieldType(products, "creation_date"))
                        .as("creation_date"));
        return split(products, clean, RuleTable.of(EntityType.PRODUCTS), List.of());
    }

    /**
     * Categories. Kept schema: category_id, name, subcategories array&lt;struct{subcategory_id, name,
     * profit_margin double}&gt;.
     */
    public static Cleaned categories(Dataset<Row> categories) {
        Columns.requireFields(categories, "categories", Schemas.categoriesFromJson());
        Column clean = struct(
                categories.col("category_id").as("category_id"),
                categories.col("name").as("name"),
                transform(categories.col("subcategories"), subcategory -> struct(
                        subcategory.getField("subcategory_id").as("subcategory_id"),
                        subcategory.getField("name").as("name"),
                        subcategory.getField("profit_margin").cast(DataTypes.DoubleType).as("profit_margin")))
                        .as("subcategories"));
        return split(categories, clean, RuleTable.of(EntityType.CATEGORIES), List.of());
    }

    /**
     * Transactions. Kept schema: transaction_id, session_id, user_id (strings), timestamp timestamp,
     * items array&lt;struct{product_id string, quantity int, unit_price decimal(18,2), subtotal decimal(18,2)}&gt;,
     * subtotal, discount, total (decimal(18,2)), payment_method, status (as written). Item subtotals, the
     * transaction's subtotal and its total must add up to within half a cent, and the discount may not exceed the
     * subtotal.
     */
    public static Cleaned transactions(Dataset<Row> transactions) {
        Columns.requireFields(transactions, "transactions", Schemas.transactionsFromJson());
        Column items = transform(transactions.col("items"), item -> struct(
                item.getField("product_id").as("product_id"),
                item.getField("quantity").cast(DataTypes.IntegerType).as("quantity"),
                money(item.getField("unit_price")).as("unit_price"),
                money(item.getField("subtotal")).as("subtotal")));
        Column clean = struct(
                transactions.col("transaction_id").as("transaction_id"),
                transactions.col("session_id").as("session_id"),
                transactions.col("user_id").as("user_id"),
                utcTimestamp(transactions.col("timestamp"), fieldType(transactions, "timestamp")).as("timestamp"),
                items.as("items"),
                money(transactions.col("subtotal")).as("subtotal"),
                money(transactions.col("discount")).as("discount"),
                money(transactions.col("total")).as("total"),
                transactions.col("payment_method").as("payment_method"),
                transactions.col("status").as("status"));
        Column itemsSubtotal = aggregate(cleaned("items"), lit(BigDecimal.ZERO).cast(Schemas.MONEY),
                (sum, item) -> sum.plus(item.getField("subtotal")).cast(Schemas.MONEY));
        return split(transactions, clean, RuleTable.of(EntityType.TRANSACTIONS), List.of(
                new Branch(exists(cleaned("items"), item -> differ(item.getField("subtotal"),
                        item.getField("unit_price").multiply(item.getField("quantity")))), Rule.ARITHMETIC,
                        "an item's subtotal differs from quantity x unit_price by more than half a cent"),
                new Branch(differ(cleaned("subtotal"), itemsSubtotal), Rule.ARITHMETIC,
                        "subtotal differs from the sum of the item subtotals by more than half a cent"),
                new Branch(cleaned("discount").gt(cleaned("subtotal")), Rule.RANGE, "discount exceeds subtotal"),
                new Branch(differ(cleaned("total"), cleaned("subtotal").minus(cleaned("discount"))), Rule.ARITHMETIC,
                        "total differs from subtotal - discount by more than half a cent")));
    }

    /**
     * Sessions, from {@link Schemas#sessionsFromJson()} or from {@link #nestHBaseSessions}. Kept schema:
     * session_id, user_id, start_time, end_time, duration_seconds int, geo_data struct{city, state, country,
     * ip_address}, device_profile struct{type, os, browser}, viewed_products array&lt;string&gt;,
     * page_views array&lt;struct{timestamp timestamp, page_type, product_id, category_id, view_duration double}&gt;,
     * cart_contents map&lt;string, struct{quantity int, price decimal(18,2)}&gt;, conversion_status, referrer
     * (enumerations as written). A session may not end before it starts.
     */
    public static Cleaned sessions(Dataset<Row> sessions) {
        Columns.requireFields(sessions, "sessions", Schemas.sessionsFromJson());
        Column clean = struct(
                sessions.col("session_id").as("session_id"),
                sessions.col("user_id").as("user_id"),
                utcTimestamp(sessions.col("start_time"), fieldType(sessions, "start_time")).as("start_time"),
                utcTimestamp(sessions.col("end_time"), fieldType(sessions, "end_time")).as("end_time"),
                sessions.col("duration_seconds").cast(DataTypes.IntegerType).as("duration_seconds"),
                struct(
                        sessions.col("geo_data.city").as("city"),
                        sessions.col("geo_data.state").as("state"),
                        sessions.col("geo_data.country").as("country"),
                        sessions.col("geo_data.ip_address").as("ip_address")).as("geo_data"),
                struct(
                        sessions.col("device_profile.type").as("type"),
                        sessions.col("device_profile.os").as("os"),
                        sessions.col("device_profile.browser").as("browser")).as("device_profile"),
                sessions.col("viewed_products").as("viewed_products"),
                transform(sessions.col("page_views"), view -> struct(
                        utcTimestamp(view.getField("timestamp"), fieldType(sessions, "page_views", "timestamp"))
                                .as("timestamp"),
                        view.getField("page_type").as("page_type"),
                        view.getField("product_id").as("product_id"),
                        view.getField("category_id").as("category_id"),
                        view.getField("view_duration").cast(DataTypes.DoubleType).as("view_duration")))
                        .as("page_views"),
                transform_values(sessions.col("cart_contents"), (productId, line) -> struct(
                        line.getField("quantity").cast(DataTypes.IntegerType).as("quantity"),
                        money(line.getField("price")).as("price"))).as("cart_contents"),
                sessions.col("conversion_status").as("conversion_status"),
                sessions.col("referrer").as("referrer"));
        return split(sessions, clean, RuleTable.of(EntityType.SESSIONS), List.of(new Branch(
                cleaned("end_time").lt(cleaned("start_time")), Rule.CHRONOLOGY, "end_time is before start_time")));
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

    private static Column cleaned(String field) {
        return col(Cleaned.CLEANED).getField(field);
    }

    private static Column differ(Column actual, Column expected) {
        return abs(actual.minus(expected)).gt(lit(HALF_CENT));
    }

    /**
     * The verdict of every row: the first field rule of the table it breaks, else the first check across fields
     * (over the typed values), else a duplicate of an earlier valid row's id.
     */
    private static Cleaned split(Dataset<Row> input, Column clean, EntityRules rules, List<Branch> checks) {
        String[] inputColumns = input.columns();
        List<Branch> branches = new ArrayList<>(RulePredicates.fieldBranches(input, rules));
        branches.addAll(checks);
        Dataset<Row> staged = input
                .withColumn(POSITION, monotonically_increasing_id())
                .withColumn(Cleaned.CLEANED, clean);
        staged = staged.withColumn(VERDICT, RulePredicates.firstBroken(branches));
        Column earlierFirst = row_number().over(Window
                .partitionBy(cleaned(rules.idField()), col(VERDICT).isNull())
                .orderBy(col(POSITION)));
        String idField = rules.idField();
        Column duplicate = struct(lit(Rule.DUPLICATE_ID.wireName()).as(RulePredicates.RULE),
                concat(lit(idField + " '"), cleaned(idField), lit("' was already used by an earlier valid record"))
                        .as(RulePredicates.REASON));
        Dataset<Row> withVerdict = staged.withColumn(VERDICT,
                coalesce(col(VERDICT), when(earlierFirst.gt(1), duplicate)));
        // Each row keeps only the side it needs (the input on rejected rows, the cleaned struct on kept rows), so
        // that a materialised copy holds no more than the kept and rejected rows would on their own.
        Column rejected = col(VERDICT).isNotNull();
        Column[] decided = new Column[inputColumns.length + 3];
        for (int i = 0; i < inputColumns.length; i++) {
            decided[i] = when(rejected, withVerdict.col("`" + inputColumns[i] + "`")).as(inputColumns[i]);
        }
        decided[inputColumns.length] = when(col(VERDICT).isNull(), col(Cleaned.CLEANED)).as(Cleaned.CLEANED);
        decided[inputColumns.length + 1] = col(VERDICT).getField(RulePredicates.RULE).as(Cleaned.REJECT_RULE);
        decided[inputColumns.length + 2] = col(VERDICT).getField(RulePredicates.REASON).as(Cleaned.REJECT_REASON);
        return new Cleaned(withVerdict.select(decided));
    }
}
