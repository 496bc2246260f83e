package io.ecomanalytics.dashboard;

import io.ecomanalytics.data.PageView;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.hbase.SessionStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Views and carts per product from every session in HBase, with the definitions of spark-transforms'
 * {@code ProductPerformance}: views = page views of type {@code product_detail} of the product; carts = sessions whose
 * cart holds the product. One full scan of the sessions table, so {@link StoreQueries} keeps the answer
 * ({@link Refreshed#SESSION_SCAN}).
 */
final class ProductActivity {
    private static final Instant FIRST = Instant.EPOCH;
    private static final Instant LAST = Instant.parse("9999-01-01T00:00:00Z");

    /** Views and carts of one product. */
    record Counts(long views, long carts) {
        static final Counts NONE = new Counts(0, 0);
    }

    private ProductActivity() {
    }

    /** Product id -> counts, for every product with a view or a cart. */
    static Map<String, Counts> of(SessionStore sessions) {
        Map<String, long[]> tally = new HashMap<>();
        sessions.forEachSessionBetween(FIRST, LAST, stored -> add(stored.session(), tally));
        Map<String, Counts> result = new HashMap<>();
        tally.forEach((product, values) -> result.put(product, new Counts(values[0], values[1])));
        return result;
    }

    private static void add(Session session, Map<String, long[]> tally) {
        for (PageView view : session.pageViews()) {
            if ("product_detail".equals(view.pageType()) && view.productId() != null) {
                tally.computeIfAbsent(view.productId(), key -> new long[2])[0]++;
            }
        }
        for (String product : session.cartContents().keySet()) {
            tally.computeIfAbsent(product, key -> new long[2])[1]++;
        }
    }
}
