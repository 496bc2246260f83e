package io.ecomanalytics.mongo;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

/**
 * Encodes the documents {@link Documents} builds straight to BSON bytes. The driver's {@code DocumentCodec} produces
 * the same bytes but looks a codec up in its registry for every value, which costs the loader more than parsing the
 * JSON does; these documents hold only a handful of value types, so a direct walk is enough.
 */
final class RawDocuments {
    private static final int INITIAL_BUFFER_BYTES = 512;

    private RawDocuments() {
    }

    /**
     * The document as BSON, fields in insertion order.
     *
     * @throws IllegalArgumentException for a value type {@link Documents} never produces
     */
    static RawBsonDocument encode(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(INITIAL_BUFFER_BYTES);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writeDocument(writer, document);
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    private static void writeDocument(BsonBinaryWriter writer, Map<String, Object> document) {
        writer.writeStartDocument();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            writer.writeName(field.getKey());
            writeValue(writer, field.getKey(), field.getValue());
        }
        writer.writeEndDocument();
    }

    private static void writeValue(BsonBinaryWriter writer, String field, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Double number) {
            writer.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            writer.writeBoolean(flag);
        } else if (value instanceof Date date) {
            writer.writeDateTime(date.getTime());
        } else if (value instanceof Document nested) {
            writeDocument(writer, nested);
        } else if (value instanceof List<?> list) {
            writer.writeStartArray();
            for (Object element : list) {
                writeValue(writer, field, element);
            }
            writer.writeEndArray();
        } else {
            throw new IllegalArgumentException("Field '" + field + "' holds a " + value.getClass().getName()
                    + ", which the loader's BSON encoding does not cover; map it in Documents to a String, number,"
                    + " Boolean, Date, Document or List");
        }
    }
}
