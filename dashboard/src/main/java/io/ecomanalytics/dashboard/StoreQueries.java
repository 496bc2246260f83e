package io.ecomanalytics.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.ecomanalytics.data.CartItem;
import io.ecomanalytics.data.PageView;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.hbase.RegionCount;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.hbase.StoredSession;
import io.ecomanalytics.mongo.CategorySales;
import io.ecomanalytics.mongo.DailySales;
import io.ecomanalytics.mongo.MongoAggregations;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.mongo.ProductSales;
import io.ecomanalytics.mongo.UserPurchases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of the API, read from the stores. Every figure comes from the store modules' public functions (the
 * {@link MongoAggregations} that the batch outputs agree with, {@link SessionStore#sessionsOfUser}); this class only
 * shapes them as JSON. Every identifier reaching it has been checked by {@link IdPattern}, and is only ever compared
 * for equality. The aggregations over all transactions and sessions, and the customers' values, are kept and
 * recomputed in the background ({@link Refreshed}: they take seconds on a large dataset); a customer's own documents
 * and rows, and the live metrics, are read on every request, by {@code _id}, by the row-key prefix, or (for the
 * orders) as {@link OrderLookup} says.
 */
final class StoreQueries {
    /** The customers one page of {@code /api/customers} holds. */
    static final int PAGE_SIZE = 50;
    private static final Logger LOG = LoggerFactory.getLogger(StoreQueries.class);
    /** The largest page number accepted, so that a page number cannot ask for an absurd skip. */
    static final int LAST_PAGE = 100_000;
    /** The most {@code live_metrics} documents one answer carries, newest windows first. */
    static final int LIVE_LIMIT = 2_000;
    static final String LIVE_METRICS = "live_metrics";

    /**
     * The latest sessions a customer's answer lists (with the count of all): a bound on the answer's size and time,
     * which would otherwise grow with the customer's history (hundreds of sessions each at {@code full}).
     */
    static final int SESSIONS_PER_CUSTOMER = 50;

    /** The partners listed per product in a category's answer. */
    static final int PAIRS_PER_PRODUCT = 3;

    /** A product bought with another: n(A,B), confidence n(A,B) / n(A) and lift, as {@code ProductAffinity}. */
    private record Partner(String productId, long transactions, double confidence, double lift) {
    }

    private final ObjectMapper mapper;
    private final MongoStore mongo;
    private final MongoStore figures;
    private final Supplier<SessionStore> sessions;
    private final OrderLookup orderLookup;
    private final Refreshed<List<DailySales>> days;
    private final Refreshed<List<CategorySales>> categorySales;
    private final Refreshed<List<UserPurchases>> purchases;
    private final Refreshed<List<ProductSales>> productSales;
    private final Refreshed<Long> sessionCount;
    private final Refreshed<Map<String, ProductActivity.Counts>> activity;
    private final Refreshed<Map<String, Long>> productsPerCategory;
    private final Refreshed<Map<String, Document>> customerValues;
    private final Refreshed<Map<String, List<String>>> ordersOfCustomers;
    private final Map<String, Refreshed<Map<String, List<Partner>>>> pairsByCategory = new ConcurrentHashMap<>();
    private final Executor background;

    /**
     * The queries over these stores: a request reads {@code mongo}, whose reads are bounded by the store timeout; the
     * kept figures are computed over {@code figures}, whose reads may take as long as a scan of the largest collection
     * takes, and recomputed on {@code background}.
     */
    StoreQueries(ObjectMapper mapper, MongoStore mongo, MongoStore figures, Supplier<SessionStore> sessions,
            OrderLookup orderLookup, Executor background) {
        this.mapper = mapper;
        this.mongo = mongo;
        this.figures = figures;
        this.sessions = sessions;
        this.orderLookup = orderLookup;
        this.background = background;
        MongoAggregations aggregations = figures.aggregations();
        Duration aggregation = Refreshed.AGGREGATIONS;
        this.days = new Refreshed<>("revenue per day", aggregations::revenuePerDay, aggregation, background);
        this.categorySales = new Refreshed<>("revenue by category", aggregations::revenueByCategory, aggregation,
                background);
        this.purchases = new Refreshed<>("purchases by user", aggregations::purchasesByUser, aggregation,
                background);
        this.productSales = new Refreshed<>("product sales", aggregations::productSales, aggregation, background);
        this.productsPerCategory = new Refreshed<>("products per category", this::countProductsPerCategory,
                aggregation, background);
        this.customerValues = new Refreshed<>("customer values", this::readCustomerValues, aggregation, background);
        this.ordersOfCustomers = new Refreshed<>("orders of customers", this::mapOrdersOfCustomers, aggregation,
                background);
        Duration sessionScan = Refreshed.SESSION_SCAN;
        this.sessionCount = new Refreshed<>("session count", () -> sessions.get().countsPerRegion().stream()
                .mapToLong(RegionCount::sessions).sum(), sessionScan, background);
        this.activity = new Refreshed<>("product views and carts", () -> ProductActivity.of(sessions.get()),
                sessionScan, background);
    }

    /**
     * Computes every kept figure once, so that the first visitor does not wait for them; a store that does not
     * answer yet is logged, and its figures are computed on the first request instead.
     */
    void computeKeptFigures() {
        long start = System.nanoTime();
        List<Refreshed<?>> kept = new ArrayList<>(List.of(days, categorySales, purchases, productSales,
                productsPerCategory, customerValues, sessionCount, activity));
        if (orderLookup == OrderLookup.IN_MEMORY_MAP) {
            kept.add(ordersOfCustomers);
        }
        for (Refreshed<?> figures : kept) {
            try {
                figures.get();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // The dashboard is closing.
                    return;
                }
                LOG.warn("The dashboard could not compute its figures ahead of the first request: {}",
                        e.getMessage());
                return;
            }
        }
        LOG.info("Dashboard figures computed in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Headline figures, revenue per day and revenue per category. */
    ObjectNode summary() {
        List<DailySales> days = this.days.get();
        List<CategorySales> categories = categorySales.get();
        long customers = purchases.get().size();
        BigDecimal revenue = days.stream().map(DailySales::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        long orders = days.stream().mapToLong(DailySales::orders).sum();
        long sessionCount = this.sessionCount.get();
        ObjectNode answer = mapper.createObjectNode();
        answer.put("revenue", money(revenue));
        answer.put("orders", orders);
        answer.put("customers", customers);
        answer.put("average_order_value", orders == 0 ? null
                : money(revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP)));
        answer.put("sessions", sessionCount);
        Optional<CategorySales> top = categories.stream()
                .max(Comparator.comparing(CategorySales::revenue).thenComparing(CategorySales::categoryId,
                        Comparator.reverseOrder()));
        answer.put("top_category", top.map(CategorySales::categoryName).orElse(""));
        ArrayNode daily = answer.putArray("revenue_by_day");
        for (DailySales day : days) {
            daily.addObject().put("day", day.day().toString()).put("orders", day.orders())
                    .put("revenue", money(day.revenue()));
        }
        ArrayNode byCategory = answer.putArray("revenue_by_category");
        categories.forEach(category -> byCategory.add(categoryNode(category)));
        return answer;
    }

    /** Every category with its sales (zero for a category that sold nothing), by category id. */
    ObjectNode categories() {
        Map<String, CategorySales> sales = new HashMap<>();
        categorySales.get().forEach(category -> sales.put(category.categoryId(), category));
        Map<String, Long> products = productsPerCategory.get();
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode list = answer.putArray("categories");
        for (Document category : mongo.collection(MongoCollectionName.CATEGORIES).find().sort(Sorts.ascending("_id"))) {
            String id = category.getString("_id");
            CategorySales categorySales = sales.getOrDefault(id,
                    new CategorySales(id, category.getString("name"), 0, BigDecimal.ZERO, 0));
            list.add(categoryNode(new CategorySales(id, category.getString("name"), categorySales.quantity(),
                    categorySales.revenue(), categorySales.orders())).put("products", products.getOrDefault(id, 0L)));
        }
        return answer;
    }

    /** One category's products with their sales, largest revenue first; 404 for an unknown category. */
    ObjectNode productsOfCategory(String categoryId) {
        Document category = mongo.collection(MongoCollectionName.CATEGORIES).find(Filters.eq("_id", categoryId))
                .first();
        if (category == null) {
            throw ApiException.notFound("There is no category " + categoryId + "; /api/categories lists them");
        }
        Map<String, ProductSales> sales = new HashMap<>();
        productSales.get().forEach(product -> sales.put(product.productId(), product));
        Map<String, ProductActivity.Counts> views = activity.get();
        List<Document> products = mongo.collection(MongoCollectionName.PRODUCTS)
                .find(Filters.eq("category_id", categoryId)).into(new ArrayList<>());
        Map<String, List<Partner>> pairs = pairsByCategory.computeIfAbsent(categoryId, key -> new Refreshed<>(
                "bought together in " + key, () -> affinityPairs(productIdsOf(key)), Refreshed.AGGREGATIONS,
                background))
                .get();
        List<ObjectNode> rows = new ArrayList<>();
        for (Document product : products) {
            String id = product.getString("_id");
            ProductSales productSales = sales.getOrDefault(id, new ProductSales(id, 0, BigDecimal.ZERO, 0));
            ProductActivity.Counts counts = views.getOrDefault(id, ProductActivity.Counts.NONE);
            ObjectNode row = mapper.createObjectNode();
            row.put("product_id", id).put("name", product.getString("name"))
                    .put("base_price", money(product.get("base_price")))
                    .put("is_active", product.getBoolean("is_active"))
                    .put("views", counts.views()).put("carts", counts.carts())
                    .put("purchases", productSales.orders())
                    .put("conversion", counts.views() == 0 ? null : (double) productSales.orders() / counts.views())
                    .put("quantity", productSales.quantity()).put("orders", productSales.orders())
                    .put("revenue", money(productSales.revenue()));
            ArrayNode partners = row.putArray("pairs");
            for (Partner partner : pairs.getOrDefault(id, List.of())) {
                partners.addObject().put("product_id", partner.productId()).put("transactions", partner.transactions())
                        .put("confidence", partner.confidence()).put("lift", partner.lift());
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing((ObjectNode row) -> new BigDecimal(row.get("revenue").asText())).reversed()
                .thenComparing(row -> row.get("product_id").asText()));
        ObjectNode answer = mapper.createObjectNode();
        answer.put("category_id", categoryId).put("name", category.getString("name"));
        ArrayNode list = answer.putArray("products");
        rows.forEach(list::add);
        return answer;
    }

    /** The ids of a category's products. */
    private List<String> productIdsOf(String categoryId) {
        List<String> ids = new ArrayList<>();
        for (Document product : figures.collection(MongoCollectionName.PRODUCTS).find(Filters.eq("category_id",
                categoryId)).projection(Projections.include("_id"))) {
            ids.add(product.getString("_id"));
        }
        return ids;
    }

    /**
     * "Bought together" for the given products, with the definitions of spark-transforms' {@code ProductAffinity}:
     * n(A,B) transactions holding both, confidence n(A,B) / n(A), lift confidence / (n(B) / N), N the transactions;
     * the strongest partners first (confidence, then lift, then product id).
     */
    private Map<String, List<Partner>> affinityPairs(List<String> productIds) {
        Map<String, Map<String, Long>> together = new HashMap<>();
        if (productIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ProductSales> sales = new HashMap<>();
        productSales.get().forEach(product -> sales.put(product.productId(), product));
        for (Document transaction : figures.collection(MongoCollectionName.TRANSACTIONS)
                .find(Filters.in("items.product_id", productIds)).projection(new Document("items.product_id", 1))
                .batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            Set<String> basket = new TreeSet<>();
            transaction.getList("items", Document.class).forEach(item -> basket.add(item.getString("product_id")));
            for (String product : basket) {
                if (productIds.contains(product)) {
                    for (String other : basket) {
                        if (!other.equals(product)) {
                            together.computeIfAbsent(product, key -> new HashMap<>()).merge(other, 1L, Long::sum);
                        }
                    }
                }
            }
        }
        long baskets = figures.collection(MongoCollectionName.TRANSACTIONS).countDocuments();
        Map<String, List<Partner>> pairs = new HashMap<>();
        together.forEach((product, partners) -> {
            long productBaskets = sales.get(product).orders();
            List<Partner> list = new ArrayList<>();
            partners.forEach((other, both) -> {
                double confidence = (double) both / productBaskets;
                double lift = confidence / ((double) sales.get(other).orders() / baskets);
                list.add(new Partner(other, both, confidence, lift));
            });
            list.sort(Comparator.comparingDouble(Partner::confidence).reversed()
                    .thenComparing(Comparator.comparingDouble(Partner::lift).reversed())
                    .thenComparing(Partner::productId));
            pairs.put(product, List.copyOf(list.subList(0, Math.min(PAIRS_PER_PRODUCT, list.size()))));
        });
        return pairs;
    }

    /** One page of the customers who bought, optionally of one segment, in the order asked. */
    ObjectNode customers(Optional<String> segment, Optional<Integer> learnedSegment, CustomerOrder order, int page) {
        Map<String, Document> values = customerValues.get();
        List<UserPurchases> purchases = this.purchases.get();
        List<UserPurchases> chosen = new ArrayList<>();
        Map<String, Long> rfmCounts = new TreeMap<>();
        Map<Integer, Long> learnedCounts = new TreeMap<>();
        for (UserPurchases customer : purchases) {
            Document value = values.get(customer.userId());
            String rfm = value == null ? null : value.getString("segment");
            Integer learned = value == null ? null : integer(value.get("learned_segment"));
            if (rfm != null) {
                rfmCounts.merge(rfm, 1L, Long::sum);
            }
            if (learned != null) {
                learnedCounts.merge(learned, 1L, Long::sum);
            }
            if (segment.isPresent() && !segment.get().equals(rfm)) {
                continue;
            }
            if (learnedSegment.isPresent() && !learnedSegment.get().equals(learned)) {
                continue;
            }
            chosen.add(customer);
        }
        chosen.sort(order.comparator(values));
        ObjectNode answer = mapper.createObjectNode();
        answer.put("page", page).put("page_size", PAGE_SIZE).put("total", chosen.size()).put("sort", order.wireName());
        ArrayNode rfm = answer.putArray("segments");
        rfmCounts.forEach((name, count) -> rfm.addObject().put("segment", name).put("customers", count));
        ArrayNode learned = answer.putArray("learned_segments");
        learnedCounts.forEach((number, count) -> learned.addObject().put("learned_segment", number)
                .put("customers", count));
        ArrayNode list = answer.putArray("customers");
        int from = (int) Math.min((long) (page - 1) * PAGE_SIZE, chosen.size());
        for (UserPurchases customer : chosen.subList(from, Math.min(from + PAGE_SIZE, chosen.size()))) {
            ObjectNode row = list.addObject();
            row.put("user_id", customer.userId()).put("orders", customer.orders())
                    .put("spend", money(customer.spend()))
                    .put("first_purchase", customer.firstPurchase().toString())
                    .put("last_purchase", customer.lastPurchase().toString());
            putValue(row, values.get(customer.userId()));
        }
        return answer;
    }

    /** One customer: profile, orders with items, the latest sessions in time order, value and recommendations. */
    ObjectNode customer(String userId) {
        Document user = mongo.collection(MongoCollectionName.USERS).find(Filters.eq("_id", userId)).first();
        if (user == null) {
            throw ApiException.notFound("There is no user " + userId + "; /api/customers lists the customers");
        }
        ObjectNode answer = mapper.createObjectNode();
        answer.put("user_id", userId);
        Document geo = user.get("geo_data", Document.class);
        answer.putObject("geo_data").put("city", geo.getString("city")).put("state", geo.getString("state"))
                .put("country", geo.getString("country"));
        answer.put("registration_date", instant(user.get("registration_date")));
        answer.put("last_active", instant(user.get("last_active")));
        ArrayNode orders = answer.putArray("orders");
        BigDecimal spend = BigDecimal.ZERO;
        for (Document transaction : mongo.collection(MongoCollectionName.TRANSACTIONS).find(ordersOf(userId))
                .sort(Sorts.ascending("timestamp", "_id"))) {
            ObjectNode order = orders.addObject();
            order.put("transaction_id", transaction.getString("_id"))
                    .put("session_id", transaction.getString("session_id"))
                    .put("timestamp", instant(transaction.get("timestamp")))
                    .put("subtotal", money(transaction.get("subtotal")))
                    .put("discount", money(transaction.get("discount")))
                    .put("total", money(transaction.get("total")))
                    .put("payment_method", transaction.getString("payment_method"))
                    .put("status", transaction.getString("status"));
            ArrayNode items = order.putArray("items");
            for (Document item : transaction.getList("items", Document.class)) {
                items.addObject().put("product_id", item.getString("product_id"))
                        .put("quantity", ((Number) item.get("quantity")).longValue())
                        .put("unit_price", money(item.get("unit_price")))
                        .put("subtotal", money(item.get("subtotal")));
            }
            spend = spend.add(cents(transaction.get("total")));
        }
        answer.put("spend", money(spend));
        SessionStore sessionStore = sessions.get();
        List<StoredSession> latest = sessionStore.latestSessionsOfUser(userId, SESSIONS_PER_CUSTOMER);
        // Fewer than the bound are all of them: only a longer history needs a second scan, over its row keys.
        answer.put("sessions_total", latest.size() < SESSIONS_PER_CUSTOMER ? latest.size()
                : sessionStore.sessionCountOfUser(userId));
        ArrayNode sessionList = answer.putArray("sessions");
        for (StoredSession stored : latest) {
            sessionList.add(sessionNode(stored.session()));
        }
        Document value = mongo.collection(MongoCollectionName.CUSTOMER_CLV).find(Filters.eq("_id", userId)).first();
        ObjectNode valueNode = answer.putObject("value");
        putValue(valueNode, value);
        Document recommended = mongo.collection(MongoCollectionName.RECOMMENDATIONS).find(Filters.eq("_id", userId))
                .first();
        ArrayNode recommendations = answer.putArray("recommendations");
        if (recommended != null) {
            answer.put("recommendation_model", recommended.getString("model"));
            for (Document line : recommended.getList("recommendations", Document.class)) {
                recommendations.addObject().put("rank", integer(line.get("rank")))
                        .put("product_id", line.getString("product_id"))
                        .put("score", ((Number) line.get("score")).doubleValue())
                        .put("reason", line.getString("reason"));
            }
        }
        return answer;
    }

    /** The streaming job's windows from {@code live_metrics}, oldest first; empty when the stream does not run. */
    ObjectNode live() {
        List<Document> documents = mongo.database().getCollection(LIVE_METRICS).find()
                .sort(Sorts.descending("window_start", "_id")).limit(LIVE_LIMIT).into(new ArrayList<>());
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode list = answer.putArray("metrics");
        for (int i = documents.size() - 1; i >= 0; i--) {
            Document document = documents.get(i);
            String metric = document.getString("metric");
            ObjectNode row = list.addObject();
            row.put("metric", metric)
                    .put("window_start", instant(document.get("window_start")))
                    .put("window_end", instant(document.get("window_end")));
            if (document.containsKey("category_id")) {
                row.put("category_id", document.getString("category_id"));
            }
            Object value = document.get("value");
            if ("revenue_by_category".equals(metric) && value instanceof Number) {
                row.put("value", money(value));
            } else if (value instanceof Number number) {
                row.put("value", number.doubleValue());
            }
            row.put("late_events", document.get("late_events") instanceof Number late ? late.longValue() : 0L);
            row.put("updated_at", instant(document.get("updated_at")));
        }
        answer.put("updated_at", documents.stream().map(document -> document.get("updated_at"))
                .filter(Date.class::isInstance).map(Date.class::cast).max(Date::compareTo)
                .map(date -> date.toInstant().toString()).orElse(null));
        return answer;
    }

    /** The filter on {@code transactions} that selects a customer's orders, as {@link #orderLookup} says. */
    private Bson ordersOf(String userId) {
        if (orderLookup == OrderLookup.USER_ID_INDEX) {
            return Filters.eq("user_id", userId);
        }
        return Filters.in("_id", ordersOfCustomers.get().getOrDefault(userId, List.of()));
    }

    private Map<String, List<String>> mapOrdersOfCustomers() {
        Map<String, List<String>> orders = new HashMap<>();
        for (Document transaction : figures.collection(MongoCollectionName.TRANSACTIONS).find()
                .projection(Projections.include("user_id")).batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            orders.computeIfAbsent(transaction.getString("user_id"), key -> new ArrayList<>(4))
                    .add(transaction.getString("_id"));
        }
        return orders;
    }

    /** customer_clv by customer: its {@code _id} is the customer id (as {@code run} writes it). */
    private Map<String, Document> readCustomerValues() {
        Map<String, Document> values = new HashMap<>();
        for (Document value : figures.collection(MongoCollectionName.CUSTOMER_CLV).find()
                .batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            values.put(value.get("_id").toString(), value);
        }
        return values;
    }

    private Map<String, Long> countProductsPerCategory() {
        Map<String, Long> products = new HashMap<>();
        for (Document product : figures.collection(MongoCollectionName.PRODUCTS).find()
                .projection(Projections.include("category_id")).batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            products.merge(product.getString("category_id"), 1L, Long::sum);
        }
        return products;
    }

    private ObjectNode categoryNode(CategorySales category) {
        return mapper.createObjectNode().put("category_id", category.categoryId())
                .put("name", category.categoryName()).put("revenue", money(category.revenue()))
                .put("quantity", category.quantity()).put("orders", category.orders());
    }

    private JsonNode sessionNode(Session session) {
        ObjectNode node = mapper.createObjectNode();
        node.put("session_id", session.sessionId()).put("start_time", session.startTime().toString())
                .put("end_time", session.endTime().toString()).put("duration_seconds", session.durationSeconds())
                .put("conversion_status", session.conversionStatus()).put("referrer", session.referrer());
        node.putObject("device_profile").put("type", session.deviceProfile().type())
                .put("os", session.deviceProfile().os()).put("browser", session.deviceProfile().browser());
        node.put("page_views", session.pageViews().size());
        long productViews = session.pageViews().stream().map(PageView::pageType).filter("product_detail"::equals)
                .count();
        node.put("product_views", productViews);
        BigDecimal cartValue = BigDecimal.ZERO;
        for (CartItem item : session.cartContents().values()) {
            cartValue = cartValue.add(item.price().multiply(BigDecimal.valueOf(item.quantity())));
        }
        node.put("cart_items", session.cartContents().size()).put("cart_value", money(cartValue));
        return node;
    }

    /** CLV, P(alive), expected purchases and segments from {@code customer_clv}, or nulls before a run wrote it. */
    private static void putValue(ObjectNode row, Document value) {
        if (value == null) {
            row.putNull("clv");
            row.putNull("probability_alive");
            row.putNull("expected_purchases");
            row.putNull("segment");
            row.putNull("learned_segment");
            return;
        }
        row.put("clv", value.get("clv") instanceof Number clv ? money(clv) : null);
        row.put("probability_alive", doubleOrNull(value.get("probability_alive")));
        row.put("expected_purchases", doubleOrNull(value.get("expected_purchases")));
        row.put("segment", value.getString("segment"));
        row.put("learned_segment", integer(value.get("learned_segment")));
    }

    private static Double doubleOrNull(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static String instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value instanceof Instant instant ? instant.toString() : null;
    }

    static BigDecimal cents(Object amount) {
        BigDecimal exact = amount instanceof BigDecimal decimal ? decimal
                : BigDecimal.valueOf(((Number) amount).doubleValue());
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** Money as the API writes it: a decimal string with two places, e.g. {@code "1234.50"}. */
    static String money(Object amount) {
        return amount == null ? null : cents(amount).toPlainString();
    }
}
