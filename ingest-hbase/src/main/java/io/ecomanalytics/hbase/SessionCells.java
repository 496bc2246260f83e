package io.ecomanalytics.hbase;

import static io.ecomanalytics.hbase.SessionColumns.BROWSER;
import static io.ecomanalytics.hbase.SessionColumns.CART_CONTENTS;
import static io.ecomanalytics.hbase.SessionColumns.CART_ITEMS;
import static io.ecomanalytics.hbase.SessionColumns.CART_VALUE;
import static io.ecomanalytics.hbase.SessionColumns.CITY;
import static io.ecomanalytics.hbase.SessionColumns.CONVERSION_STATUS;
import static io.ecomanalytics.hbase.SessionColumns.CONVERTED;
import static io.ecomanalytics.hbase.SessionColumns.COUNTRY;
import static io.ecomanalytics.hbase.SessionColumns.DEVICE;
import static io.ecomanalytics.hbase.SessionColumns.DISTINCT_PRODUCTS;
import static io.ecomanalytics.hbase.SessionColumns.DURATION_SECONDS;
import static io.ecomanalytics.hbase.SessionColumns.END_TIME;
import static io.ecomanalytics.hbase.SessionColumns.GEO;
import static io.ecomanalytics.hbase.SessionColumns.IP_ADDRESS;
import static io.ecomanalytics.hbase.SessionColumns.METRICS;
import static io.ecomanalytics.hbase.SessionColumns.OS;
import static io.ecomanalytics.hbase.SessionColumns.PAGE_VIEWS;
import static io.ecomanalytics.hbase.SessionColumns.PRODUCT_VIEWS;
import static io.ecomanalytics.hbase.SessionColumns.REFERRER;
import static io.ecomanalytics.hbase.SessionColumns.SECONDS_PER_PAGE;
import static io.ecomanalytics.hbase.SessionColumns.SESSION;
import static io.ecomanalytics.hbase.SessionColumns.SESSION_ID;
import static io.ecomanalytics.hbase.SessionColumns.START_TIME;
import static io.ecomanalytics.hbase.SessionColumns.STATE;
import static io.ecomanalytics.hbase.SessionColumns.TYPE;
import static io.ecomanalytics.hbase.SessionColumns.USER_ID;
import static io.ecomanalytics.hbase.SessionColumns.VIEWED_PRODUCTS;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ecomanalytics.data.CartItem;
import io.ecomanalytics.data.DeviceProfile;
import io.ecomanalytics.data.PageView;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.SessionGeo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.client.Result;

/**
 * Maps a session to its cells and back. Every value is UTF-8 text, readable in the HBase shell: numbers as decimal
 * strings, instants as ISO-8601 UTC ({@link Instant#toString()}), lists and the cart as compact JSON with the
 * dataset's field names. Every cell of a session carries the session's start time (epoch milliseconds) as its
 * timestamp, so a re-load writes identical cells and a scan's time range selects sessions by start time.
 */
final class SessionCells {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private SessionCells() {
    }

