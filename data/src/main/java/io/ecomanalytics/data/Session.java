package io.ecomanalytics.data;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browsing session ({@code sessions_N.json}).
 *
 * @param sessionId        {@code session_id}, e.g. {@code sess_0123456789}
 * @param userId           {@code user_id}
 * @param startTime        {@code start_time}
 * @param endTime          {@code end_time}
 * @param durationSeconds  {@code duration_seconds}
 * @param geoData          {@code geo_data}
 * @param deviceProfile    {@code device_profile}
 * @param viewedProducts   {@code viewed_products}, product ids in first-view order
 * @param pageViews        {@code page_views}, in time order
 * @param cartContents     {@code cart_contents}, product id to cart entry, in insertion order
 * @param conversionStatus {@code conversion_status}, one of {@link Vocabulary#CONVERSION_STATUSES}
 * @param referrer         {@code referrer}, one of {@link Vocabulary#REFERRERS}
 */
public record Session(String sessionId, String userId, Instant startTime, Instant endTime, int durationSeconds,
                      SessionGeo geoData, DeviceProfile deviceProfile, List<String> viewedProducts,
                      List<PageView> pageViews, Map<String, CartItem> cartContents, String conversionStatus,
                      String referrer) {

    public Session {
        viewedProducts = List.copyOf(viewedProducts);
        pageViews = List.copyOf(pageViews);
        // Insertion order is part of the wire format (byte-identical output), so no Map.copyOf here.
        cartContents = Collections.unmodifiableMap(new LinkedHashMap<>(cartContents));
    }
}
