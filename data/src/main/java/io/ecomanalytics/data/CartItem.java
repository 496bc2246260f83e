package io.ecomanalytics.data;

import java.math.BigDecimal;

/** A cart entry, keyed by product id in {@link Session#cartContents()}: wire fields {@code quantity}, {@code price}. */
public record CartItem(int quantity, BigDecimal price) {
}
