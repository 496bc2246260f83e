package io.ecomanalytics.charts;

import java.util.List;

/**
 * An example customer's recommended list for the report.
 *
 * @param userId   the customer
 * @param model    the model that made the list, for example {@code category_popularity}
 * @param products the list in rank order
 */
public record CustomerRecommendations(String userId, String model, List<RecommendedProduct> products) {

    public CustomerRecommendations {
        Validation.requireText(userId, "CustomerRecommendations", "userId");
        Validation.requireText(model, "CustomerRecommendations", "model");
        products = Validation.copyOfTable(products, "CustomerRecommendations", "products");
    }
}
