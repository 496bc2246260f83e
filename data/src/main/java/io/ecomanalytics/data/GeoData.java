package io.ecomanalytics.data;

/** Where a user lives: wire fields {@code city}, {@code state}, {@code country}. */
public record GeoData(String city, String state, String country) {
}
