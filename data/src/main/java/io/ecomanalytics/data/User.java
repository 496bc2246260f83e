package io.ecomanalytics.data;

import java.time.Instant;

/**
 * A registered customer ({@code users.json}).
 *
 * @param userId           {@code user_id}, e.g. {@code user_000001}
 * @param geoData          {@code geo_data}
 * @param registrationDate {@code registration_date}
 * @param lastActive       {@code last_active}
 */
public record User(String userId, GeoData geoData, Instant registrationDate, Instant lastActive) {
}
