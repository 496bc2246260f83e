package io.ecomanalytics.recommendations;

/** The kinds of implicit feedback, with the value the {@code event} column holds. */
public enum EventType {
    /** A product detail page view (HBase sessions). */
    VIEW("view"),
    /** A product in a session's cart (HBase sessions). */
    CART_ADD("cart_add"),
    /** A purchased item (MongoDB transactions). */
    PURCHASE("purchase");

    private final String columnValue;

    EventType(String columnValue) {
        this.columnValue = columnValue;
    }

    /** The value of the {@code event} column, for example {@code cart_add}. */
    public String columnValue() {
        return columnValue;
    }
}
