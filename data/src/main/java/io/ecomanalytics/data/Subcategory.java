package io.ecomanalytics.data;

/**
 * A subcategory of a {@link Category}.
 *
 * @param subcategoryId {@code subcategory_id}, e.g. {@code sub_001_01}
 * @param name          {@code name}
 * @param profitMargin  {@code profit_margin}, a fraction (0.10 to 0.40 in generated data)
 */
public record Subcategory(String subcategoryId, String name, double profitMargin) {
}
