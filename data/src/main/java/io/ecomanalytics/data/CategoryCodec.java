package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.ecomanalytics.data.JsonFields.element;
import static io.ecomanalytics.data.JsonFields.floating;
import static io.ecomanalytics.data.JsonFields.required;
import static io.ecomanalytics.data.JsonFields.string;

final class CategoryCodec implements RecordCodec<Category> {

    @Override
    public Category read(JsonParser parser) throws IOException, RecordViolation {
        String categoryId = null;
        String name = null;
        List<Subcategory> subcategories = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "category_id" -> categoryId = string(parser, field);
                case "name" -> name = string(parser, field);
                case "subcategories" -> subcategories = readSubcategories(parser);
                default -> parser.skipChildren();
            }
        }
        return new Category(required(categoryId, "category_id"), required(name, "name"),
                required(subcategories, "subcategories"));
    }

    private static List<Subcategory> readSubcategories(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startArray(parser, "subcategories")) {
            return null;
        }
        List<Subcategory> subcategories = new ArrayList<>();
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            try {
                subcategories.add(readSubcategory(parser));
            } catch (RecordViolation violation) {
                throw violation.within(element("subcategories", index));
            }
        }
        return subcategories;
    }

    private static Subcategory readSubcategory(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "")) {
            throw new RecordViolation(Rule.REQUIRED, "", "a subcategory cannot be null");
        }
        String id = null;
        String name = null;
        Double margin = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "subcategory_id" -> id = string(parser, field);
                case "name" -> name = string(parser, field);
                case "profit_margin" -> margin = floating(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new Subcategory(required(id, "subcategory_id"), required(name, "name"),
                required(margin, "profit_margin"));
    }

    @Override
    public void write(JsonGenerator generator, Category category) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("category_id", category.categoryId());
        generator.writeStringField("name", category.name());
        generator.writeArrayFieldStart("subcategories");
        for (Subcategory subcategory : category.subcategories()) {
            generator.writeStartObject();
            generator.writeStringField("subcategory_id", subcategory.subcategoryId());
            generator.writeStringField("name", subcategory.name());
            generator.writeNumberField("profit_margin", subcategory.profitMargin());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
