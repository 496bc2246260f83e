package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Column expressions shared by the transforms; all built-in functions, no UDFs. */
final class Columns {

    private static final String EXPLICIT_ZONE = "(Z|[+-][0-9]{2}:?[0-9]{2})$";
    private static final int SECONDS_PER_DAY = 86_400;

    private Columns() {
    }

    /**
     * A datetime as a UTC instant. Strings are ISO-8601; without a zone they are read as UTC whatever the session
     * time zone is (the dataset writes naive UTC datetimes). Unparseable text becomes null.
     */
    static Column utcTimestamp(Column raw, DataType type) {
        if (type instanceof TimestampType) {
            return raw;
        }
        if (type instanceof TimestampNTZType) {
            return utcTimestampFromText(raw.cast(DataTypes.StringType));
        }
        if (type instanceof StringType) {
            return utcTimestampFromText(raw);
        }
        throw new IllegalArgumentException("A datetime column has type " + type.simpleString()
                + "; expected string (ISO-8601), timestamp or timestamp_ntz. Read the source with the schema from Schemas.");
    }

    private static Column utcTimestampFromText(Column raw) {
        Column text = trim(raw);
        Column withTime = when(length(text).equalTo(10), concat(text, lit("T00:00:00"))).otherwise(text);
        Column withZone = when(withTime.rlike(EXPLICIT_ZONE), withTime).otherwise(concat(withTime, lit("Z")));
        return withZone.try_cast(DataTypes.TimestampType);
    }

    /** True when the source held a value that could not be read as a datetime. */
    static Column unreadableDatetime(Column raw, Column parsed) {
        return raw.isNotNull().and(parsed.isNull());
    }

    /** Money in exact cents, rounded half-up when the source had more digits (or was a double). */
    static Column money(Column raw) {
        return raw.try_cast(Schemas.MONEY);
    }

    /** The UTC calendar day of an instant, independent of the session time zone. */
    static Column utcDay(Column timestamp) {
        return date_from_unix_date(floor(unix_seconds(timestamp).divide(SECONDS_PER_DAY)).cast(DataTypes.IntegerType));
    }

    /** Refuses an input that lacks a top-level field of the entity's source schema, naming the field. */
    static void requireFields(Dataset<Row> dataset, String entity, StructType expected) {
        java.util.Set<String> present = new java.util.HashSet<>(java.util.Arrays.asList(dataset.columns()));
        for (String name : expected.fieldNames()) {
            if (!present.contains(name)) {
                throw new IllegalArgumentException("The " + entity + " input has no column '" + name + "' (columns: "
                        + String.join(", ", dataset.columns()) + "). Read the source with the " + entity
                        + " schema from Schemas.");
            }
        }
    }

    /** The type of a (possibly nested) field; array elements and map values are stepped through. */
    static DataType fieldType(Dataset<Row> dataset, String... path) {
        DataType type = dataset.schema();
        for (String name : path) {
            type = elementOf(type);
            if (!(type instanceof StructType struct) || !struct.getFieldIndex(name).isDefined()) {
                throw new IllegalArgumentException("The input has no field '" + String.join(".", path)
                        + "' (schema: " + dataset.schema().simpleString()
                        + "). Read the source with the matching schema from Schemas.");
            }
            type = struct.apply(name).dataType();
        }
        return type;
    }

    private static DataType elementOf(DataType type) {
        if (type instanceof org.apache.spark.sql.types.ArrayType array) {
            return elementOf(array.elementType());
        }
        if (type instanceof org.apache.spark.sql.types.MapType map) {
            return elementOf(map.valueType());
        }
        return type;
    }
}
