package io.ecomanalytics.transforms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * An independent plain-Java computation of every analytic: one streaming pass over each JSON file of a dataset
 * folder, one record in memory at a time, with BigDecimal money. Results are rows rendered as "a|b|c" strings in the
 * column order of the Spark outputs, keyed by analytic name, so the two can be compared exactly.
 */
final class ReferenceAnalytics {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final double MICROS_PER_DAY = 86_400_000_000.0;
    private static final DateTimeFormatter SPARK_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<List<String>> FUNNEL = List.of(List.of("home", "search", "category_listing"),
            List.of("product_detail"), List.of("cart"), List.of("checkout"), List.of("confirmation"));
    private static final List<String> STAGES = List.of("landing", "product_detail", "cart", "checkout",
            "confirmation");
    private static final List<String> DEVICES = List.of("mobile", "desktop", "tablet");
    private static final List<String> REFERRERS = List.of("direct", "email", "social", "search_engine",
            "affiliate");

    private final Map<String, String> productName = new HashMap<>();
    private final Map<String, String> productCategory = new HashMap<>();
    private final Map<String, String> categoryName = new HashMap<>();

    private final Map<String, Sales> categorySales = new HashMap<>();
    private final Map<String, Sales> categoryDaySales = new HashMap<>();
    private final Map<String, Sales> productSales = new HashMap<>();
    private final Map<String, Long> productViews = new HashMap<>();
    private final Map<String, Long> productCarts = new HashMap<>();
    private final Map<String, Long> basketsWith = new HashMap<>();
    private final Map<String, Long> pairs = new HashMap<>();
    private long baskets;
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, List<Purchase>> purchases = new HashMap<>();
    private final Map<String, Engagement> engagement = new HashMap<>();
    private final long[] funnel = new long[STAGES.size()];
    private final Instant observationEnd;

    private static final class Sales {
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        long quantity;
        long orders;
    }

    private static final class Customer {
        long orders;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        LocalDateTime first;
        LocalDateTime last;
        Set<LocalDate> days = new HashSet<>();
    }

    private static final class Engagement {
        long sessions;
        long duration;
        long pageViews;
        long converted;
        Map<String, Long> devices = new HashMap<>();
        Map<String, Long> referrers = new HashMap<>();
    }

    private ReferenceAnalytics(Instant observationEnd) {
        this.observationEnd = observationEnd;
    }