    /** The cells of one session, sorted as HBase stores them (family, then qualifier). */
    static List<Cell> cells(byte[] row, Session session) {
        long timestamp = session.startTime().toEpochMilli();
        SessionMetrics metrics = SessionMetrics.of(session);
        List<Cell> cells = new ArrayList<>(27);
        // Families in byte order (device < geo < metrics < session), qualifiers in byte order within each.
        add(cells, row, DEVICE, BROWSER, timestamp, session.deviceProfile().browser());
        add(cells, row, DEVICE, OS, timestamp, session.deviceProfile().os());
        add(cells, row, DEVICE, TYPE, timestamp, session.deviceProfile().type());
        add(cells, row, GEO, CITY, timestamp, session.geoData().city());
        add(cells, row, GEO, COUNTRY, timestamp, session.geoData().country());
        add(cells, row, GEO, IP_ADDRESS, timestamp, session.geoData().ipAddress());
        add(cells, row, GEO, STATE, timestamp, session.geoData().state());
        add(cells, row, METRICS, CART_ITEMS, timestamp, Integer.toString(metrics.cartItems()));
        add(cells, row, METRICS, CART_VALUE, timestamp, metrics.cartValue().toPlainString());
        add(cells, row, METRICS, CONVERTED, timestamp, Boolean.toString(metrics.converted()));
        add(cells, row, METRICS, DISTINCT_PRODUCTS, timestamp, Integer.toString(metrics.distinctProducts()));
        add(cells, row, METRICS, PAGE_VIEWS, timestamp, Integer.toString(metrics.pageViews()));
        add(cells, row, METRICS, PRODUCT_VIEWS, timestamp, Integer.toString(metrics.productViews()));
        if (metrics.secondsPerPage() != null) {
            add(cells, row, METRICS, SECONDS_PER_PAGE, timestamp, metrics.secondsPerPage().toPlainString());
        }
        add(cells, row, SESSION, CART_CONTENTS, timestamp, cartJson(session.cartContents()));
        add(cells, row, SESSION, CONVERSION_STATUS, timestamp, session.conversionStatus());
        add(cells, row, SESSION, DURATION_SECONDS, timestamp, Integer.toString(session.durationSeconds()));
        add(cells, row, SESSION, END_TIME, timestamp, session.endTime().toString());
        add(cells, row, SESSION, PAGE_VIEWS, timestamp, pageViewsJson(session.pageViews()));
        add(cells, row, SESSION, REFERRER, timestamp, session.referrer());
        add(cells, row, SESSION, SESSION_ID, timestamp, session.sessionId());
        add(cells, row, SESSION, START_TIME, timestamp, session.startTime().toString());
        add(cells, row, SESSION, USER_ID, timestamp, session.userId());
        add(cells, row, SESSION, VIEWED_PRODUCTS, timestamp, viewedProductsJson(session.viewedProducts()));
        return cells;
    }

