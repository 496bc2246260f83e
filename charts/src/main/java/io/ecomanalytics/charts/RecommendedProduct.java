package io.ecomanalytics.charts;

/**
 * One product of a customer's recommended list, as the report shows it.
 *
 * @param rank        1 for the first product
 * @param productId   the product's id
 * @param productName the product's name (the id when the product has none)
 * @param score       the model's score
 * @param reason      why it is recommended, for example {@code popular in Electronics}
 */
public record RecommendedProduct(int rank, String productId, String productName, double score, String reason) {

    public RecommendedProduct {
        Validation.requireText(productId, "RecommendedProduct", "productId");
        Validation.requireText(productName, "RecommendedProduct", "productName");
        Validation.requireText(reason, "RecommendedProduct", "reason");
        Validation.requireFinite(score, "RecommendedProduct", "score");
    }
}
