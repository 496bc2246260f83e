package io.ecomanalytics.transforms;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one place that defines the Spark schema of every entity as it arrives from each source.
 *
 * <p>Field names are the dataset's snake_case names (DESIGN section 3) everywhere, so SQL written against the dataset
 * runs unchanged. Readers pass these schemas explicitly (never inference), and {@link Cleaning} turns any of them
 * into the typed, normalised form:
 * <ul>
 *   <li><b>JSON files</b> ({@code *FromJson}): datetimes are strings (naive ISO-8601, read as UTC by
 *       {@link Cleaning}), money is {@code DoubleType} as from MongoDB: the reader then refuses a string where a
 *       number belongs (Spark reads a quoted number into a decimal without complaint), and an amount beyond
 *       {@code decimal(18,2)} reaches the range rule instead of failing the read. {@link Cleaning} rounds it half-up
 *       to the cent. Read with {@link #withCorruptRecord} so that records the reader cannot type are rejected.</li>
 *   <li><b>MongoDB</b> ({@code *FromMongo}): the same fields plus {@code _id} (the natural id), datetimes are
 *       {@code TimestampType} (BSON dates), money is {@code DoubleType} (the connector reads any BSON number as a
 *       double; {@link Cleaning} rounds it half-up to cents).</li>
 *   <li><b>HBase</b> ({@link #sessionsFromHBase()}): one flat row per session; see that method for the columns.</li>
 * </ul>
 */
public final class Schemas {

    /** Money as stored after cleaning: exact cents, wide enough for any single amount. */
    public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);

    /** The column in which Spark's PERMISSIVE JSON reader puts the text of a record it could not type. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    private Schemas() {
    }

    /** {@code users.json}: user_id, geo_data{city, state, country}, registration_date, last_active. */
    public static StructType usersFromJson() {
        return users(DataTypes.StringType);
    }

    /** {@code users} collection: {@link #usersFromJson()} with {@code _id} and timestamps. */
    public static StructType usersFromMongo() {
        return withMongoId(users(DataTypes.TimestampType));
    }

    /**
     * {@code products.json}: product_id, name, category_id, base_price, current_stock, is_active,
     * price_history[]{price, date}, creation_date.
     */
    public static StructType productsFromJson() {
        return products(DataTypes.StringType, DataTypes.DoubleType);
    }

    /** {@code products} collection: {@link #productsFromJson()} with {@code _id}, timestamps and double money. */
    public static StructType productsFromMongo() {
        return withMongoId(products(DataTypes.TimestampType, DataTypes.DoubleType));
    }

    /** {@code categories.json}: category_id, name, subcategories[]{subcategory_id, name, profit_margin}. */
    public static StructType categoriesFromJson() {
        return new StructType()
                .add("category_id", DataTypes.StringType)
                .add("name", DataTypes.StringType)
                .add("subcategories", DataTypes.createArrayType(new StructType()
                        .add("subcategory_id", DataTypes.StringType)
                        .add("name", DataTypes.StringType)
                        .add("profit_margin", DataTypes.DoubleType)));
    }

    /** {@code categories} collection: {@link #categoriesFromJson()} with {@code _id}. */
    public static StructType categoriesFromMongo() {
        return withMongoId(categoriesFromJson());
    }

    /**
     * {@code transactions.json}: transaction_id, session_id (null for standalone purchases), user_id, timestamp,
     * items[]{product_id, quantity, unit_price, subtotal}, subtotal, discount (an amount), total, payment_method,
     * status.
     */
    public static StructType transactionsFromJson() {
        return transactions(DataTypes.StringType, DataTypes.DoubleType);
    }

    /** {@code transactions} collection: {@link #transactionsFromJson()} with {@code _id}, timestamps, double money. */
    public static StructType transactionsFromMongo() {
        return withMongoId(transactions(DataTypes.TimestampType, DataTypes.DoubleType));
    }

    /**
     * {@code sessions_N.json}: session_id, user_id, start_time, end_time, duration_seconds,
     * geo_data{city, state, country, ip_address}, device_profile{type, os, browser}, viewed_products[],
     * page_views[]{timestamp, page_type, product_id, category_id, view_duration},
     * cart_contents{product_id -> {quantity, price}}, conversion_status, referrer.
     */
    public static StructType sessionsFromJson() {
        return sessions(DataTypes.StringType, DataTypes.DoubleType);
    }

    /**
     * The session row the HBase reader produces (one row per session, families flattened), in this order:
     * <pre>
     * session_id         string     session:session_id
     * user_id            string     session:user_id
     * start_time         timestamp  session:start_time (UTC instant)
     * end_time           timestamp  session:end_time
     * duration_seconds   int        session:duration_seconds
     * referrer           string     session:referrer
     * conversion_status  string     session:conversion_status
     * device_type        string     device:type
     * device_os          string     device:os
     * device_browser     string     device:browser
     * geo_city           string     geo:city
     * geo_state          string     geo:state
     * geo_country        string     geo:country
     * geo_ip_address     string     geo:ip_address
     * page_views         array&lt;struct{timestamp timestamp, page_type string, product_id string,
     *                        category_id string, view_duration int}&gt;      session:page_views
     * viewed_products    array&lt;string&gt;                                   session:viewed_products
     * cart_contents      map&lt;string, struct{quantity int, price decimal(18,2)}&gt;  session:cart_contents
     * </pre>
     * The {@code metrics} family is derived data and is recomputed here, so it is not part of the row.
     * {@link Cleaning#nestHBaseSessions} turns these rows into the nested session shape.
     */
    public static StructType sessionsFromHBase() {
        return new StructType()
                .add("session_id", DataTypes.StringType)
                .add("user_id", DataTypes.StringType)
                .add("start_time", DataTypes.TimestampType)
                .add("end_time", DataTypes.TimestampType)
                .add("duration_seconds", DataTypes.IntegerType)
                .add("referrer", DataTypes.StringType)
                .add("conversion_status", DataTypes.StringType)
                .add("device_type", DataTypes.StringType)
                .add("device_os", DataTypes.StringType)
                .add("device_browser", DataTypes.StringType)
                .add("geo_city", DataTypes.StringType)
                .add("geo_state", DataTypes.StringType)
                .add("geo_country", DataTypes.StringType)
                .add("geo_ip_address", DataTypes.StringType)
                .add("page_views", DataTypes.createArrayType(pageView(DataTypes.TimestampType)))
                .add("viewed_products", DataTypes.createArrayType(DataTypes.StringType))
                .add("cart_contents", cartContents(MONEY));
    }

    /**
     * {@code schema} with the {@value #CORRUPT_RECORD} column, for {@code spark.read().schema(...).json(...)} in
     * PERMISSIVE mode: {@link Cleaning} rejects the records it holds with rule {@code type}.
     */
    public static StructType withCorruptRecord(StructType schema) {
        return schema.add(CORRUPT_RECORD, DataTypes.StringType);
    }

    private static StructType users(DataType datetime) {
        return new StructType()
                .add("user_id", DataTypes.StringType)
                .add("geo_data", new StructType()
                        .add("city", DataTypes.StringType)
                        .add("state", DataTypes.StringType)
                        .add("country", DataTypes.StringType))
                .add("registration_date", datetime)
                .add("last_active", datetime);
    }

    private static StructType products(DataType datetime, DataType money) {
        return new StructType()
                .add("product_id", DataTypes.StringType)
                .add("name", DataTypes.StringType)
                .add("category_id", DataTypes.StringType)
                .add("base_price", money)
                .add("current_stock", DataTypes.IntegerType)
                .add("is_active", DataTypes.BooleanType)
                .add("price_history", DataTypes.createArrayType(new StructType()
                        .add("price", money)
                        .add("date", datetime)))
                .add("creation_date", datetime);
    }

    private static StructType transactions(DataType datetime, DataType money) {
        return new StructType()
                .add("transaction_id", DataTypes.StringType)
                .add("session_id", DataTypes.StringType)
                .add("user_id", DataTypes.StringType)
                .add("timestamp", datetime)
                .add("items", DataTypes.createArrayType(new StructType()
                        .add("product_id", DataTypes.StringType)
                        .add("quantity", DataTypes.IntegerType)
                        .add("unit_price", money)
                        .add("subtotal", money)))
                .add("subtotal", money)
                .add("discount", money)
                .add("total", money)
                .add("payment_method", DataTypes.StringType)
                .add("status", DataTypes.StringType);
    }

    private static StructType sessions(DataType datetime, DataType money) {
        return new StructType()
                .add("session_id", DataTypes.StringType)
                .add("user_id", DataTypes.StringType)
                .add("start_time", datetime)
                .add("end_time", datetime)
                .add("duration_seconds", DataTypes.IntegerType)
                .add("geo_data", new StructType()
                        .add("city", DataTypes.StringType)
                        .add("state", DataTypes.StringType)
                        .add("country", DataTypes.StringType)
                        .add("ip_address", DataTypes.StringType))
                .add("device_profile", new StructType()
                        .add("type", DataTypes.StringType)
                        .add("os", DataTypes.StringType)
                        .add("browser", DataTypes.StringType))
                .add("viewed_products", DataTypes.createArrayType(DataTypes.StringType))
                .add("page_views", DataTypes.createArrayType(pageView(datetime)))
                .add("cart_contents", cartContents(money))
                .add("conversion_status", DataTypes.StringType)
                .add("referrer", DataTypes.StringType);
    }

    private static StructType pageView(DataType datetime) {
        return new StructType()
                .add("timestamp", datetime)
                .add("page_type", DataTypes.StringType)
                .add("product_id", DataTypes.StringType)
                .add("category_id", DataTypes.StringType)
                .add("view_duration", DataTypes.IntegerType);
    }

    private static DataType cartContents(DataType money) {
        return DataTypes.createMapType(DataTypes.StringType, new StructType()
                .add("quantity", DataTypes.IntegerType)
                .add("price", money));
    }

    private static StructType withMongoId(StructType schema) {
        StructField[] fields = new StructField[schema.fields().length + 1];
        fields[0] = DataTypes.createStructField("_id", DataTypes.StringType, true);
        System.arraycopy(schema.fields(), 0, fields, 1, schema.fields().length);
        return new StructType(fields);
    }
}
