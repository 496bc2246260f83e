package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ecomanalytics.data.JsonFields.datetime;
import static io.ecomanalytics.data.JsonFields.decimal;
import static io.ecomanalytics.data.JsonFields.element;
import static io.ecomanalytics.data.JsonFields.integer;
import static io.ecomanalytics.data.JsonFields.required;
import static io.ecomanalytics.data.JsonFields.string;

final class SessionCodec implements RecordCodec<Session> {

    @Override
    public Session read(JsonParser parser) throws IOException, RecordViolation {
        String sessionId = null;
        String userId = null;
        Instant startTime = null;
        Instant endTime = null;
        Integer durationSeconds = null;
        SessionGeo geoData = null;
        DeviceProfile deviceProfile = null;
        List<String> viewedProducts = null;
        List<PageView> pageViews = null;
        Map<String, CartItem> cartContents = null;
        String conversionStatus = null;
        String referrer = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "session_id" -> sessionId = string(parser, field);
                case "user_id" -> userId = string(parser, field);
                case "start_time" -> startTime = datetime(parser, field);
                case "end_time" -> endTime = datetime(parser, field);
                case "duration_seconds" -> durationSeconds = integer(parser, field);
                case "geo_data" -> geoData = readGeo(parser);
                case "device_profile" -> deviceProfile = readDevice(parser);
                case "viewed_products" -> viewedProducts = readViewedProducts(parser);
                case "page_views" -> pageViews = readPageViews(parser);
                case "cart_contents" -> cartContents = readCart(parser);
                case "conversion_status" -> conversionStatus = string(parser, field);
                case "referrer" -> referrer = string(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new Session(required(sessionId, "session_id"), required(userId, "user_id"),
                required(startTime, "start_time"), required(endTime, "end_time"),
                required(durationSeconds, "duration_seconds"), required(geoData, "geo_data"),
                required(deviceProfile, "device_profile"), required(viewedProducts, "viewed_products"),
                required(pageViews, "page_views"), required(cartContents, "cart_contents"),
                required(conversionStatus, "conversion_status"), required(referrer, "referrer"));
    }

    private static SessionGeo readGeo(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "geo_data")) {
            return null;
        }
        String city = null;
        String state = null;
        String country = null;
        String ipAddress = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "city" -> city = string(parser, "geo_data.city");
                case "state" -> state = string(parser, "geo_data.state");
                case "country" -> country = string(parser, "geo_data.country");
                case "ip_address" -> ipAddress = string(parser, "geo_data.ip_address");
                default -> parser.skipChildren();
            }
        }
        return new SessionGeo(required(city, "geo_data.city"), required(state, "geo_data.state"),
                required(country, "geo_data.country"), required(ipAddress, "geo_data.ip_address"));
    }

    private static DeviceProfile readDevice(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "device_profile")) {
            return null;
        }
        String type = null;
        String os = null;
        String browser = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "type" -> type = string(parser, "device_profile.type");
                case "os" -> os = string(parser, "device_profile.os");
                case "browser" -> browser = string(parser, "device_profile.browser");
                default -> parser.skipChildren();
            }
        }
        return new DeviceProfile(required(type, "device_profile.type"), required(os, "device_profile.os"),
                required(browser, "device_profile.browser"));
    }

    private static List<String> readViewedProducts(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startArray(parser, "viewed_products")) {
            return null;
        }
        List<String> viewed = new ArrayList<>();
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            try {
                viewed.add(required(string(parser, ""), ""));
            } catch (RecordViolation violation) {
                throw violation.within(element("viewed_products", index));
            }
        }
        return viewed;
    }

    private static List<PageView> readPageViews(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startArray(parser, "page_views")) {
            return null;
        }
        List<PageView> pageViews = new ArrayList<>(16);
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            try {
                pageViews.add(readPageView(parser));
            } catch (RecordViolation violation) {
                throw violation.within(element("page_views", index));
            }
        }
        return pageViews;
    }

    private static PageView readPageView(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "")) {
            throw new RecordViolation(Rule.REQUIRED, "", "a page view cannot be null");
        }
        Instant timestamp = null;
        String pageType = null;
        String productId = null;
        String categoryId = null;
        Integer viewDuration = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "timestamp" -> timestamp = datetime(parser, field);
                case "page_type" -> pageType = string(parser, field);
                case "product_id" -> productId = string(parser, field);
                case "category_id" -> categoryId = string(parser, field);
                case "view_duration" -> viewDuration = integer(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new PageView(required(timestamp, "timestamp"), required(pageType, "page_type"), productId, categoryId,
                required(viewDuration, "view_duration"));
    }

    private static Map<String, CartItem> readCart(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "cart_contents")) {
            return null;
        }
        Map<String, CartItem> cart = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String productId = parser.currentName();
            parser.nextToken();
            try {
                cart.put(productId, readCartItem(parser));
            } catch (RecordViolation violation) {
                throw violation.within("cart_contents." + productId);
            }
        }
        return cart;
    }

    private static CartItem readCartItem(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "")) {
            throw new RecordViolation(Rule.REQUIRED, "", "a cart entry cannot be null");
        }
        Integer quantity = null;
        BigDecimal price = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "quantity" -> quantity = integer(parser, field);
                case "price" -> price = decimal(parser, field);
                default -> parser.skipChildren();
            }
        }
        return new CartItem(required(quantity, "quantity"), required(price, "price"));
    }

    @Override
    public void write(JsonGenerator generator, Session session) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("session_id", session.sessionId());
        generator.writeStringField("user_id", session.userId());
        RecordCodec.writeDatetime(generator, "start_time", session.startTime());
        RecordCodec.writeDatetime(generator, "end_time", session.endTime());
        generator.writeNumberField("duration_seconds", session.durationSeconds());
        SessionGeo geo = session.geoData();
        generator.writeObjectFieldStart("geo_data");
        generator.writeStringField("city", geo.city());
        generator.writeStringField("state", geo.state());
        generator.writeStringField("country", geo.country());
        generator.writeStringField("ip_address", geo.ipAddress());
        generator.writeEndObject();
        DeviceProfile device = session.deviceProfile();
        generator.writeObjectFieldStart("device_profile");
        generator.writeStringField("type", device.type());
        generator.writeStringField("os", device.os());
        generator.writeStringField("browser", device.browser());
        generator.writeEndObject();
        generator.writeArrayFieldStart("viewed_products");
        for (String productId : session.viewedProducts()) {
            generator.writeString(productId);
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("page_views");
        for (PageView view : session.pageViews()) {
            generator.writeStartObject();
            RecordCodec.writeDatetime(generator, "timestamp", view.timestamp());
            generator.writeStringField("page_type", view.pageType());
            RecordCodec.writeString(generator, "product_id", view.productId());
            RecordCodec.writeString(generator, "category_id", view.categoryId());
            generator.writeNumberField("view_duration", view.viewDuration());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeObjectFieldStart("cart_contents");
        for (Map.Entry<String, CartItem> entry : session.cartContents().entrySet()) {
            generator.writeObjectFieldStart(entry.getKey());
            generator.writeNumberField("quantity", entry.getValue().quantity());
            RecordCodec.writeDecimal(generator, "price", entry.getValue().price());
            generator.writeEndObject();
        }
        generator.writeEndObject();
        generator.writeStringField("conversion_status", session.conversionStatus());
        generator.writeStringField("referrer", session.referrer());
        generator.writeEndObject();
    }
}
