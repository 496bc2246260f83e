package io.ecomanalytics.hbase;

import static io.ecomanalytics.hbase.SessionColumns.BROWSER;
import static io.ecomanalytics.hbase.SessionColumns.CART_CONTENTS;
import static io.ecomanalytics.hbase.SessionColumns.CITY;
import static io.ecomanalytics.hbase.SessionColumns.CONVERSION_STATUS;
import static io.ecomanalytics.hbase.SessionColumns.COUNTRY;
import static io.ecomanalytics.hbase.SessionColumns.DEVICE;
import static io.ecomanalytics.hbase.SessionColumns.DURATION_SECONDS;
import static io.ecomanalytics.hbase.SessionColumns.END_TIME;
import static io.ecomanalytics.hbase.SessionColumns.GEO;
import static io.ecomanalytics.hbase.SessionColumns.IP_ADDRESS;
import static io.ecomanalytics.hbase.SessionColumns.OS;
import static io.ecomanalytics.hbase.SessionColumns.PAGE_VIEWS;
import static io.ecomanalytics.hbase.SessionColumns.REFERRER;
import static io.ecomanalytics.hbase.SessionColumns.SESSION;
import static io.ecomanalytics.hbase.SessionColumns.SESSION_ID;
import static io.ecomanalytics.hbase.SessionColumns.START_TIME;
import static io.ecomanalytics.hbase.SessionColumns.STATE;
import static io.ecomanalytics.hbase.SessionColumns.TYPE;
import static io.ecomanalytics.hbase.SessionColumns.USER_ID;
import static io.ecomanalytics.hbase.SessionColumns.VIEWED_PRODUCTS;

import io.ecomanalytics.data.CartItem;
import io.ecomanalytics.data.PageView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Result;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/** Decodes one HBase row into one Spark row of {@code Schemas.sessionsFromHBase()}, each cell decoded once. */
final class SessionRows {

    private SessionRows() {
    }

    static Row toRow(Result row) {
        String pageViews = SessionCells.text(row, SESSION, PAGE_VIEWS);
        String viewedProducts = SessionCells.text(row, SESSION, VIEWED_PRODUCTS);
        String cart = SessionCells.text(row, SESSION, CART_CONTENTS);
        String duration = SessionCells.text(row, SESSION, DURATION_SECONDS);
        return RowFactory.create(
                SessionCells.text(row, SESSION, SESSION_ID),
                SessionCells.text(row, SESSION, USER_ID),
                timestamp(SessionCells.text(row, SESSION, START_TIME)),
                timestamp(SessionCells.text(row, SESSION, END_TIME)),
                duration == null ? null : Integer.valueOf(duration),
                SessionCells.text(row, SESSION, REFERRER),
                SessionCells.text(row, SESSION, CONVERSION_STATUS),
                SessionCells.text(row, DEVICE, TYPE),
                SessionCells.text(row, DEVICE, OS),
                SessionCells.text(row, DEVICE, BROWSER),
                SessionCells.text(row, GEO, CITY),
                SessionCells.text(row, GEO, STATE),
                SessionCells.text(row, GEO, COUNTRY),
                SessionCells.text(row, GEO, IP_ADDRESS),
                pageViews == null ? null : pageViewRows(SessionCells.parsePageViews(pageViews)),
                viewedProducts == null ? null
                        : CollectionConverters.asScala(SessionCells.parseViewedProducts(viewedProducts)).toSeq(),
                cart == null ? null : cartMap(SessionCells.parseCart(cart)));
    }

    private static Timestamp timestamp(String text) {
        return text == null ? null : Timestamp.from(Instant.parse(text));
    }

    private static scala.collection.immutable.Seq<Row> pageViewRows(List<PageView> views) {
        List<Row> rows = new ArrayList<>(views.size());
        for (PageView view : views) {
            rows.add(RowFactory.create(Timestamp.from(view.timestamp()), view.pageType(), view.productId(),
                    view.categoryId(), view.viewDuration()));
        }
        return CollectionConverters.asScala(rows).toSeq();
    }

    private static scala.collection.Map<String, Row> cartMap(Map<String, CartItem> cart) {
        Map<String, Row> entries = new LinkedHashMap<>();
        for (Map.Entry<String, CartItem> entry : cart.entrySet()) {
            entries.put(entry.getKey(), RowFactory.create(entry.getValue().quantity(), entry.getValue().price()));
        }
        return CollectionConverters.asScala(entries);
    }
}
