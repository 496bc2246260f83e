package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.ecomanalytics.data.JsonFields.datetime;
import static io.ecomanalytics.data.JsonFields.decimal;
import static io.ecomanalytics.data.JsonFields.element;
import static io.ecomanalytics.data.JsonFields.integer;
import static io.ecomanalytics.data.JsonFields.required;
import static io.ecomanalytics.data.JsonFields.string;

final class TransactionCodec implements RecordCodec<Transaction> {

    @Override
    public Transaction read(JsonParser parser) throws IOException, RecordViolation {
        String transactionId = null;
        String sessionId = null;
        String userId = null;
        Instant timestamp = null;
        List<TransactionItem> items = null;
        BigDecimal subtotal = null;
        BigDecimal discount = null;
        BigDecimal total = null;
        String paymentMethod = null;
        String status = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "transaction_id" -> transactionId = string(parser, field);
                case "session_id" -> sessionId = string(parser, field);
                case "user_id" -> userId = string(parser, field);
                case "timestamp" -> timestamp = datetime(parser, field);
                case "items" -> items = readItems(parser);
                case "subtotal" -> subtotal = decimal(parser, field);
                case "discount" -> discount = decimal(parser, field);
                case "total" -> total = decimal(parser, field);
                case "payment_method" -> paymentMethod = string(parser, field);
                case "status" -> status = string(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new Transaction(required(transactionId, "transaction_id"), sessionId, required(userId, "user_id"),
                required(timestamp, "timestamp"), required(items, "items"), required(subtotal, "subtotal"),
                required(discount, "discount"), required(total, "total"),
                required(paymentMethod, "payment_method"), required(status, "status"));
    }

    private static List<TransactionItem> readItems(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startArray(parser, "items")) {
            return null;
        }
        List<TransactionItem> items = new ArrayList<>(4);
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            try {
                items.add(readItem(parser));
            } catch (RecordViolation violation) {
                throw violation.within(element("items", index));
            }
        }
        return items;
    }

    private static TransactionItem readItem(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "")) {
            throw new RecordViolation(Rule.REQUIRED, "", "an item cannot be null");
        }
        String productId = null;
        Integer quantity = null;
        BigDecimal unitPrice = null;
        BigDecimal subtotal = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "product_id" -> productId = string(parser, field);
                case "quantity" -> quantity = integer(parser, field);
                case "unit_price" -> unitPrice = decimal(parser, field);
                case "subtotal" -> subtotal = decimal(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new TransactionItem(required(productId, "product_id"), required(quantity, "quantity"),
                required(unitPrice, "unit_price"), required(subtotal, "subtotal"));
    }

    @Override
    public void write(JsonGenerator generator, Transaction transaction) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("transaction_id", transaction.transactionId());
        RecordCodec.writeString(generator, "session_id", transaction.sessionId());
        generator.writeStringField("user_id", transaction.userId());
        RecordCodec.writeDatetime(generator, "timestamp", transaction.timestamp());
        generator.writeArrayFieldStart("items");
        for (TransactionItem item : transaction.items()) {
            generator.writeStartObject();
            generator.writeStringField("product_id", item.productId());
            generator.writeNumberField("quantity", item.quantity());
            RecordCodec.writeDecimal(generator, "unit_price", item.unitPrice());
            RecordCodec.writeDecimal(generator, "subtotal", item.subtotal());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        RecordCodec.writeDecimal(generator, "subtotal", transaction.subtotal());
        RecordCodec.writeDecimal(generator, "discount", transaction.discount());
        RecordCodec.writeDecimal(generator, "total", transaction.total());
        generator.writeStringField("payment_method", transaction.paymentMethod());
        generator.writeStringField("status", transaction.status());
        generator.writeEndObject();
    }
}
