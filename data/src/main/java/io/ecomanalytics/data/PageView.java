package io.ecomanalytics.data;

import java.time.Instant;

/**
 * One page of a session.
 *
 * @param timestamp    {@code timestamp}
 * @param pageType     {@code page_type}, one of {@link Vocabulary#PAGE_TYPES}
 * @param productId    {@code product_id}; {@code null} except on product pages
 * @param categoryId   {@code category_id}; {@code null} except on category listings and product pages
 * @param viewDuration {@code view_duration} in seconds
 */
public record PageView(Instant timestamp, String pageType, String productId, String categoryId, int viewDuration) {
}
