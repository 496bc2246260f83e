package io.ecomanalytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.mongo.MongoSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON API over the loaded {@code tiny} dataset, called with a real HTTP client. Every expected figure comes
 * from {@link JsonFigures}' pass over the JSON files, or from the hand-made results {@link ServedStores} planted.
 */
@ExtendWith(ServedStores.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiIT {
    private ServedStores stores;
    private URI root;
    private JsonFigures expected;

    @BeforeAll
    void start(ServedStores servedStores) {
        stores = servedStores;
        root = servedStores.address();
        expected = JsonFigures.of(servedStores.dataset());
    }

    private JsonNode ok(String path) {
        HttpCalls.Answer answer = HttpCalls.get(root, path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        return answer.json();
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void theDashboardListensOnLoopbackOnlyByDefault() {
        assertThat(root.toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
    }

    @Test
    void summaryHoldsTheHeadlineFiguresRevenueByDayAndByCategory() {
        JsonNode summary = ok("api/summary");

        BigDecimal revenue = expected.revenue();
        int orders = expected.transactions.size();
        assertThat(summary.get("revenue").asText()).isEqualTo(cents(revenue));
        assertThat(summary.get("orders").asLong()).isEqualTo(orders);
        assertThat(summary.get("customers").asLong()).isEqualTo(expected.customerSpend.size());
        assertThat(summary.get("average_order_value").asText())
                .isEqualTo(revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP).toPlainString());
        assertThat(summary.get("sessions").asLong()).isEqualTo(expected.sessions.size());
        String topCategory = expected.categorySales.entrySet().stream()
                .max(Map.Entry.comparingByValue(Comparator.comparing(totals -> totals.revenue))).orElseThrow()
                .getKey();
        assertThat(summary.get("top_category").asText())
                .isEqualTo(expected.categories.get(topCategory).get("name").asText());

        Map<String, String> days = new TreeMap<>();
        summary.get("revenue_by_day").forEach(day -> days.put(day.get("day").asText(),
                day.get("orders").asLong() + " " + day.get("revenue").asText()));
        Map<String, String> expectedDays = new TreeMap<>();
        expected.revenueByDay.forEach((day, totals) -> expectedDays.put(day, totals.orders + " " + totals.cents()));
        assertThat(days).isEqualTo(expectedDays);

        Map<String, String> categories = new TreeMap<>();
        summary.get("revenue_by_category").forEach(category -> categories.put(category.get("category_id").asText(),
                category.get("name").asText() + " " + category.get("quantity").asLong() + " "
                        + category.get("orders").asLong() + " " + category.get("revenue").asText()));
        assertThat(categories).isEqualTo(expectedCategories());
    }

    private Map<String, String> expectedCategories() {
        Map<String, String> categories = new TreeMap<>();
        expected.categorySales.forEach((id, totals) -> categories.put(id, expected.categories.get(id).get("name")
                .asText() + " " + totals.quantity + " " + totals.orders + " " + totals.cents()));
        return categories;
    }

    @Test
    void categoriesListsEveryCategoryWithItsSalesAndProductCount() {
        JsonNode answer = ok("api/categories");

        Map<String, String> categories = new TreeMap<>();
        Map<String, Long> productCounts = new TreeMap<>();
        answer.get("categories").forEach(category -> {
            String id = category.get("category_id").asText();
            categories.put(id, category.get("name").asText() + " " + category.get("quantity").asLong() + " "
                    + category.get("orders").asLong() + " " + category.get("revenue").asText());
            productCounts.put(id, category.get("products").asLong());
        });
        assertThat(categories.keySet()).isEqualTo(expected.categories.keySet());
        assertThat(categories).containsAllEntriesOf(expectedCategories());
        Map<String, Long> expectedCounts = new TreeMap<>();
        expected.products.values().forEach(product -> expectedCounts.merge(product.get("category_id").asText(), 1L,
                Long::sum));
        assertThat(productCounts).isEqualTo(expectedCounts);
    }

    @Test
    void productsOfEachCategoryCarryTheirSalesLargestRevenueFirst() {
        for (String categoryId : expected.categories.keySet()) {
            JsonNode answer = ok("api/categories/" + categoryId + "/products");

            assertThat(answer.get("name").asText()).isEqualTo(expected.categories.get(categoryId).get("name")
                    .asText());
            List<String> rows = new ArrayList<>();
            answer.get("products").forEach(product -> rows.add(product.get("product_id").asText() + " "
                    + product.get("base_price").asText() + " " + product.get("quantity").asLong() + " "
                    + product.get("orders").asLong() + " " + product.get("revenue").asText() + " views "
                    + product.get("views").asLong() + " carts " + product.get("carts").asLong() + " purchases "
                    + product.get("purchases").asLong() + " conversion " + product.get("conversion") + " pairs "
                    + pairs(product.get("pairs"))));
            List<String> expectedRows = expected.products.values().stream()
                    .filter(product -> product.get("category_id").asText().equals(categoryId))
                    .sorted(Comparator.comparing((JsonNode product) -> revenueOf(product).negate())
                            .thenComparing(product -> product.get("product_id").asText()))
                    .map(product -> {
                        String id = product.get("product_id").asText();
                        JsonFigures.Totals totals = expected.productSales.getOrDefault(id, new JsonFigures.Totals());
                        long[] activity = expected.productActivity.getOrDefault(id, new long[2]);
                        String conversion = activity[0] == 0 ? "null" : String.valueOf((double) totals.orders
                                / activity[0]);
                        return id + " " + cents(product.get("base_price").decimalValue()) + " " + totals.quantity
                                + " " + totals.orders + " " + totals.cents() + " views " + activity[0] + " carts "
                                + activity[1] + " purchases " + totals.orders + " conversion " + conversion
                                + " pairs " + expectedPairs(id);
                    })
                    .toList();
            assertThat(rows).as(categoryId).isNotEmpty().isEqualTo(expectedRows);
        }
    }

    /** "B:n(A,B)" for the three strongest partners: confidence, then lift, then id (ProductAffinity's order). */
    private String expectedPairs(String productId) {
        Map<String, Long> partners = expected.together.getOrDefault(productId, Map.of());
        long baskets = expected.transactions.size();
        long productBaskets = expected.productSales.get(productId) == null ? 0
                : expected.productSales.get(productId).orders;
        return partners.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> pair) -> (double) pair.getValue()
                                / productBaskets).reversed()
                        .thenComparing(Comparator.comparing((Map.Entry<String, Long> pair) -> (double) pair.getValue()
                                / productBaskets / ((double) expected.productSales.get(pair.getKey()).orders
                                / baskets)).reversed())
                        .thenComparing(Map.Entry::getKey))
                .limit(3).map(pair -> pair.getKey() + ":" + pair.getValue()).toList().toString();
    }

    private static String pairs(JsonNode pairs) {
        List<String> list = new ArrayList<>();
        pairs.forEach(pair -> list.add(pair.get("product_id").asText() + ":" + pair.get("transactions").asLong()));
        return list.toString();
    }

    private BigDecimal revenueOf(JsonNode product) {
        JsonFigures.Totals totals = expected.productSales.get(product.get("product_id").asText());
        return totals == null ? BigDecimal.ZERO : totals.revenue.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void customersArePagedBySpendWithThePlantedValuesAndSegmentCounts() {
        JsonNode answer = ok("api/customers");

        assertThat(answer.get("total").asInt()).isEqualTo(expected.customerSpend.size());
        assertThat(answer.get("page_size").asInt()).isEqualTo(50);
        List<String> expectedOrder = expected.customerSpend.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, JsonFigures.Totals> entry) -> entry.getValue().revenue)
                        .reversed().thenComparing(Map.Entry::getKey))
                .map(entry -> entry.getKey() + " " + entry.getValue().orders + " " + entry.getValue().cents())
                .limit(50).toList();
        List<String> rows = new ArrayList<>();
        answer.get("customers").forEach(customer -> rows.add(customer.get("user_id").asText() + " "
                + customer.get("orders").asLong() + " " + customer.get("spend").asText()));
        assertThat(rows).isEqualTo(expectedOrder);
        JsonNode planted = find(answer.get("customers"), "user_000016");
        assertThat(planted.get("clv").asText()).isEqualTo("1204.00");
        assertThat(planted.get("probability_alive").asDouble()).isEqualTo(0.42);
        assertThat(planted.get("segment").asText()).isEqualTo("at_risk");
        assertThat(answer.get("segments").toString())
                .isEqualTo("[{\"segment\":\"at_risk\",\"customers\":1},{\"segment\":\"champions\",\"customers\":2}]");
        assertThat(answer.get("learned_segments").toString()).isEqualTo(
                "[{\"learned_segment\":0,\"customers\":1},{\"learned_segment\":1,\"customers\":2}]");
    }

    @Test
    void customersOfOneSegmentSortedByClv() {
        JsonNode answer = ok("api/customers?segment=champions&sort=clv");

        assertThat(answer.get("total").asInt()).isEqualTo(2);
        assertThat(ids(answer.get("customers"))).containsExactly("user_000002", "user_000003");
        assertThat(answer.get("customers").get(0).get("clv").asText()).isEqualTo("812.46");

        JsonNode learned = ok("api/customers?learned_segment=0");
        assertThat(ids(learned.get("customers"))).containsExactly("user_000016");
    }

    @Test
    void aPageAfterTheLastIsEmpty() {
        JsonNode answer = ok("api/customers?page=2&sort=user_id");

        int total = expected.customerSpend.size();
        assertThat(answer.get("customers")).hasSize(Math.max(0, Math.min(50, total - 50)));
        assertThat(answer.get("page").asInt()).isEqualTo(2);
    }

    @Test
    void aCustomerHasProfileOrdersWithItemsSessionsInTimeOrderValueAndRecommendations() {
        String userId = "user_000002";
        JsonNode answer = ok("api/customers/" + userId);

        JsonNode user = expected.users.get(userId);
        assertThat(answer.get("geo_data").get("city").asText()).isEqualTo(user.get("geo_data").get("city").asText());
        assertThat(answer.get("registration_date").asText())
                .isEqualTo(user.get("registration_date").asText().substring(0, 19) + "Z");
        List<JsonNode> orders = expected.transactions.stream()
                .filter(transaction -> transaction.get("user_id").asText().equals(userId))
                .sorted(Comparator.comparing((JsonNode transaction) -> transaction.get("timestamp").asText())
                        .thenComparing(transaction -> transaction.get("transaction_id").asText()))
                .toList();
        assertThat(orders).isNotEmpty();
        List<String> expectedOrders = new ArrayList<>();
        BigDecimal spend = BigDecimal.ZERO;
        for (JsonNode order : orders) {
            StringBuilder line = new StringBuilder(order.get("transaction_id").asText() + " "
                    + cents(order.get("total").decimalValue()));
            order.get("items").forEach(item -> line.append(" ").append(item.get("quantity").asLong()).append("x")
                    .append(item.get("product_id").asText()).append("@")
                    .append(cents(item.get("unit_price").decimalValue())));
            expectedOrders.add(line.toString());
            spend = spend.add(order.get("total").decimalValue());
        }
        List<String> actualOrders = new ArrayList<>();
        answer.get("orders").forEach(order -> {
            StringBuilder line = new StringBuilder(order.get("transaction_id").asText() + " "
                    + order.get("total").asText());
            order.get("items").forEach(item -> line.append(" ").append(item.get("quantity").asLong()).append("x")
                    .append(item.get("product_id").asText()).append("@").append(item.get("unit_price").asText()));
            actualOrders.add(line.toString());
        });
        assertThat(actualOrders).isEqualTo(expectedOrders);
        assertThat(answer.get("spend").asText()).isEqualTo(cents(spend));

        List<String> expectedSessions = expected.sessionsByUser().getOrDefault(userId, List.of()).stream()
                .sorted(Comparator.comparing(session -> session.get("start_time").asText()))
                .map(session -> session.get("session_id").asText() + " " + session.get("start_time").asText())
                .toList();
        List<String> sessions = new ArrayList<>();
        answer.get("sessions").forEach(session -> sessions.add(session.get("session_id").asText() + " "
                + session.get("start_time").asText().replace("Z", "")));
        assertThat(answer.get("sessions_total").asLong()).isEqualTo(expectedSessions.size());
        assertThat(sessions).isNotEmpty().isEqualTo(latest(expectedSessions));

        assertThat(answer.get("value").get("clv").asText()).isEqualTo("812.46");
        assertThat(answer.get("value").get("probability_alive").asDouble()).isEqualTo(0.91);
        assertThat(answer.get("value").get("expected_purchases").asDouble()).isEqualTo(2.5);
        assertThat(answer.get("value").get("segment").asText()).isEqualTo("champions");
        assertThat(answer.get("value").get("learned_segment").asInt()).isEqualTo(1);
        assertThat(answer.get("recommendation_model").asText()).isEqualTo("als");
        assertThat(answer.get("recommendations").toString()).isEqualTo("[{\"rank\":1,\"product_id\":\"prod_00007\","
                + "\"score\":0.875,\"reason\":\"bought together with prod_00025\"},{\"rank\":2,\"product_id\":"
                + "\"prod_00011\",\"score\":0.5,\"reason\":\"popular in cat_002\"}]");
    }

    @Test
    void everyUsersSessionsAreExactlyTheirOwn() {
        Map<String, List<JsonNode>> byUser = expected.sessionsByUser();
        for (String userId : expected.users.keySet()) {
            JsonNode answer = ok("api/customers/" + userId);
            List<String> sessions = new ArrayList<>();
            answer.get("sessions").forEach(session -> sessions.add(session.get("session_id").asText()));
            List<String> own = byUser.getOrDefault(userId, List.of()).stream()
                    .sorted(Comparator.comparing(session -> session.get("start_time").asText()))
                    .map(session -> session.get("session_id").asText()).toList();
            assertThat(answer.get("sessions_total").asLong()).as(userId).isEqualTo(own.size());
            assertThat(sessions).as(userId).containsExactlyInAnyOrderElementsOf(latest(own));
            assertThat(answer.get("orders")).as(userId).hasSize(expected.customerSpend.containsKey(userId)
                    ? (int) expected.customerSpend.get(userId).orders : 0);
        }
    }

    @Test
    void everyCustomersOrdersAreFoundTheSameWithTheMapInMemory() {
        try (Dashboard dashboard = Dashboard.start(DashboardSettings.of(stores.mongo(), stores.hbase().settings(),
                ServedStores.TABLE).withOrderLookup(OrderLookup.IN_MEMORY_MAP))) {
            for (String userId : expected.users.keySet()) {
                List<String> own = expected.transactions.stream()
                        .filter(transaction -> transaction.get("user_id").asText().equals(userId))
                        .sorted(Comparator.comparing((JsonNode transaction) -> transaction.get("timestamp").asText())
                                .thenComparing(transaction -> transaction.get("transaction_id").asText()))
                        .map(transaction -> transaction.get("transaction_id").asText()).toList();
                HttpCalls.Answer answer = HttpCalls.get(dashboard.address(), "api/customers/" + userId);
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                List<String> orders = new ArrayList<>();
                answer.json().get("orders").forEach(order -> orders.add(order.get("transaction_id").asText()));
                assertThat(orders).as(userId).isEqualTo(own);
            }
        }
    }

    @Test
    void aCustomerWithoutResultsHasNullValuesAndNoRecommendations() {
        JsonNode answer = ok("api/customers/user_000001");

        assertThat(answer.get("value").get("clv").isNull()).isTrue();
        assertThat(answer.get("value").get("segment").isNull()).isTrue();
        assertThat(answer.get("recommendations")).isEmpty();
    }

    @Test
    void liveIsEmptyButValidBeforeTheStreamAndCarriesItsWindowsAfter() {
        stores.dropLiveMetrics();
        JsonNode empty = ok("api/live");
        assertThat(empty.toString()).isEqualTo("{\"metrics\":[],\"updated_at\":null}");

        stores.plantLiveMetrics();
        JsonNode live = ok("api/live");

        assertThat(live.get("metrics")).hasSize(5 * ServedStores.LIVE_WINDOWS);
        assertThat(live.get("updated_at").asText()).isEqualTo("2024-12-01T10:03:15Z");
        JsonNode first = live.get("metrics").get(0);
        assertThat(first.get("window_start").asText()).isEqualTo("2024-12-01T10:00:00Z");
        assertThat(first.get("window_end").asText()).isEqualTo("2024-12-01T10:01:00Z");
        List<String> lastWindow = StreamSupport.stream(live.get("metrics").spliterator(), false)
                .filter(metric -> metric.get("window_start").asText().equals("2024-12-01T10:02:00Z"))
                .map(metric -> metric.get("metric").asText() + " " + (metric.has("category_id")
                        ? metric.get("category_id").asText() : "-") + " " + metric.get("value") + " "
                        + metric.get("late_events").asLong())
                .sorted().toList();
        assertThat(lastWindow).containsExactly("active_users - 9.0 0", "conversion_rate - 0.25 0", "orders - 5.0 0",
                "revenue_by_category cat_001 \"102.10\" 2", "revenue_by_category cat_002 \"22.01\" 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "api/customers/%7B%22%24gt%22%3A%20%22%22%7D",
        "api/customers/.*",
        "api/customers/user_00000",
        "api/customers/user_",
        "api/customers/user_000001_",
        "api/customers/user_000001%00",
        "api/customers/user_000001%0A",
        "api/customers/USER_000001",
        "api/customers/user_00000%5B0-9%5D",
        "api/categories/cat_00/products",
        "api/categories/%7B%22%24ne%22%3Anull%7D/products",
        "api/categories/cat_001'/products",
        "api/customers?segment=%7B%22%24ne%22%3Anull%7D",
        "api/customers?segment=.*",
        "api/customers?segment=at_risk%7C",
        "api/customers?learned_segment=1%20OR%201",
        "api/customers?sort=clv;drop",
        "api/customers?page=0",
        "api/customers?page=-1",
        "api/customers?page=100001",
        "api/customers?page=abc",
        "api/customers?page=1&page=2",
        "api/customers?where=1",
        "api/summary?x=1"
    })
    void malformedIdsAndParametersAreRefusedBeforeAnyStore(String path) {
        HttpCalls.Answer answer = HttpCalls.get(root, path);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void malformedIdMessagesSayWhatWasExpected() {
        HttpCalls.Answer answer = HttpCalls.get(root, "api/customers/.*");

        assertThat(answer.json().get("message").asText())
                .isEqualTo("'.*' is not a valid user_id; expected the dataset's form, e.g. user_000042");
    }

    @Test
    void unknownIdsAndEndpointsAre404() {
        HttpCalls.Answer user = HttpCalls.get(root, "api/customers/user_999999");
        assertThat(user.status()).isEqualTo(404);
        assertThat(user.json().get("message").asText())
                .isEqualTo("There is no user user_999999; /api/customers lists the customers");

        // Well formed, unknown, and starting with an existing id: it must not reach user_000001's rows.
        HttpCalls.Answer longer = HttpCalls.get(root, "api/customers/user_0000011");
        assertThat(longer.status()).isEqualTo(404);

        HttpCalls.Answer category = HttpCalls.get(root, "api/categories/cat_999/products");
        assertThat(category.status()).isEqualTo(404);
        assertThat(category.json().get("message").asText())
                .isEqualTo("There is no category cat_999; /api/categories lists them");

        assertThat(HttpCalls.get(root, "api/orders").status()).isEqualTo(404);
        assertThat(HttpCalls.get(root, "no-such-page.html").status()).isEqualTo(404);
        assertThat(HttpCalls.get(root, "../pom.xml").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST api/summary", "DELETE api/customers/user_000002", "PUT api/live", "POST /",
        "PATCH assets/echarts.min.js"})
    void anythingButGetIs405(String request) {
        String[] parts = request.split(" ");

        HttpCalls.Answer answer = HttpCalls.send(root, parts[0], parts[1]);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().get("status").asInt()).isEqualTo(405);
        assertThat(answer.json().get("message").asText()).startsWith(parts[0] + " is not allowed");
    }

    @Test
    void pagesAndEChartsAreServedByTheDashboardItself() {
        HttpCalls.Answer index = HttpCalls.get(root, "");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(index.body()).contains("<script src=\"/assets/echarts.min.js\"></script>");

        HttpCalls.Answer echarts = HttpCalls.get(root, "assets/echarts.min.js");
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.body()).contains("5.3.1").hasSizeGreaterThan(900_000);
    }

    @Test
    void aMongoDbThatDoesNotAnswerGives503WithAMessage() throws IOException {
        MongoSettings silent = MongoSettings.of("mongodb://127.0.0.1:" + freePort(), "dashboard_it");
        try (Dashboard dashboard = Dashboard.start(DashboardSettings.of(silent, stores.hbase().settings(),
                ServedStores.TABLE).withStoreTimeout(Duration.ofSeconds(1)))) {
            for (String path : List.of("api/summary", "api/customers/user_000002", "api/live")) {
                HttpCalls.Answer answer = HttpCalls.get(dashboard.address(), path);

                assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(503);
                assertThat(answer.json().get("message").asText()).as(path)
                        .containsAnyOf("did not answer within 1000 ms", "could not answer");
            }
        }
    }

    @Test
    void anHBaseThatDoesNotAnswerGives503ForTheCustomerPage() throws IOException {
        HBaseSettings silent = HBaseSettings.forZooKeeper("127.0.0.1:" + freePort());
        try (Dashboard dashboard = Dashboard.start(DashboardSettings.of(stores.mongo(), silent, ServedStores.TABLE)
                .withStoreTimeout(Duration.ofSeconds(2)))) {
            HttpCalls.Answer answer = HttpCalls.get(dashboard.address(), "api/customers/user_000002");

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().get("message").asText()).containsAnyOf("did not answer within 2000 ms",
                    "could not answer");
            // MongoDB still answers what needs no HBase.
            assertThat(HttpCalls.get(dashboard.address(), "api/categories").status()).isEqualTo(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode find(JsonNode customers, String userId) {
        for (JsonNode customer : customers) {
            if (customer.get("user_id").asText().equals(userId)) {
                return customer;
            }
        }
        throw new AssertionError(userId + " is not in " + customers);
    }

    private static List<String> ids(JsonNode customers) {
        List<String> ids = new ArrayList<>();
        customers.forEach(customer -> ids.add(customer.get("user_id").asText()));
        return ids;
    }

    /** The end of a customer's sessions in time order that an answer lists. */
    private static List<String> latest(List<String> inTimeOrder) {
        return inTimeOrder.subList(Math.max(0, inTimeOrder.size() - StoreQueries.SESSIONS_PER_CUSTOMER),
                inTimeOrder.size());
    }
}
