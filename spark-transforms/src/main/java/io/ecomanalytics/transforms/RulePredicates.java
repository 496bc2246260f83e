package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.ecomanalytics.data.EntityRules;
import io.ecomanalytics.data.FieldRule;
import io.ecomanalytics.data.Presence;
import io.ecomanalytics.data.Rule;
import io.ecomanalytics.data.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The field rules of the data module's {@code RuleTable} as Spark predicates over an entity's input rows: one
 * {@code when} branch per rule, in the table's order, each naming the rule and the reason. Types first (a value the
 * source could not read), then presence, then vocabulary and bounds, as the Java validation does.
 */
final class RulePredicates {

    /** The name of the field of a verdict struct that holds the rule's wire name. */
    static final String RULE = "rule";
    /** The name of the field of a verdict struct that holds the reason. */
    static final String REASON = "reason";

    private RulePredicates() {
    }

    /** One branch: when {@code broken}, the row breaks {@code rule} for {@code reason}. */
    record Branch(Column broken, Rule rule, Column reason) {
        Branch(Column broken, Rule rule, String reason) {
            this(broken, rule, lit(reason));
        }
    }

    /** The branches of every field rule of {@code rules} over {@code input}, in the order they are checked. */
    static List<Branch> fieldBranches(Dataset<Row> input, EntityRules rules) {
        List<Branch> branches = new ArrayList<>();
        if (Arrays.asList(input.columns()).contains(Schemas.CORRUPT_RECORD)) {
            branches.add(new Branch(input.col(Schemas.CORRUPT_RECORD).isNotNull(), Rule.TYPE,
                    "a field has the wrong JSON type (a string where a number belongs, a fraction where an integer"
                            + " belongs, ...): the reader could not read the record as the schema says"));
        }
        for (FieldRule field : rules.fields()) {
            if (field.type() == ValueType.DATETIME) {
                DataType type = Columns.fieldType(input, names(field.path()));
                branches.add(new Branch(anyValue(input, field.path(),
                        raw -> Columns.unreadableDatetime(raw, Columns.utcTimestamp(raw, type))), Rule.TYPE,
                        field.path() + " is not an ISO-8601 datetime"));
            }
        }
        for (FieldRule field : rules.fields()) {
            if (field.presence() == Presence.REQUIRED) {
                branches.add(new Branch(anyValue(input, field.path(), Column::isNull), Rule.REQUIRED,
                        field.path() + " is missing or null"));
            }
        }
        for (FieldRule field : rules.fields()) {
            if (!field.vocabulary().isEmpty()) {
                branches.add(new Branch(anyValue(input, field.path(),
                        raw -> raw.isNotNull().and(not(raw.isin(field.vocabulary().toArray())))), Rule.ENUMERATION,
                        field.path() + " is not one of " + String.join(", ", field.vocabulary())));
            }
            if (field.bounds() != null) {
                Function<Column, Column> outside = raw -> outside(field.type() == ValueType.ARRAY ? size(raw) : raw,
                        field);
                branches.add(new Branch(anyValue(input, field.path(), raw -> raw.isNotNull().and(outside.apply(raw))),
                        Rule.RANGE, field.path() + " is not " + field.bounds().describe()));
            }
        }
        return branches;
    }

    /** The verdict of the first branch that holds, as a struct of {@value #RULE} and {@value #REASON}, or null. */
    static Column firstBroken(List<Branch> branches) {
        Column verdict = null;
        for (int i = branches.size() - 1; i >= 0; i--) {
            Branch branch = branches.get(i);
            Column value = struct(lit(branch.rule().wireName()).as(RULE), branch.reason().cast(DataTypes.StringType)
                    .as(REASON));
            verdict = verdict == null ? when(branch.broken(), value) : when(branch.broken(), value).otherwise(verdict);
        }
        return verdict == null ? lit(null) : verdict;
    }

    private static Column outside(Column value, FieldRule field) {
        Column below = value.lt(lit(field.bounds().minimum()));
        if (field.bounds().maximum() == null) {
            return below;
        }
        Column above = field.bounds().maximumExclusive()
                ? value.geq(lit(field.bounds().maximum()))
                : value.gt(lit(field.bounds().maximum()));
        return below.or(above);
    }

    /**
     * Whether {@code test} holds for the value at {@code path} (for any element of an array or value of a map on
     * the way). A missing parent object is no value: the parent's own rule reports it.
     */
    static Column anyValue(Dataset<Row> input, String path, Function<Column, Column> test) {
        String[] segments = path.split("\\.");
        return anyValue(input.col(name(segments[0])), segments, 0, test);
    }

    private static Column anyValue(Column current, String[] segments, int index, Function<Column, Column> test) {
        String segment = segments[index];
        boolean last = index == segments.length - 1;
        if (segment.endsWith("[]") || segment.endsWith("{}")) {
            Column elements = segment.endsWith("{}") ? map_values(current) : current;
            return exists(elements, element -> last ? test.apply(element)
                    : anyValue(element.getField(name(segments[index + 1])), segments, index + 1, test));
        }
        if (last) {
            return test.apply(current);
        }
        String next = segments[index + 1];
        return anyValue(current.getField(name(next)), segments, index + 1, test);
    }

    /** The field names along a path, without the element markers. */
    static String[] names(String path) {
        return Arrays.stream(path.split("\\.")).map(RulePredicates::name).toArray(String[]::new);
    }

    private static String name(String segment) {
        return segment.endsWith("[]") || segment.endsWith("{}") ? segment.substring(0, segment.length() - 2)
                : segment;
    }

    /** A reason with the offending value: {@code prefix 'value' suffix}. */
    static Column withValue(String prefix, Column value, String suffix) {
        return concat(lit(prefix + " '"), value.cast(DataTypes.StringType), lit("'" + suffix));
    }
}
