package io.ecomanalytics.dashboard;

import io.ecomanalytics.mongo.UserPurchases;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;

/** The orders {@code /api/customers?sort=} offers; ties are broken by user id. */
enum CustomerOrder {
    SPEND, ORDERS, CLV, LAST_PURCHASE, USER_ID;

    /** The value of {@code sort=}, e.g. {@code last_purchase}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CustomerOrder parse(String value) {
        for (CustomerOrder order : values()) {
            if (order.wireName().equals(value)) {
                return order;
            }
        }
        throw ApiException.badRequest("'sort' must be one of spend, orders, clv, last_purchase, user_id; it was '"
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value).replaceAll("\\p{Cntrl}", "?")
                + "'");
    }

    /** Largest first for the figures, ascending for the user id. */
    Comparator<UserPurchases> comparator(Map<String, Document> values) {
        Comparator<UserPurchases> byId = Comparator.comparing(UserPurchases::userId);
        return switch (this) {
            case SPEND -> Comparator.comparing(UserPurchases::spend).reversed().thenComparing(byId);
            case ORDERS -> Comparator.comparingLong(UserPurchases::orders).reversed().thenComparing(byId);
            case LAST_PURCHASE -> Comparator.comparing(UserPurchases::lastPurchase).reversed().thenComparing(byId);
            case CLV -> Comparator.comparingDouble((UserPurchases customer) -> clv(values, customer)).reversed()
                    .thenComparing(byId);
            case USER_ID -> byId;
        };
    }

    private static double clv(Map<String, Document> values, UserPurchases customer) {
        Document value = values.get(customer.userId());
        return value != null && value.get("clv") instanceof Number clv ? clv.doubleValue() : Double.NEGATIVE_INFINITY;
    }
}
