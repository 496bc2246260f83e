package io.ecomanalytics.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A catalogue product ({@code products.json}).
 *
 * @param productId    {@code product_id}, e.g. {@code prod_00001}
 * @param name         {@code name}
 * @param categoryId   {@code category_id}
 * @param basePrice    {@code base_price}, the latest price
 * @param currentStock {@code current_stock}
 * @param active       {@code is_active}
 * @param priceHistory {@code price_history}, oldest first
 * @param creationDate {@code creation_date}
 */
public record Product(String productId, String name, String categoryId, BigDecimal basePrice, int currentStock,
                      boolean active, List<PriceHistoryEntry> priceHistory, Instant creationDate) {

    public Product {
        priceHistory = List.copyOf(priceHistory);
    }
}