    /** Every analytic of the dataset in {@code folder}, keyed by name, each a list of rendered rows. */
    static Map<String, List<String>> compute(Path folder, Instant observationEnd, int topPairs, int bucketSeconds) {
        ReferenceAnalytics pass = new ReferenceAnalytics(observationEnd);
        eachRecord(folder.resolve("categories.json"), node ->
                pass.categoryName.put(node.get("category_id").asText(), node.get("name").asText()));
        eachRecord(folder.resolve("products.json"), node -> {
            pass.productName.put(node.get("product_id").asText(), node.get("name").asText());
            pass.productCategory.put(node.get("product_id").asText(), node.get("category_id").asText());
        });
        eachRecord(folder.resolve("transactions.json"), pass::transaction);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "sessions_*.json")) {
            for (Path file : files) {
                eachRecord(file, pass::session);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> results = new TreeMap<>();
        results.put("revenue_by_category", pass.revenueByCategory());
        results.put("revenue_by_category_and_day", pass.revenueByCategoryAndDay());
        results.put("product_performance", pass.productPerformance());
        results.put("category_performance", pass.categoryPerformance());
        results.put("product_affinity", pass.affinity(topPairs));
        results.put("customer_spend", pass.customerSpend());
        results.put("session_engagement", pass.sessionEngagement());
        results.put("conversion_funnel", pass.funnel());
        results.put("transactions_per_customer", pass.transactionsPerCustomer());
        results.put("sessions_per_user", pass.sessionsPerUser());
        results.put("average_session_duration", pass.averageSessionDuration(bucketSeconds));
        results.put("customer_summary", pass.customerSummary());
        return results;
    }

    private static void eachRecord(Path file, Consumer<JsonNode> action) {
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException(file + " is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                action.accept(MAPPER.readTree(parser));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal money(JsonNode node) {
        return node.decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDateTime time(JsonNode node, String field) {
        return LocalDateTime.parse(node.get(field).asText());
    }

    private static String row(Object... values) {
        StringBuilder builder = new StringBuilder();
        for (Object value : values) {
            if (builder.length() > 0) {
                builder.append('|');
            }
            builder.append(value);
        }
        return builder.toString();
    }

    private static Double ratio(double part, double whole) {
        return whole == 0 ? null : part / whole;
    }

    private void transaction(JsonNode node) {
        String transactionId = node.get("transaction_id").asText();
        String user = node.get("user_id").asText();
        LocalDateTime timestamp = time(node, "timestamp");
        LocalDate day = timestamp.toLocalDate();
        BigDecimal total = money(node.get("total"));
        Set<String> categoriesInOrder = new HashSet<>();
        Set<String> productsInOrder = new TreeSet<>();
        for (JsonNode item : node.get("items")) {
            int quantity = item.get("quantity").asInt();
            if (quantity <= 0) {
                continue;
            }
            String product = item.get("product_id").asText();
            BigDecimal subtotal = money(item.get("subtotal"));
            String category = productCategory.get(product);
            boolean firstItemOfCategory = categoriesInOrder.add(category);
            add(categorySales.computeIfAbsent(String.valueOf(category), key -> new Sales()), subtotal, quantity,
                    firstItemOfCategory);
            add(categoryDaySales.computeIfAbsent(day + "|" + category, key -> new Sales()), subtotal, quantity,
                    firstItemOfCategory);
            add(productSales.computeIfAbsent(product, key -> new Sales()), subtotal, quantity,
                    productsInOrder.add(product));
        }
        if (!productsInOrder.isEmpty()) {
            baskets++;
            for (String first : productsInOrder) {
                basketsWith.merge(first, 1L, Long::sum);
                for (String second : productsInOrder) {
                    if (!first.equals(second)) {
                        pairs.merge(first + "|" + second, 1L, Long::sum);
                    }
                }
            }
        }
        Customer customer = customers.computeIfAbsent(user, key -> new Customer());
        customer.orders++;
        customer.total = customer.total.add(total);
        customer.first = customer.first == null || timestamp.isBefore(customer.first) ? timestamp : customer.first;
        customer.last = customer.last == null || timestamp.isAfter(customer.last) ? timestamp : customer.last;
        customer.days.add(day);
        if (!timestamp.toInstant(ZoneOffset.UTC).isAfter(observationEnd)) {
            purchases.computeIfAbsent(user, key -> new ArrayList<>()).add(new Purchase(timestamp, total));
        }
    }

    private static void add(Sales sales, BigDecimal subtotal, int quantity, boolean newOrder) {
        sales.revenue = sales.revenue.add(subtotal);
        sales.quantity += quantity;
        if (newOrder) {
            sales.orders++;
        }
    }

    private void session(JsonNode node) {
        String user = node.get("user_id").asText();
        Engagement stats = engagement.computeIfAbsent(user, key -> new Engagement());
        stats.sessions++;
        stats.duration += node.get("duration_seconds").asLong();
        stats.pageViews += node.get("page_views").size();
        if ("converted".equals(text(node, "conversion_status"))) {
            stats.converted++;
        }
        stats.devices.merge(text(node.get("device_profile"), "type"), 1L, Long::sum);
        stats.referrers.merge(text(node, "referrer"), 1L, Long::sum);
        Set<String> pageTypes = new HashSet<>();
        for (JsonNode view : node.get("page_views")) {
            String pageType = text(view, "page_type");
            pageTypes.add(pageType);
            String product = text(view, "product_id");
            if ("product_detail".equals(pageType) && product != null) {
                productViews.merge(product, 1L, Long::sum);
            }
        }
        node.get("cart_contents").fieldNames().forEachRemaining(product -> productCarts.merge(product, 1L, Long::sum));
        boolean reached = true;
        for (int stage = 0; stage < FUNNEL.size(); stage++) {
            reached = reached && FUNNEL.get(stage).stream().anyMatch(pageTypes::contains);
            if (reached) {
                funnel[stage]++;
            }
        }
    }

    private BigDecimal totalRevenue() {
        return categorySales.values().stream().map(sales -> sales.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<String> revenueByCategory() {
        double total = totalRevenue().doubleValue();
        List<String> rows = new ArrayList<>();
        categorySales.forEach((category, sales) -> rows.add(row(category, categoryName.get(category),
                sales.revenue, sales.quantity, sales.orders, ratio(sales.revenue.doubleValue(), total))));
        return rows;
    }

    private List<String> revenueByCategoryAndDay() {
        Map<String, BigDecimal> perDay = new HashMap<>();
        categoryDaySales.forEach((key, sales) -> perDay.merge(key.split("\\|")[0], sales.revenue, BigDecimal::add));
        List<String> rows = new ArrayList<>();
        categoryDaySales.forEach((key, sales) -> {
            String[] parts = key.split("\\|");
            rows.add(row(parts[0], parts[1], categoryName.get(parts[1]), sales.revenue, sales.quantity,
                    sales.orders, ratio(sales.revenue.doubleValue(), perDay.get(parts[0]).doubleValue())));
        });
        return rows;
    }

    private Set<String> activeProducts() {
        Set<String> products = new TreeSet<>(productViews.keySet());
        products.addAll(productCarts.keySet());
        products.addAll(productSales.keySet());
        return products;
    }

    private List<String> productPerformance() {
        List<String> rows = new ArrayList<>();
        for (String product : activeProducts()) {
            Sales sales = productSales.getOrDefault(product, new Sales());
            long views = productViews.getOrDefault(product, 0L);
            String category = productCategory.get(product);
            rows.add(row(product, productName.get(product), category, categoryName.get(category), views,
                    productCarts.getOrDefault(product, 0L), sales.orders, sales.quantity, sales.revenue,
                    ratio(sales.orders, views)));
        }
        return rows;
    }

    private List<String> categoryPerformance() {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (String product : activeProducts()) {
            String category = String.valueOf(productCategory.get(product));
            Sales sales = productSales.getOrDefault(product, new Sales());
            long[] figures = counts.computeIfAbsent(category, key -> new long[4]);
            figures[0] += productViews.getOrDefault(product, 0L);
            figures[1] += productCarts.getOrDefault(product, 0L);
            figures[2] += sales.orders;
            figures[3] += sales.quantity;
            revenue.merge(category, sales.revenue, BigDecimal::add);
        }
        List<String> rows = new ArrayList<>();
        counts.forEach((category, figures) -> rows.add(row(category, categoryName.get(category), figures[0],
                figures[1], figures[2], figures[3], revenue.get(category), ratio(figures[2], figures[0]))));
        return rows;
    }

    private List<String> affinity(int topPairs) {
        record Partner(String other, long together, double confidence, double lift) {
        }
        Map<String, List<Partner>> partners = new TreeMap<>();
        pairs.forEach((key, together) -> {
            String[] parts = key.split("\\|");
            long first = basketsWith.get(parts[0]);
            long second = basketsWith.get(parts[1]);
            partners.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Partner(parts[1], together,
                    (double) together / first, (double) together * baskets / (double) (first * second)));
        });
        List<String> rows = new ArrayList<>();
        partners.forEach((product, list) -> {
            list.sort(Comparator.comparingDouble(Partner::confidence).reversed()
                    .thenComparing(Comparator.comparingDouble(Partner::lift).reversed())
                    .thenComparing(Partner::other));
            for (int rank = 1; rank <= Math.min(topPairs, list.size()); rank++) {
                Partner partner = list.get(rank - 1);
                rows.add(row(product, partner.other(), partner.together(), (double) partner.together() / baskets,
                        partner.confidence(), partner.lift(), rank));
            }
        });
        return rows;
    }

    private List<String> customerSpend() {
        List<String> rows = new ArrayList<>();
        customers.forEach((user, customer) -> rows.add(row(user, customer.orders, customer.total,
                customer.total.divide(BigDecimal.valueOf(customer.orders), 2, RoundingMode.HALF_UP),
                SPARK_TIMESTAMP.format(customer.first), SPARK_TIMESTAMP.format(customer.last), customer.days.size())));
        return rows;
    }

    private List<String> sessionEngagement() {
        List<String> rows = new ArrayList<>();
        engagement.forEach((user, stats) -> {
            List<Object> values = new ArrayList<>(List.of(user, stats.sessions, stats.duration,
                    (double) stats.duration / stats.sessions, stats.pageViews, stats.converted,
                    (double) stats.converted / stats.sessions));
            DEVICES.forEach(device -> values.add(stats.devices.getOrDefault(device, 0L)));
            REFERRERS.forEach(referrer -> values.add(stats.referrers.getOrDefault(referrer, 0L)));
            rows.add(row(values.toArray()));
        });
        return rows;
    }

    private List<String> funnel() {
        List<String> rows = new ArrayList<>();
        for (int stage = 0; stage < STAGES.size(); stage++) {
            rows.add(row(stage + 1, STAGES.get(stage), funnel[stage],
                    ratio(funnel[stage], funnel[Math.max(stage - 1, 0)]), ratio(funnel[stage], funnel[0])));
        }
        return rows;
    }

    private static List<String> histogram(Map<Long, Long> counts) {
        List<String> rows = new ArrayList<>();
        counts.forEach((bucket, count) -> rows.add(row(bucket, count)));
        return rows;
    }

    private List<String> transactionsPerCustomer() {
        Map<Long, Long> counts = new TreeMap<>();
        customers.values().forEach(customer -> counts.merge(customer.orders, 1L, Long::sum));
        return histogram(counts);
    }

    private List<String> sessionsPerUser() {
        Map<Long, Long> counts = new TreeMap<>();
        engagement.values().forEach(stats -> counts.merge(stats.sessions, 1L, Long::sum));
        return histogram(counts);
    }

    private List<String> averageSessionDuration(int bucketSeconds) {
        Map<Long, Long> counts = new TreeMap<>();
        engagement.values().forEach(stats -> counts.merge(
                (long) Math.floor((double) stats.duration / stats.sessions / bucketSeconds) * bucketSeconds,
                1L, Long::sum));
        List<String> rows = new ArrayList<>();
        counts.forEach((start, users) -> rows.add(row(start, start + bucketSeconds, users)));
        return rows;
    }

    /** A purchase at or before the observation end, for the CLV summary on exact times. */
    private record Purchase(LocalDateTime time, BigDecimal total) {
    }

    private List<String> customerSummary() {
        LocalDateTime end = LocalDateTime.ofInstant(observationEnd, ZoneOffset.UTC);
        List<String> rows = new ArrayList<>();
        purchases.forEach((user, list) -> {
            List<Purchase> sorted = list.stream().sorted(Comparator.comparing(Purchase::time)
                    .thenComparing(Purchase::total)).toList();
            Purchase first = sorted.get(0);
            long frequency = sorted.size() - 1;
            BigDecimal repeat = sorted.stream().map(Purchase::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .subtract(first.total());
            double monetary = frequency == 0 ? 0.0
                    : repeat.divide(BigDecimal.valueOf(frequency), 2, RoundingMode.HALF_UP).doubleValue();
            rows.add(row(user, frequency,
                    ChronoUnit.MICROS.between(first.time(), sorted.get(sorted.size() - 1).time()) / MICROS_PER_DAY,
                    ChronoUnit.MICROS.between(first.time(), end) / MICROS_PER_DAY, monetary));
        });
        return rows;
    }
}
