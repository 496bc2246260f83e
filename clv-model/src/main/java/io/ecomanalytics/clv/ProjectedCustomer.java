package io.ecomanalytics.clv;

/**
 * A customer on the first two principal components of the standardised features.
 *
 * @param firstComponent  coordinate on the first principal component
 * @param secondComponent coordinate on the second principal component
 * @param segment         the customer's learned segment
 */
public record ProjectedCustomer(double firstComponent, double secondComponent, int segment) {
}
