package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Maps one entity between its Java record and its JSON object, by hand: no reflection, field-precise errors, and the
 * field order the dataset uses. Unknown fields are skipped so that a dataset with extra fields still loads.
 */
interface RecordCodec<T> {

    /** Reads the object the parser is on (its START_OBJECT) up to and including its END_OBJECT. */
    T read(JsonParser parser) throws IOException, RecordViolation;

    void write(JsonGenerator generator, T value) throws IOException;

    static void writeDatetime(JsonGenerator generator, String field, Instant value) throws IOException {
        if (value == null) {
            generator.writeNullField(field);
        } else {
            generator.writeStringField(field, Datetimes.format(value));
        }
    }

    static void writeString(JsonGenerator generator, String field, String value) throws IOException {
        if (value == null) {
            generator.writeNullField(field);
        } else {
            generator.writeStringField(field, value);
        }
    }

    static void writeDecimal(JsonGenerator generator, String field, BigDecimal value) throws IOException {
        if (value == null) {
            generator.writeNullField(field);
        } else {
            generator.writeNumberField(field, value);
        }
    }
}
