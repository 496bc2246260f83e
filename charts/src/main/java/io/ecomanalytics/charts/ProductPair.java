package io.ecomanalytics.charts;

/**
 * Two products bought in the same order, a row of the report's "bought together" table.
 *
 * @param firstProductId    natural id of one product
 * @param firstProductName  its name (the id when no name is known)
 * @param secondProductId   natural id of the other product
 * @param secondProductName its name (the id when no name is known)
 * @param ordersTogether    orders that contain both
 */
public record ProductPair(String firstProductId, String firstProductName, String secondProductId,
                          String secondProductName, long ordersTogether) {

    public ProductPair {
        Validation.requireText(firstProductId, "ProductPair", "firstProductId");
        Validation.requireText(firstProductName, "ProductPair", "firstProductName");
        Validation.requireText(secondProductId, "ProductPair", "secondProductId");
        Validation.requireText(secondProductName, "ProductPair", "secondProductName");
        Validation.requireNonNegative(ordersTogether, "ProductPair", "ordersTogether");
    }
}
