package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;

import static io.ecomanalytics.data.JsonFields.datetime;
import static io.ecomanalytics.data.JsonFields.required;
import static io.ecomanalytics.data.JsonFields.string;

final class UserCodec implements RecordCodec<User> {

    @Override
    public User read(JsonParser parser) throws IOException, RecordViolation {
        String userId = null;
        GeoData geoData = null;
        Instant registrationDate = null;
        Instant lastActive = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "user_id" -> userId = string(parser, name);
                case "geo_data" -> geoData = readGeo(parser);
                case "registration_date" -> registrationDate = datetime(parser, name);
                case "last_active" -> lastActive = datetime(parser, name);
                default -> parser.skipChildren();
            }
        }
        return new User(required(userId, "user_id"), required(geoData, "geo_data"),
                required(registrationDate, "registration_date"), required(lastActive, "last_active"));
    }

    private static GeoData readGeo(JsonParser parser) throws IOException, RecordViolation {
        if (!JsonFields.startObject(parser, "geo_data")) {
            return null;
        }
        String city = null;
        String state = null;
        String country = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "city" -> city = string(parser, "geo_data.city");
                case "state" -> state = string(parser, "geo_data.state");
                case "country" -> country = string(parser, "geo_data.country");
                default -> parser.skipChildren();
            }
        }
        return new GeoData(required(city, "geo_data.city"), required(state, "geo_data.state"),
                required(country, "geo_data.country"));
    }

    @Override
    public void write(JsonGenerator generator, User user) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("user_id", user.userId());
        generator.writeObjectFieldStart("geo_data");
        generator.writeStringField("city", user.geoData().city());
        generator.writeStringField("state", user.geoData().state());
        generator.writeStringField("country", user.geoData().country());
        generator.writeEndObject();
        RecordCodec.writeDatetime(generator, "registration_date", user.registrationDate());
        RecordCodec.writeDatetime(generator, "last_active", user.lastActive());
        generator.writeEndObject();
    }
}
