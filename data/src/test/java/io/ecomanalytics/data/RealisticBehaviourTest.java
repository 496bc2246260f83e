package io.ecomanalytics.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code small} scale with the realistic behaviour against its documented properties (data module README,
 * "Realistic behaviour"): counts, validity, determinism, the ground truth, long-tailed order values, the weekly
 * rhythm and the seasonal swell, preferences and engagement by planted segment.
 */
class RealisticBehaviourTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeneratorSpec SMALL = GeneratorSpec.scale("small").withBehaviour(Behaviour.REALISTIC)
            .withSeed(11);

    @TempDir
    static Path folder;

    static GenerationSummary summary;
    static List<Transaction> transactions = new ArrayList<>();
    static List<Session> sessions = new ArrayList<>();
    static Map<String, String> categoryOfProduct = new HashMap<>();
    static Map<String, JsonNode> truth = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        summary = DatasetGenerator.generate(SMALL, folder, ProgressListener.NONE);
        DatasetFiles files = DatasetFiles.open(folder);
        try (RecordStream<Transaction> stream = files.transactions()) {
            stream.forEachRemaining(transactions::add);
        }
        try (RecordStream<Session> stream = files.sessions()) {
            stream.forEachRemaining(sessions::add);
        }
        try (RecordStream<Product> stream = files.products()) {
            stream.forEachRemaining(product -> categoryOfProduct.put(product.productId(), product.categoryId()));
        }
        for (String line : Files.readAllLines(folder.resolve("ground_truth/users.jsonl"))) {
            JsonNode user = JSON.readTree(line);
            truth.put(user.path("user_id").asText(), user);
        }
    }

    @Test
    void countsAreTheScaleAndTheValidatorAcceptsEverythingWhileIgnoringTheGroundTruth() {
        assertThat(transactions).hasSize(20_000);
        assertThat(sessions).hasSize(15_000);
        assertThat(summary.transactions()).isEqualTo(20_000);
        assertThat(summary.sessions()).isEqualTo(15_000);
        assertThat(truth).hasSize(2_000);
        ValidationReport report = DatasetValidator.validate(folder, RejectSink.DISCARD);
        assertThat(report.rejectsByRule()).isEmpty();
        assertThat(report.files()).extracting(FileCounts::file)
                .containsExactly("categories.json", "products.json", "users.json", "transactions.json",
                        "sessions_0.json");
    }

    @Test
    void sameSpecGivesByteIdenticalFilesAndGroundTruth(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratorSpec tiny = GeneratorSpec.scale("tiny").withBehaviour(Behaviour.REALISTIC);
        DatasetGenerator.generate(tiny, first, ProgressListener.NONE);
        DatasetGenerator.generate(tiny, second, ProgressListener.NONE);
        List<Path> names;
        try (Stream<Path> walk = Files.walk(first)) {
            names = walk.filter(Files::isRegularFile).map(first::relativize).sorted().toList();
        }
        assertThat(names).contains(Path.of("ground_truth/parameters.json"), Path.of("ground_truth/users.jsonl"),
                Path.of("sessions_1.json"));
        for (Path name : names) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name.toString())
                    .isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
        JsonNode parameters = JSON.readTree(first.resolve("ground_truth/parameters.json").toFile());
        assertThat(parameters.path("time_unit").asText()).isEqualTo("days");
        assertThat(parameters.path("bg_nbd").fieldNames()).toIterable().containsExactly("r", "alpha", "a", "b");
        assertThat(parameters.path("gamma_gamma").path("p").isNumber()).isTrue();
    }

    @Test
    void orderValuesAreLongTailedAndFollowTheCustomersPlantedMeans() {
        double[] totals = transactions.stream().mapToDouble(t -> t.total().doubleValue()).sorted().toArray();
        double median = totals[totals.length / 2];
        double mean = java.util.Arrays.stream(totals).average().orElseThrow();
        assertThat(mean).isGreaterThan(1.2 * median);
        assertThat(totals[(int) (0.99 * totals.length)]).isGreaterThan(5 * median);
        // Averaged over customers, realised order values meet the planted mean order values p / nu.
        Map<String, double[]> perUser = new HashMap<>();
        for (Transaction transaction : transactions) {
            double[] sumAndCount = perUser.computeIfAbsent(transaction.userId(), user -> new double[2]);
            sumAndCount[0] += transaction.total().doubleValue();
            sumAndCount[1]++;
        }
        double realised = 0;
        double planted = 0;
        for (Map.Entry<String, double[]> entry : perUser.entrySet()) {
            realised += entry.getValue()[0];
            planted += entry.getValue()[1] * truth.get(entry.getKey()).path("mean_order_value").asDouble();
        }
        assertThat(realised / planted).isBetween(0.95, 1.05);
    }

    @Test
    void weekendsAreBusierThanMondaysAndTheHolidaySwellShows() {
        Map<DayOfWeek, Integer> byWeekday = new EnumMap<>(DayOfWeek.class);
        Map<LocalDate, Integer> byDay = new HashMap<>();
        for (Session session : sessions) {
            LocalDate day = LocalDate.ofInstant(session.startTime(), ZoneOffset.UTC);
            byWeekday.merge(day.getDayOfWeek(), 1, Integer::sum);
            byDay.merge(day, 1, Integer::sum);
        }
        assertThat(byWeekday.get(DayOfWeek.SATURDAY)).isGreaterThan((int) (1.15 * byWeekday.get(DayOfWeek.MONDAY)));
        // The swell peaks on 10 December: the fortnight around it is busier than the last ten days of the year.
        double peak = perDay(byDay, LocalDate.of(2024, 12, 3), LocalDate.of(2024, 12, 17));
        double after = perDay(byDay, LocalDate.of(2024, 12, 22), LocalDate.of(2025, 1, 1));
        assertThat(peak).isGreaterThan(1.1 * after);
    }

    @Test
    void purchasesAndBrowsingFollowTheCustomersTopCategories() {
        long items = 0;
        long inTopThree = 0;
        for (Transaction transaction : transactions) {
            Set<String> top = new HashSet<>();
            truth.get(transaction.userId()).path("top_categories").forEach(node -> top.add(node.asText()));
            for (TransactionItem item : transaction.items()) {
                items++;
                inTopThree += top.contains(categoryOfProduct.get(item.productId())) ? 1 : 0;
            }
        }
        // Uniform choice would put 3 of 15 categories, 20%, in the top three.
        assertThat((double) inTopThree / items).isGreaterThan(0.5);
    }

    @Test
    void everySegmentIsPlantedAndEngagementGoesWithValue() {
        Map<String, Integer> customers = new HashMap<>();
        truth.values().forEach(user -> customers.merge(user.path("segment").asText(), 1, Integer::sum));
        assertThat(customers.keySet()).containsExactlyInAnyOrder("churned", "new", "loyal_high_value", "browser",
                "bargain_hunter", "regular");
        Map<String, double[]> pagesAndSessions = new HashMap<>();
        for (Session session : sessions) {
            double[] counts = pagesAndSessions.computeIfAbsent(
                    truth.get(session.userId()).path("segment").asText(), segment -> new double[2]);
            counts[0] += session.pageViews().size();
            counts[1]++;
        }
        double loyalSessions = pagesAndSessions.get("loyal_high_value")[1] / customers.get("loyal_high_value");
        double churnedSessions = pagesAndSessions.get("churned")[1] / customers.get("churned");
        assertThat(loyalSessions).isGreaterThan(1.5 * churnedSessions);
        double loyalPages = pagesAndSessions.get("loyal_high_value")[0] / pagesAndSessions.get("loyal_high_value")[1];
        double churnedPages = pagesAndSessions.get("churned")[0] / pagesAndSessions.get("churned")[1];
        assertThat(loyalPages).isGreaterThan(churnedPages);
    }

    private static double perDay(Map<LocalDate, Integer> byDay, LocalDate from, LocalDate to) {
        long sum = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            sum += byDay.getOrDefault(day, 0);
        }
        return (double) sum / (to.toEpochDay() - from.toEpochDay());
    }
}
