package io.ecomanalytics.mongo;

/** The collections of the {@code ecommerce} database (DESIGN section 4). */
public enum MongoCollectionName {
    /** One document per user, {@code _id} = {@code user_id}. */
    USERS("users"),
    /** One document per product, {@code _id} = {@code product_id}, price history embedded. */
    PRODUCTS("products"),
    /** One document per category, {@code _id} = {@code category_id}, subcategories embedded. */
    CATEGORIES("categories"),
    /** One document per transaction, {@code _id} = {@code transaction_id}, items embedded. */
    TRANSACTIONS("transactions"),
    /** The customer lifetime value results, written back by Spark. */
    CUSTOMER_CLV("customer_clv"),
    /** Each customer's recommended products, one document per customer ({@code _id} = user_id), written by Spark. */
    RECOMMENDATIONS("recommendations");

    private final String collectionName;

    MongoCollectionName(String collectionName) {
        this.collectionName = collectionName;
    }

    /** The collection's name in the database, e.g. {@code transactions}. */
    public String collectionName() {
        return collectionName;
    }

    @Override
    public String toString() {
        return collectionName;
    }
}