    private static void add(List<Cell> cells, byte[] row, byte[] family, byte[] qualifier, long timestamp,
            String value) {
        if (value != null) {
            add(cells, row, family, qualifier, timestamp, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void add(List<Cell> cells, byte[] row, byte[] family, byte[] qualifier, long timestamp,
            byte[] value) {
        cells.add(new KeyValue(row, family, qualifier, timestamp, value));
    }

    /** Reads a session back from a row that holds the {@code session}, {@code device} and {@code geo} families. */
    static Session session(Result row) {
        return new Session(
                text(row, SESSION, SESSION_ID), text(row, SESSION, USER_ID),
                Instant.parse(required(row, SESSION, START_TIME)), Instant.parse(required(row, SESSION, END_TIME)),
                Integer.parseInt(required(row, SESSION, DURATION_SECONDS)),
                new SessionGeo(text(row, GEO, CITY), text(row, GEO, STATE), text(row, GEO, COUNTRY),
                        text(row, GEO, IP_ADDRESS)),
                new DeviceProfile(text(row, DEVICE, TYPE), text(row, DEVICE, OS), text(row, DEVICE, BROWSER)),
                parseViewedProducts(required(row, SESSION, VIEWED_PRODUCTS)),
                parsePageViews(required(row, SESSION, PAGE_VIEWS)),
                parseCart(required(row, SESSION, CART_CONTENTS)),
                text(row, SESSION, CONVERSION_STATUS), text(row, SESSION, REFERRER));
    }

    /** Reads the {@code metrics} family of a row. */
    static SessionMetrics metrics(Result row) {
        String secondsPerPage = text(row, METRICS, SECONDS_PER_PAGE);
        return new SessionMetrics(Integer.parseInt(required(row, METRICS, PAGE_VIEWS)),
                Integer.parseInt(required(row, METRICS, PRODUCT_VIEWS)),
                Integer.parseInt(required(row, METRICS, CART_ITEMS)),
                new BigDecimal(required(row, METRICS, CART_VALUE)),
                Integer.parseInt(required(row, METRICS, DISTINCT_PRODUCTS)),
                secondsPerPage == null ? null : new BigDecimal(secondsPerPage),
                Boolean.parseBoolean(required(row, METRICS, CONVERTED)));
    }

    static String text(Result row, byte[] family, byte[] qualifier) {
        byte[] value = row.getValue(family, qualifier);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static String required(Result row, byte[] family, byte[] qualifier) {
        String value = text(row, family, qualifier);
        if (value == null) {
            throw new IllegalStateException("Row '" + new String(row.getRow(), StandardCharsets.UTF_8) + "' has no "
                    + SessionColumns.name(family) + ":" + SessionColumns.name(qualifier) + " cell; it was not written "
                    + "by the session loader, or the scan left that family out");
        }
        return value;
    }

    static byte[] pageViewsJson(List<PageView> pageViews) {
        return json(generator -> {
            generator.writeStartArray();
            for (PageView view : pageViews) {
                generator.writeStartObject();
                generator.writeStringField("timestamp", view.timestamp().toString());
                generator.writeStringField("page_type", view.pageType());
                writeNullable(generator, "product_id", view.productId());
                writeNullable(generator, "category_id", view.categoryId());
                generator.writeNumberField("view_duration", view.viewDuration());
                generator.writeEndObject();
            }
            generator.writeEndArray();
        });
    }

    static byte[] viewedProductsJson(List<String> viewedProducts) {
        return json(generator -> {
            generator.writeStartArray();
            for (String productId : viewedProducts) {
                generator.writeString(productId);
            }
            generator.writeEndArray();
        });
    }

    static byte[] cartJson(Map<String, CartItem> cart) {
        return json(generator -> {
            generator.writeStartObject();
            for (Map.Entry<String, CartItem> entry : cart.entrySet()) {
                generator.writeObjectFieldStart(entry.getKey());
                generator.writeNumberField("quantity", entry.getValue().quantity());
                generator.writeNumberField("price", entry.getValue().price());
                generator.writeEndObject();
            }
            generator.writeEndObject();
        });
    }

    static List<PageView> parsePageViews(String json) {
        return parse(json, "session:page_views", parser -> {
            expect(parser, JsonToken.START_ARRAY);
            List<PageView> views = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Instant timestamp = null;
                String pageType = null;
                String productId = null;
                String categoryId = null;
                int viewDuration = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "timestamp" -> timestamp = Instant.parse(parser.getText());
                        case "page_type" -> pageType = parser.getValueAsString();
                        case "product_id" -> productId = parser.getValueAsString();
                        case "category_id" -> categoryId = parser.getValueAsString();
                        case "view_duration" -> viewDuration = parser.getIntValue();
                        default -> parser.skipChildren();
                    }
                }
                views.add(new PageView(timestamp, pageType, productId, categoryId, viewDuration));
            }
            return views;
        });
    }

    static List<String> parseViewedProducts(String json) {
        return parse(json, "session:viewed_products", parser -> {
            expect(parser, JsonToken.START_ARRAY);
            List<String> products = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                products.add(parser.getText());
            }
            return products;
        });
    }

    static Map<String, CartItem> parseCart(String json) {
        return parse(json, "session:cart_contents", parser -> {
            expect(parser, JsonToken.START_OBJECT);
            Map<String, CartItem> cart = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String productId = parser.currentName();
                expect(parser, JsonToken.START_OBJECT);
                int quantity = 0;
                BigDecimal price = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "quantity" -> quantity = parser.getIntValue();
                        case "price" -> price = parser.getDecimalValue();
                        default -> parser.skipChildren();
                    }
                }
                cart.put(productId, new CartItem(quantity, price));
            }
            return cart;
        });
    }

    private static void writeNullable(JsonGenerator generator, String field, String value) throws IOException {
        if (value == null) {
            generator.writeNullField(field);
        } else {
            generator.writeStringField(field, value);
        }
    }

    private static void expect(JsonParser parser, JsonToken token) throws IOException {
        if (parser.nextToken() != token) {
            throw new IOException("expected " + token + " at " + parser.currentLocation());
        }
    }

    private interface JsonWriting {
        void write(JsonGenerator generator) throws IOException;
    }

    private interface JsonReading<T> {
        T read(JsonParser parser) throws IOException;
    }

    private static byte[] json(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writing.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON into memory", e);
        }
        return out.toByteArray();
    }

    private static <T> T parse(String json, String cell, JsonReading<T> reading) {
        try (JsonParser parser = JSON.createParser(json)) {
            return reading.read(parser);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cell " + cell + " holds '" + abbreviate(json) + "', which is not the JSON "
                    + "the session loader writes (" + e.getMessage() + "); re-load the session", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
