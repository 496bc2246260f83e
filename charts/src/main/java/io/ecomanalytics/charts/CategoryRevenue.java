package io.ecomanalytics.charts;

/**
 * Revenue of one product category.
 *
 * @param categoryId   the category's natural id, for example {@code cat_001}
 * @param categoryName the name readers see on the chart
 * @param revenue      revenue in currency units; may be negative when refunds exceed sales
 */
public record CategoryRevenue(String categoryId, String categoryName, double revenue) {

    public CategoryRevenue {
        Validation.requireText(categoryId, "CategoryRevenue", "categoryId");
        Validation.requireText(categoryName, "CategoryRevenue", "categoryName");
        Validation.requireFinite(revenue, "CategoryRevenue", "revenue");
    }
}
