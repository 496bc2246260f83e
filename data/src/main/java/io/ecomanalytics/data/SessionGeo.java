package io.ecomanalytics.data;

/** Where a session came from: wire fields {@code city}, {@code state}, {@code country}, {@code ip_address}. */
public record SessionGeo(String city, String state, String country, String ipAddress) {
}
