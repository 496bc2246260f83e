package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.ecomanalytics.data.JsonFields.bool;
import static io.ecomanalytics.data.JsonFields.datetime;
import static io.ecomanalytics.data.JsonFields.decimal;
import static io.ecomanalytics.data.JsonFields.element;
import static io.ecomanalytics.data.JsonFields.integer;
import static io.ecomanalytics.data.JsonFields.required;
import static io.ecomanalytics.data.JsonFields.string;

final class ProductCodec implements RecordCodec<Product> {

    @Override
    public Product read(JsonParser parser) throws IOException, RecordViolation {
        String productId = null;
        String name = null;
        String categoryId = null;
        BigDecimal basePrice = null;
        Integer currentStock = null;
        Boolean active = null;
        List<PriceHistoryEntry> priceHistory = null;
        Instant creationDate = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "product_id" -> productId = string(parser, field);
                case "name" -> name = string(parser, field);
                case "category_id" -> categoryId = string(parser, field);
                case "base_price" -> basePrice = decimal(parser, field);
                case "current_stock" -> currentStock = integer(parser, field);
                case "is_active" -> active = bool(parser, field);
                case "price_history" -> priceHistory = readHistory(parser);
                case "creation_date" -> creationDate = datetime(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new Product(required(productId, "product_id"), required(name, "name"),
                required(categoryId, "category_id"), required(basePrice, "base_price"),
                required(currentStock, "current_stock"), required(active, "is_active"),
                required(priceHistory, "price_history"), required(creationDate, "creation_date"));
    }

    private static List<PriceHistoryEntry> readHistory(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startArray(parser, "price_history")) {
            return null;
        }
        List<PriceHistoryEntry> history = new ArrayList<>();
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            try {
                history.add(readEntry(parser));
            } catch (RecordViolation violation) {
                throw violation.within(element("price_history", index));
            }
        }
        return history;
    }

    private static PriceHistoryEntry readEntry(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "")) {
            throw new RecordViolation(Rule.REQUIRED, "", "a price history entry cannot be null");
        }
        BigDecimal price = null;
        Instant date = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "price" -> price = decimal(parser, field);
                case "date" -> date = datetime(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new PriceHistoryEntry(required(price, "price"), required(date, "date"));
    }

    @Override
    public void write(JsonGenerator generator, Product product) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("product_id", product.productId());
        generator.writeStringField("name", product.name());
        generator.writeStringField("category_id", product.categoryId());
        RecordCodec.writeDecimal(generator, "base_price", product.basePrice());
        generator.writeNumberField("current_stock", product.currentStock());
        generator.writeBooleanField("is_active", product.active());
        generator.writeArrayFieldStart("price_history");
        for (PriceHistoryEntry entry : product.priceHistory()) {
            generator.writeStartObject();
            RecordCodec.writeDecimal(generator, "price", entry.price());
            RecordCodec.writeDatetime(generator, "date", entry.date());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        RecordCodec.writeDatetime(generator, "creation_date", product.creationDate());
        generator.writeEndObject();
    }
}
