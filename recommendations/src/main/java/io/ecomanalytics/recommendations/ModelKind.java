package io.ecomanalytics.recommendations;

/** The recommendation models, with the name the {@code model} column holds. */
public enum ModelKind {
    /** The most bought products overall: the baseline every model must beat. */
    GLOBAL_POPULARITY("global_popularity"),
    /** The most bought products of the categories the customer interacts with most. */
    CATEGORY_POPULARITY("category_popularity"),
    /** Products bought together (the {@code product_affinity} pairs) with what the customer bought or viewed. */
    ITEM_COOCCURRENCE("item_cooccurrence"),
    /** Alternating least squares on implicit feedback (Spark MLlib). */
    ALS("als");

    private final String columnValue;

    ModelKind(String columnValue) {
        this.columnValue = columnValue;
    }

    /** The value of the {@code model} column, for example {@code category_popularity}. */
    public String columnValue() {
        return columnValue;
    }
}
