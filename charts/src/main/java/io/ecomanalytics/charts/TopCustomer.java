package io.ecomanalytics.charts;

/**
 * A row of the report's top-customers table.
 *
 * @param customerId    the user's natural id
 * @param segment       the CLV segment
 * @param orders        orders placed
 * @param revenue       total spent, in currency units
 * @param lifetimeValue predicted lifetime value, in currency units
 */
public record TopCustomer(String customerId, String segment, long orders, double revenue, double lifetimeValue) {

    public TopCustomer {
        Validation.requireText(customerId, "TopCustomer", "customerId");
        Validation.requireText(segment, "TopCustomer", "segment");
        Validation.requireNonNegative(orders, "TopCustomer", "orders");
        Validation.requireFinite(revenue, "TopCustomer", "revenue");
        Validation.requireFinite(lifetimeValue, "TopCustomer", "lifetimeValue");
    }
}
