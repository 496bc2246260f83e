package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Typed reads of the parser's current value, each turning a type mismatch into a {@link RecordViolation} that names
 * the field. A JSON null reads as Java {@code null}; whether that is allowed is the codec's decision.
 */
final class JsonFields {

    private JsonFields() {
    }

    static String string(JsonParser parser, String field) throws IOException, RecordViolation {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(parser, field, "a string");
    }

    static Integer integer(JsonParser parser, String field) throws IOException, RecordViolation {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() != JsonParser.NumberType.INT) {
                throw new RecordViolation(Rule.TYPE, field,
                        "expected a 32-bit integer but found " + parser.getText());
            }
            return parser.getIntValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(parser, field, "an integer");
    }

    static BigDecimal decimal(JsonParser parser, String field) throws IOException, RecordViolation {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(parser, field, "a number");
    }

    static Double floating(JsonParser parser, String field) throws IOException, RecordViolation {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            double value = parser.getDoubleValue();
            if (Double.isInfinite(value)) {
                throw new RecordViolation(Rule.RANGE, field, "value " + parser.getText() + " is too large");
            }
            return value;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(parser, field, "a number");
    }

    static Boolean bool(JsonParser parser, String field) throws IOException, RecordViolation {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(parser, field, "true or false");
    }

    static Instant datetime(JsonParser parser, String field) throws IOException, RecordViolation {
        String text = string(parser, field);
        if (text == null) {
            return null;
        }
        try {
            return Datetimes.parse(text);
        } catch (DateTimeException e) {
            throw new RecordViolation(Rule.TYPE, field, e.getMessage());
        }
    }

    /** Checks the current token opens an object; returns false for JSON null. */
    static boolean startObject(JsonParser parser, String field) throws RecordViolation {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw wrongType(parser, field, "an object");
    }

    /** Checks the current token opens an array; returns false for JSON null. */
    static boolean startArray(JsonParser parser, String field) throws RecordViolation {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw wrongType(parser, field, "an array");
    }

    static <T> T required(T value, String field) throws RecordViolation {
        if (value == null) {
            throw new RecordViolation(Rule.REQUIRED, field, "required field is missing or null");
        }
        return value;
    }

    static String element(String arrayField, int index) {
        return arrayField + "[" + index + "]";
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static RecordViolation wrongType(JsonParser parser, String field, String expected) {
        return new RecordViolation(Rule.TYPE, field,
                "expected " + expected + " but found " + describe(parser.currentToken()));
    }
}
