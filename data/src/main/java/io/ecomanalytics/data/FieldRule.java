package io.ecomanalytics.data;

import java.util.List;
import java.util.Objects;

/**
 * One field of an entity in the {@link RuleTable}: where it is, what JSON value it holds, whether it must be present,
 * and the values it may take.
 *
 * <p>A path names fields from the record's top: {@code geo_data.city}. {@code items[]} is each element of the array
 * {@code items} and {@code items[].quantity} a field of each element; {@code cart_contents{}} is each value of the
 * map {@code cart_contents}.
 *
 * @param path where the field is
 * @param type the JSON value it holds
 * @param presence whether it must hold a value
 * @param vocabulary the only values allowed (a {@link Vocabulary} list), or empty for any
 * @param bounds the range of a number or the element count of an array, or null for none
 */
public record FieldRule(String path, ValueType type, Presence presence, List<String> vocabulary, Bounds bounds) {

    public FieldRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(presence, "presence");
        vocabulary = List.copyOf(vocabulary);
    }

    /** The path of the enclosing field ({@code items[]} for {@code items[].quantity}, {@code items} for
     * {@code items[]}), or the empty string for a top-level field. */
    public String parentPath() {
        if (isElement()) {
            return path.substring(0, path.length() - 2);
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** The field's own name within its parent ({@code quantity}); empty for an array element or a map value. */
    public String name() {
        if (isElement()) {
            return "";
        }
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Whether this is each element of an array or each value of a map rather than a named field. */
    public boolean isElement() {
        return path.endsWith("[]") || path.endsWith("{}");
    }
}
