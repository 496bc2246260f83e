package io.ecomanalytics.data;

/**
 * One of the dataset's five entities: its Java record type, its file name stem and (internally) its JSON codec.
 *
 * @param <T> the record type
 */
public final class EntityType<T> {

    /** {@code users.json}. */
    public static final EntityType<User> USERS = new EntityType<>("users", User.class, new UserCodec());
    /** {@code products.json}. */
    public static final EntityType<Product> PRODUCTS = new EntityType<>("products", Product.class, new ProductCodec());
    /** {@code categories.json}. */
    public static final EntityType<Category> CATEGORIES =
            new EntityType<>("categories", Category.class, new CategoryCodec());
    /** {@code transactions.json}. */
    public static final EntityType<Transaction> TRANSACTIONS =
            new EntityType<>("transactions", Transaction.class, new TransactionCodec());
    /** {@code sessions_0.json}, {@code sessions_1.json}, ... */
    public static final EntityType<Session> SESSIONS = new EntityType<>("sessions", Session.class, new SessionCodec());

    private final String name;
    private final Class<T> recordType;
    private final RecordCodec<T> codec;

    private EntityType(String name, Class<T> recordType, RecordCodec<T> codec) {
        this.name = name;
        this.recordType = recordType;
        this.codec = codec;
    }

    /** The entity's name, which is also its file stem: {@code users}, ..., {@code sessions}. */
    public String name() {
        return name;
    }

    /** The Java record class of one element. */
    public Class<T> recordType() {
        return recordType;
    }

    RecordCodec<T> codec() {
        return codec;
    }

    @Override
    public String toString() {
        return name;
    }
}
