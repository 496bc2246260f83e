package io.ecomanalytics.charts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** Deterministic, realistic-looking chart inputs for previews, the benchmark and the report tests. */
final class Fixtures {

    static final List<String> CATEGORY_NAMES = List.of("Electronics", "Home & Kitchen", "Books", "Clothing, Shoes "
            + "& Jewellery", "Sports & Outdoors", "Toys & Games", "Beauty & Personal Care", "Garden & Patio",
            "Automotive", "Health & Household", "Office Products", "Pet Supplies", "Grocery & Gourmet Food",
            "Musical Instruments", "Tools & Home Improvement", "Baby", "Video Games", "Arts, Crafts & Sewing",
            "Industrial & Scientific", "Luggage & Travel Gear", "Movies & TV", "Software", "Appliances",
            "Cell Phones & Accessories", "Collectibles & Fine Art");

    /** The clv-model's RFM segments as the runner passes them on: underscores read as spaces, best first. */
    static final List<String> SEGMENT_NAMES = List.of("champions", "loyal customers", "potential loyalists",
            "new customers", "promising", "need attention", "about to sleep", "at risk", "cannot lose them",
            "hibernating");

    private Fixtures() {
    }

    /** Inputs shaped like a run over {@code users} users and 90 days. */
    static ChartInputs realistic(int users, long seed) {
        Random random = new Random(seed);
        List<CategoryRevenue> categories = new ArrayList<>();
        for (int index = 0; index < CATEGORY_NAMES.size(); index++) {
            double revenue = Math.round(users * 450.0 * Math.exp(-index * 0.12) * (0.8 + 0.4 * random.nextDouble()));
            categories.add(new CategoryRevenue(String.format("cat_%03d", index + 1), CATEGORY_NAMES.get(index),
                    revenue));
        }

        List<CustomerLifetimeValue> lifetimeValues = new ArrayList<>();
        List<UserEngagement> engagement = new ArrayList<>();
        TreeMap<Long, Long> transactions = new TreeMap<>();
        TreeMap<Long, Long> sessions = new TreeMap<>();
        for (int index = 1; index <= users; index++) {
            String id = String.format("user_%06d", index);
            double value = Math.round(Math.exp(6 + 0.9 * random.nextGaussian()) * 100) / 100.0;
            // Higher values fall in better segments: one segment per 0.4 standard deviations of log value.
            int segmentIndex = (int) Math.floor((6 - Math.log(value)) / 0.9 * 2.5 + SEGMENT_NAMES.size() / 2.0);
            String segment = SEGMENT_NAMES.get(Math.max(0, Math.min(SEGMENT_NAMES.size() - 1, segmentIndex)));
            lifetimeValues.add(new CustomerLifetimeValue(id, segment, value));
            long userSessions = Math.max(1, Math.round(20 + 8 * random.nextGaussian()));
            long userTransactions = Math.max(1, Math.round(userSessions / 4.0 + 2 * random.nextGaussian()));
            sessions.merge(userSessions, 1L, Long::sum);
            transactions.merge(userTransactions, 1L, Long::sum);
            double averageSeconds = Math.min(3600, Math.max(30, 900 + 300 * random.nextGaussian()));
            double sales = random.nextDouble() < 0.1 ? 0
                    : Math.round((userTransactions * 60 + averageSeconds * 0.2 + 80 * random.nextGaussian()) * 100)
                    / 100.0;
            engagement.add(new UserEngagement(id, userSessions, averageSeconds, Math.max(0, sales)));
        }

        List<FunnelStep> funnel = List.of(new FunnelStep("Sessions", users * 200L),
                new FunnelStep("Product views", users * 162L), new FunnelStep("Added to cart", users * 71L),
                new FunnelStep("Checkout", users * 41L), new FunnelStep("Orders", users * 29L));

        List<DailyRevenue> daily = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 8, 1);
        for (int day = 0; day < 90; day++) {
            LocalDate date = first.plusDays(day);
            double weekend = date.getDayOfWeek().getValue() >= 6 ? 1.3 : 1.0;
            double revenue = users * 5.0 * weekend * (1 + day / 180.0) * (0.85 + 0.3 * random.nextDouble());
            daily.add(new DailyRevenue(date, Math.round(revenue * 100) / 100.0));
        }

