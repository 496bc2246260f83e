package io.ecomanalytics.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code small} scale against the reference behaviour. Everything is computed from the files with Jackson's tree
 * model, independently of the module's codecs; tolerances are about four binomial standard deviations.
 */
class SmallScaleDistributionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path folder;

    static List<JsonNode> sessions;
    static List<JsonNode> transactions;
    static List<JsonNode> products;
    static ValidationReport report;

    @BeforeAll
    static void generateSmall() throws IOException {
        DatasetGenerator.generate(GeneratorSpec.scale("small").withBehaviour(Behaviour.UNIFORM).withSeed(7), folder, ProgressListener.NONE);
        sessions = elements("sessions_0.json");
        transactions = elements("transactions.json");
        products = elements("products.json");
        report = DatasetValidator.validate(folder, RejectSink.DISCARD);
    }

    private static List<JsonNode> elements(String file) throws IOException {
        List<JsonNode> list = new ArrayList<>();
        MAPPER.readTree(folder.resolve(file).toFile()).forEach(list::add);
        return list;
    }

    @Test
    void countsAreTheScaleAndTheValidatorAcceptsEverything() {
        assertThat(sessions).hasSize(15_000);
        assertThat(transactions).hasSize(20_000);
        assertThat(products).hasSize(1_000);
        assertThat(report.rejected()).isZero();
        assertThat(report.accepted()).isEqualTo(2_000 + 1_000 + 15 + 20_000 + 15_000);
    }

    @Test
    void pageViewCountsAreUniformFromFourToSixteen() {
        Map<Integer, Long> byCount = countBy(sessions, session -> session.get("page_views").size());
        assertThat(byCount.keySet()).containsExactlyInAnyOrder(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        byCount.values().forEach(count -> assertThat(count / 15_000.0).isCloseTo(1 / 13.0, within(0.009)));
    }

    @Test
    void devicesOperatingSystemsBrowsersAndReferrersAreUniform() {
        assertUniform(countBy(sessions, session -> session.get("device_profile").get("type").asText()), 3);
        assertUniform(countBy(sessions, session -> session.get("device_profile").get("os").asText()), 4);
        assertUniform(countBy(sessions, session -> session.get("device_profile").get("browser").asText()), 4);
        assertUniform(countBy(sessions, session -> session.get("referrer").asText()), 5);
    }

    @Test
    void aCartComesFromThirtyPercentAddToCartOnProductPages() {
        // P(empty cart) = 0.7^k for a session with k product pages, so the expected number of browsed sessions
        // follows from the page views alone.
        double expectedBrowsed = 0;
        long browsed = 0;
        for (JsonNode session : sessions) {
            int productPages = 0;
            for (JsonNode view : session.get("page_views")) {
                productPages += view.get("page_type").asText().equals("product_detail") ? 1 : 0;
            }
            expectedBrowsed += Math.pow(0.7, productPages);
            boolean emptyCart = session.get("cart_contents").isEmpty();
            assertThat(session.get("conversion_status").asText().equals("browsed")).isEqualTo(emptyCart);
            browsed += emptyCart ? 1 : 0;
        }
        assertThat((double) browsed).isCloseTo(expectedBrowsed, within(4 * Math.sqrt(expectedBrowsed)));
    }

    @Test
    void seventyPercentOfCartsThatReachedCheckoutConvert() {
        long reachedCheckoutWithCart = 0;
        long converted = 0;
        for (JsonNode session : sessions) {
            boolean checkout = false;
            for (JsonNode view : session.get("page_views")) {
                checkout |= view.get("page_type").asText().equals("checkout");
            }
            String status = session.get("conversion_status").asText();
            if (status.equals("converted")) {
                assertThat(checkout).isTrue();
                converted++;
            }
            if (checkout && !session.get("cart_contents").isEmpty()) {
                reachedCheckoutWithCart++;
            }
        }
        double share = converted / (double) reachedCheckoutWithCart;
        double deviation = Math.sqrt(0.7 * 0.3 / reachedCheckoutWithCart);
        // Sold-out carts can only lower the share, never raise it.
        assertThat(share).isBetween(0.7 - 5 * deviation, 0.7 + 4 * deviation);
    }

    @Test
    void checkoutFollowsTheCartAndSessionsNeverStartDeepInTheFunnel() {
        for (JsonNode session : sessions) {
            JsonNode views = session.get("page_views");
            assertThat(views.get(0).get("page_type").asText()).isIn("home", "search", "category_listing",
                    "product_detail");
            for (int i = 1; i < views.size(); i++) {
                String page = views.get(i).get("page_type").asText();
                String previous = views.get(i - 1).get("page_type").asText();
                if (page.equals("checkout")) {
                    assertThat(previous).isEqualTo("cart");
                }
                if (page.equals("confirmation")) {
                    assertThat(previous).isEqualTo("checkout");
                }
            }
        }
    }

    @Test
    void sessionTimesAddUpAndStayInTheNinetyDayWindow() {
        Instant start = Instant.parse("2024-10-03T00:00:00Z");
        Instant end = Instant.parse("2025-01-01T00:00:00Z");
        for (JsonNode session : sessions) {
            Instant startTime = naive(session.get("start_time"));
            Instant endTime = naive(session.get("end_time"));
            long duration = session.get("duration_seconds").asLong();
            assertThat(endTime.getEpochSecond() - startTime.getEpochSecond()).isEqualTo(duration);
            assertThat(duration).isBetween(30L, 3600L);
            assertThat(startTime).isBetween(start, end);
            assertThat(endTime).isBetween(start, end);
            long sum = 0;
            for (JsonNode view : session.get("page_views")) {
                sum += view.get("view_duration").asLong();
            }
            assertThat(sum).isEqualTo(duration);
        }
    }

    @Test
    void aFifthOfTransactionsGetAFiveTenFifteenOrTwentyPercentDiscount() {
        Map<Integer, Long> byPercent = new HashMap<>();
        for (JsonNode transaction : transactions) {
            BigDecimal subtotal = transaction.get("subtotal").decimalValue();
            BigDecimal discount = transaction.get("discount").decimalValue();
            if (discount.signum() == 0) {
                continue;
            }
            int percent = -1;
            for (int candidate : new int[] {5, 10, 15, 20}) {
                BigDecimal expected = subtotal.multiply(BigDecimal.valueOf(candidate))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                if (expected.compareTo(discount) == 0) {
                    percent = candidate;
                }
            }
            assertThat(percent).as("discount %s of subtotal %s", discount, subtotal).isPositive();
            byPercent.merge(percent, 1L, Long::sum);
        }
        long discounted = byPercent.values().stream().mapToLong(Long::longValue).sum();
        assertThat(discounted / 20_000.0).isCloseTo(0.20, within(4 * Math.sqrt(0.2 * 0.8 / 20_000)));
        byPercent.values().forEach(count -> assertThat(count / (double) discounted)
                .isCloseTo(0.25, within(4 * Math.sqrt(0.25 * 0.75 / discounted))));
    }

    @Test
    void sessionTransactionsComeFromConvertedCartsAndStandaloneOnesFromThreeProducts() {
        Map<String, JsonNode> sessionsById = new HashMap<>();
        sessions.forEach(session -> sessionsById.put(session.get("session_id").asText(), session));
        long converted = sessions.stream()
                .filter(session -> session.get("conversion_status").asText().equals("converted")).count();
        long fromSessions = 0;
        long standaloneWithThree = 0;
        long standalone = 0;
        for (JsonNode transaction : transactions) {
            JsonNode items = transaction.get("items");
            if (transaction.get("session_id").isNull()) {
                standalone++;
                Set<String> distinct = new HashSet<>();
                items.forEach(item -> distinct.add(item.get("product_id").asText()));
                assertThat(distinct).hasSize(items.size());
                standaloneWithThree += items.size() == 3 ? 1 : 0;
                continue;
            }
            fromSessions++;
            JsonNode session = sessionsById.get(transaction.get("session_id").asText());
            assertThat(session.get("conversion_status").asText()).isEqualTo("converted");
            assertThat(transaction.get("user_id")).isEqualTo(session.get("user_id"));
            for (JsonNode item : items) {
                JsonNode cartEntry = session.get("cart_contents").get(item.get("product_id").asText());
                assertThat(cartEntry).isNotNull();
                assertThat(item.get("quantity").asInt()).isBetween(1, cartEntry.get("quantity").asInt());
                assertThat(item.get("unit_price").decimalValue()).isEqualByComparingTo(
                        cartEntry.get("price").decimalValue());
            }
        }
        assertThat(fromSessions).isEqualTo(converted);
        assertThat(fromSessions + standalone).isEqualTo(20_000);
        assertThat(standaloneWithThree / (double) standalone).isGreaterThan(0.95);
    }

    @Test
    void stockNeverGoesNegativeAndPriceHistoriesEndAtTheBasePrice() {
        for (JsonNode product : products) {
            assertThat(product.get("current_stock").asInt()).isNotNegative();
            JsonNode history = product.get("price_history");
            assertThat(history.size()).isBetween(1, 4);
            assertThat(history.get(history.size() - 1).get("price").decimalValue())
                    .isEqualByComparingTo(product.get("base_price").decimalValue());
            for (int i = 1; i < history.size(); i++) {
                assertThat(naive(history.get(i).get("date"))).isAfter(naive(history.get(i - 1).get("date")));
            }
        }
    }

    private static Instant naive(JsonNode text) {
        return LocalDateTime.parse(text.asText()).toInstant(ZoneOffset.UTC);
    }

    private static <K> Map<K, Long> countBy(List<JsonNode> nodes, Function<JsonNode, K> key) {
        Map<K, Long> counts = new HashMap<>();
        nodes.forEach(node -> counts.merge(key.apply(node), 1L, Long::sum));
        return counts;
    }

    private static void assertUniform(Map<String, Long> counts, int values) {
        assertThat(counts).hasSize(values);
        double expected = 1.0 / values;
        double tolerance = 4 * Math.sqrt(expected * (1 - expected) / 15_000);
        counts.forEach((value, count) -> assertThat(count / 15_000.0).as(value).isCloseTo(expected,
                within(tolerance)));
    }
}
