package io.ecomanalytics.data;

import java.util.List;

/**
 * A product category ({@code categories.json}).
 *
 * @param categoryId    {@code category_id}, e.g. {@code cat_001}
 * @param name          {@code name}
 * @param subcategories {@code subcategories}
 */
public record Category(String categoryId, String name, List<Subcategory> subcategories) {

    public Category {
        subcategories = List.copyOf(subcategories);
    }
}
