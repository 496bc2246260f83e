package io.ecomanalytics.dashboard;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers a request may carry, as the dataset spells them (the generator writes
 * {@code user_%06d}, {@code prod_%05d}, {@code cat_%03d}; more digits at larger scales). A value is checked here,
 * before it reaches a store, so nothing but a plain identifier is ever compared with a stored one: no query operator
 * (<code>{"$gt": ""}</code>), no regular expression, no row-key prefix of another user.
 */
enum IdPattern {
    USER("user_id", "user_\\d{6,9}", "user_000042"),
    CATEGORY("category_id", "cat_\\d{3,6}", "cat_001"),
    RFM_SEGMENT("segment", "[a-z][a-z_]{1,39}", "at_risk");

    private final String field;
    private final Pattern pattern;
    private final String example;

    IdPattern(String field, String regex, String example) {
        this.field = field;
        this.pattern = Pattern.compile(regex);
        this.example = example;
    }

    /** The value, when it has this shape; otherwise a 400 naming the field and an example. */
    String require(String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ApiException.badRequest("'" + printable(value) + "' is not a valid " + field + "; expected the"
                    + " dataset's form, e.g. " + example);
        }
        return value;
    }

    /** The value shortened and stripped of control characters, so that an error message stays one safe line. */
    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