        List<HoldoutPurchases> holdout = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            double predicted = 3 * random.nextDouble() * random.nextDouble();
            holdout.add(new HoldoutPurchases(predicted, Math.max(0, Math.round(predicted + random.nextGaussian()))));
        }
        List<HoldoutGroup> groups = List.of(new HoldoutGroup("0", users / 2, 0.12, 0.1),
                new HoldoutGroup("1", users / 4, 0.6, 0.7), new HoldoutGroup("2", users / 8, 1.1, 1.0),
                new HoldoutGroup("3+", users / 8, 2.2, 2.4));

        return ChartInputs.empty()
                .withHoldout(groups, holdout)
                .withCategoryRevenue(categories)
                .withLifetimeValues(lifetimeValues)
                .withTransactionsPerCustomer(frequencies(transactions))
                .withSessionsPerUser(frequencies(sessions))
                .withEngagement(engagement, 25)
                .withFunnel(funnel)
                .withDailyRevenue(daily)
                .withAliveProbability(aliveGrid())
                .withSegments(segmentPoints(users, random), List.of(
                        new LearnedSegment("segment 1", "buys often, high spend per order", users / 5, 0.6, 900),
                        new LearnedSegment("segment 2", "buys rarely, mostly mobile", users - users / 5, 0.4, 80)))
                .withRecommenderScores(List.of(new RecommenderScore("global_popularity", 0.025, 0.04, 0.035, 0.015),
                        new RecommenderScore("category_popularity", 0.053, 0.091, 0.077, 0.036),
                        new RecommenderScore("item_cooccurrence", 0.017, 0.031, 0.027, 0.012),
                        new RecommenderScore("als", 0.023, 0.045, 0.035, 0.016)));
    }

    /** Two clouds of customers on the principal components, one per segment. */
    private static List<SegmentPoint> segmentPoints(int users, Random random) {
        List<SegmentPoint> points = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            boolean first = i < users / 5;
            points.add(new SegmentPoint((first ? 3 : -1) + random.nextGaussian(), random.nextGaussian(),
                    first ? "segment 1" : "segment 2"));
        }
        return points;

    }

    /** Report data with awkward strings (markup, ampersands, quotes) to prove they are escaped. */
    static ReportData reportData() {
        List<TopCustomer> customers = new ArrayList<>();
        for (int rank = 1; rank <= 10; rank++) {
            customers.add(new TopCustomer(String.format("user_%06d", rank * 37), rank <= 3 ? "High value"
                    : "Medium value", 40 - rank, 5_000 - 300.5 * rank, 9_000 - 600.25 * rank));
        }
        List<CategoryRevenue> categories = List.of(
                new CategoryRevenue("cat_001", "Electronics & <Gadgets>", 1_234_567.89),
                new CategoryRevenue("cat_002", "Home & Kitchen", 987_654.32),
                new CategoryRevenue("cat_003", "Books", 456_789.01));
        List<ProductPair> pairs = List.of(
                new ProductPair("prod_00001", "USB-C \"Fast\" Charger", "prod_00002", "Phone Case", 321),
                new ProductPair("prod_00003", "prod_00003", "prod_00004", "Kettle 'Classic'", 210));
        return new ReportData("E-commerce analytics: fixture run", Instant.parse("2026-11-26T20:15:00Z"),
                new HeadlineFigures(4_512_345.67, 45_678, 9_876, 2_000_000, 58_000, "Electronics & <Gadgets>"),
                List.of(new RunParameter("Dataset scale", "small (10,000 users)"), new RunParameter("Seed", "42"),
                        new RunParameter("Spark master", "local[2]"),
                        new RunParameter("Engaged user threshold", "more than 25 sessions")),
                customers, categories, pairs,
                List.of(new ModelCheck("Holdout purchases, predicted / actual", "3,262 / 3,190 (+2.3 %)",
                        "within 10 % <ok>")),
                List.of(new LearnedSegment("segment 1", "buys often, <mostly> mobile", 120, 0.625, 812.5),
                        new LearnedSegment("segment 2", "close to the average customer", 880, 0.375, 95.25)),
                List.of(new CustomerRecommendations("user_000042", "category_popularity", List.of(
                        new RecommendedProduct(1, "prod_00007", "Kettle <Deluxe>", 0.1234, "popular in Home & Kitchen"),
                        new RecommendedProduct(2, "prod_00009", "prod_00009", 0.05, "popular in Books")))));
    }

    /** One row in every table. */
    static ChartInputs singleRow() {
        return ChartInputs.empty()
                .withCategoryRevenue(List.of(new CategoryRevenue("cat_001", "Books", 250)))
                .withLifetimeValues(List.of(new CustomerLifetimeValue("user_000001", "Low value", 12.5)))
                .withTransactionsPerCustomer(List.of(new CountFrequency(3, 1)))
                .withSessionsPerUser(List.of(new CountFrequency(1, 1)))
                .withEngagement(List.of(new UserEngagement("user_000001", 20, 300, 40)), 10)
                .withFunnel(List.of(new FunnelStep("Sessions", 10)))
                .withDailyRevenue(List.of(new DailyRevenue(LocalDate.of(2026, 8, 1), 99)))
                .withAliveProbability(List.of(new AliveProbabilityCell(1, 10, 0.5)))
                .withRecommenderScores(List.of(new RecommenderScore("global_popularity", 0.1, 0.2, 0.15, 0.05)));
    }

    /** Tables whose values are all the same (zero revenue, one count, one duration). */
    static ChartInputs allEqual() {
        LocalDate day = LocalDate.of(2026, 8, 1);
        return ChartInputs.empty()
                .withCategoryRevenue(List.of(new CategoryRevenue("cat_001", "Books", 0),
                        new CategoryRevenue("cat_002", "Toys", 0)))
                .withLifetimeValues(List.of(new CustomerLifetimeValue("user_000001", "Low value", 5),
                        new CustomerLifetimeValue("user_000002", "Low value", 5),
                        new CustomerLifetimeValue("user_000003", "Low value", 5)))
                .withTransactionsPerCustomer(List.of(new CountFrequency(2, 0), new CountFrequency(4, 0)))
                .withSessionsPerUser(List.of(new CountFrequency(7, 40)))
                .withEngagement(List.of(new UserEngagement("user_000001", 20, 300, 40),
                        new UserEngagement("user_000002", 20, 300, 40),
                        new UserEngagement("user_000003", 20, 300, 40)), 10)
                .withFunnel(List.of(new FunnelStep("Sessions", 0), new FunnelStep("Orders", 0)))
                .withDailyRevenue(List.of(new DailyRevenue(day, 0), new DailyRevenue(day.plusDays(9), 0)))
                .withAliveProbability(List.of(new AliveProbabilityCell(1, 10, 0.5),
                        new AliveProbabilityCell(2, 10, 0.5)))
                .withRecommenderScores(List.of(new RecommenderScore("global_popularity", 0, 0, 0, 0),
                        new RecommenderScore("als", 0, 0, 0, 0)));
    }

    /** P(alive) from the BG/NBD closed form (Fader, Hardie and Lee 2005, eq. 11) over a 90-day window. */
    static List<AliveProbabilityCell> aliveGrid() {
        double r = 0.25;
        double alpha = 4;
        double a = 0.8;
        double b = 2.4;
        double age = 90;
        List<AliveProbabilityCell> cells = new ArrayList<>();
        for (long frequency = 0; frequency <= 30; frequency++) {
            for (int recency = 0; recency <= 90; recency += 5) {
                double probability = frequency == 0 ? 1
                        : 1 / (1 + a / (b + frequency - 1) * Math.pow((alpha + age) / (alpha + recency), r + frequency));
                cells.add(new AliveProbabilityCell(frequency, recency, probability));
            }
        }
        return cells;
    }

    private static List<CountFrequency> frequencies(TreeMap<Long, Long> peopleByCount) {
        return peopleByCount.entrySet().stream().map(entry -> new CountFrequency(entry.getKey(), entry.getValue()))
                .toList();
    }
}
