package io.ecomanalytics.hbase;

import io.ecomanalytics.data.CartItem;
import io.ecomanalytics.data.PageView;
import io.ecomanalytics.data.Session;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * The numbers the {@code metrics} family holds, derived from one session when it is loaded.
 *
 * @param pageViews        number of page views
 * @param productViews     page views of type {@code product_detail}
 * @param cartItems        sum of the cart quantities
 * @param cartValue        sum of quantity x price over the cart, exact
 * @param distinctProducts distinct product ids in {@code viewed_products}
 * @param secondsPerPage   {@code duration_seconds / page views}, half-up to two decimals; {@code null} without page
 *                         views (the cell is then absent)
 * @param converted        {@code conversion_status} is {@code converted}
 */
public record SessionMetrics(int pageViews, int productViews, int cartItems, BigDecimal cartValue,
                             int distinctProducts, BigDecimal secondsPerPage, boolean converted) {

    private static final String PRODUCT_PAGE = "product_detail";
    private static final String CONVERTED = "converted";

    /** Derives the metrics of one session. */
    public static SessionMetrics of(Session session) {
        int productViews = 0;
        for (PageView view : session.pageViews()) {
            if (PRODUCT_PAGE.equals(view.pageType())) {
                productViews++;
            }
        }
        int cartItems = 0;
        BigDecimal cartValue = BigDecimal.ZERO;
        for (CartItem item : session.cartContents().values()) {
            cartItems += item.quantity();
            cartValue = cartValue.add(item.price().multiply(BigDecimal.valueOf(item.quantity())));
        }
        Set<String> distinct = new HashSet<>(session.viewedProducts());
        int pageViews = session.pageViews().size();
        BigDecimal secondsPerPage = pageViews == 0 ? null
                : BigDecimal.valueOf(session.durationSeconds()).divide(BigDecimal.valueOf(pageViews), 2,
                        RoundingMode.HALF_UP);
        return new SessionMetrics(pageViews, productViews, cartItems, cartValue, distinct.size(), secondsPerPage,
                CONVERTED.equals(session.conversionStatus()));
    }
}
