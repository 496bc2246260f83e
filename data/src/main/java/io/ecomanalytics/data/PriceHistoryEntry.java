package io.ecomanalytics.data;

import java.math.BigDecimal;
import java.time.Instant;

/** One price a product had from {@code date} on: wire fields {@code price}, {@code date}. */
public record PriceHistoryEntry(BigDecimal price, Instant date) {
}
