package io.ecomanalytics.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.BarRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ChartsTest {

    private static final ChartStyle SMALL = new ChartStyle(640, 400, 1);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void everyChartRendersAPngOfTheRequestedSizeFromTheFixture(ChartKind kind) throws IOException {
        ChartStyle style = new ChartStyle(800, 500, 1.5);

        RenderedChart chart = Charts.render(kind, Fixtures.realistic(300, 11), directory, style);

        assertThat(chart.file()).isEqualTo(directory.resolve(kind.fileName()));
        assertThat(Files.size(chart.file())).isGreaterThan(5_000);
        BufferedImage image = ImageIO.read(chart.file().toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(750);
        assertThat(chart.series()).isNotEmpty();
        assertThat(chart.takeaway()).isNotBlank().doesNotContain("E+").doesNotContainPattern("\\dE\\d");
    }

    @Test
    void renderAllWritesEveryChartInReportOrder() throws IOException {
        List<RenderedChart> charts = Charts.renderAll(Fixtures.realistic(100, 3), directory.resolve("new/folder"),
                SMALL);

        assertThat(charts).extracting(RenderedChart::kind).containsExactly(ChartKind.values());
        assertThat(charts).allSatisfy(chart -> assertThat(chart.file()).exists());
        assertThat(directory.resolve("new/folder")).isDirectoryContaining("glob:**/10-alive-probability-heat-map.png");
    }

    @Test
    void revenueByCategoryPlotsEveryCategorySortedByRevenueWithItsName() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withCategoryRevenue(List.of(
                new CategoryRevenue("cat_002", "Books", 3_000),
                new CategoryRevenue("cat_001", "Electronics", 6_000),
                new CategoryRevenue("cat_003", "Toys", 1_000)));

        RenderedChart chart = Charts.render(ChartKind.REVENUE_BY_CATEGORY, inputs, directory, SMALL);

        assertThat(chart.series("Revenue").points()).extracting(PlottedPoint::label, PlottedPoint::y)
                .containsExactly(
                        tuple("Electronics", 6_000.0),
                        tuple("Books", 3_000.0),
                        tuple("Toys", 1_000.0));
        assertThat(chart.takeaway())
                .isEqualTo("Electronics leads with $6,000 (60.0% of the total); 3 categories earned $10,000 in all.");
    }

    @Test
    void revenueByCategoryFormatsMillionsWithSeparatorsNotScientificNotation() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withCategoryRevenue(List.of(
                new CategoryRevenue("cat_001", "Electronics", 4_500_000),
                new CategoryRevenue("cat_002", "Books", 500_000)));

        RenderedChart chart = Charts.render(ChartKind.REVENUE_BY_CATEGORY, inputs, directory, SMALL);

        assertThat(chart.takeaway()).contains("$4,500,000", "90.0%", "$5,000,000").doesNotContain("E6");
    }

    @Test
    void revenueByCategoryKeepsDuplicateNamesApartAndSumsTheTailBeyondTwentyFiveBars() throws IOException {
        List<CategoryRevenue> rows = new ArrayList<>();
        rows.add(new CategoryRevenue("cat_900", "Books", 10_000));
        rows.add(new CategoryRevenue("cat_901", "Books", 9_000));
        for (int index = 1; index <= 28; index++) {
            rows.add(new CategoryRevenue(String.format("cat_%03d", index), "Category " + index, 100 * index));
        }

        RenderedChart chart = Charts.render(ChartKind.REVENUE_BY_CATEGORY,
                ChartInputs.empty().withCategoryRevenue(rows), directory, SMALL);

        List<PlottedPoint> bars = chart.series("Revenue").points();
        assertThat(bars).hasSize(25);
        assertThat(bars.get(0).label()).isEqualTo("Books (cat_900)");
        assertThat(bars.get(1).label()).isEqualTo("Books (cat_901)");
        assertThat(bars.get(2).label()).isEqualTo("Category 28");
        // 30 rows, 24 shown: the 6 smallest are categories 1..6, 100 * (1+2+3+4+5+6) = 2,100.
        assertThat(bars.get(24).label()).isEqualTo("Other 6 categories");
        assertThat(bars.get(24).y()).isEqualTo(2_100.0);
    }

    @Test
    void topCustomersShowsTheTenHighestLifetimeValuesInOrder() throws IOException {
        List<CustomerLifetimeValue> rows = new ArrayList<>();
        for (int index = 1; index <= 12; index++) {
            rows.add(new CustomerLifetimeValue(String.format("user_%06d", index), "Any", 100.0 * index));
        }

        RenderedChart chart = Charts.render(ChartKind.TOP_CUSTOMERS_BY_LIFETIME_VALUE,
                ChartInputs.empty().withLifetimeValues(rows), directory, SMALL);

        List<PlottedPoint> bars = chart.series("Lifetime value").points();
        assertThat(bars).extracting(PlottedPoint::label).containsExactly("user_000012", "user_000011", "user_000010",
                "user_000009", "user_000008", "user_000007", "user_000006", "user_000005", "user_000004",
                "user_000003");
        assertThat(bars).extracting(PlottedPoint::y)
                .containsExactly(1200.0, 1100.0, 1000.0, 900.0, 800.0, 700.0, 600.0, 500.0, 400.0, 300.0);
        // Total 100 * (1 + ... + 12) = 7,800; the top ten hold 7,500 of it, 96.2%.
        assertThat(chart.takeaway()).isEqualTo("user_000012 leads with a lifetime value of $1,200.00; the top 10 "
                + "hold 96.2% of the $7,800 lifetime value of 12 customers.");
    }

    @Test
    void transactionsPerCustomerUsesOneBinPerCountForANarrowRangeAndKeepsEmptyBins() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withTransactionsPerCustomer(List.of(
                new CountFrequency(1, 5), new CountFrequency(2, 3), new CountFrequency(4, 1)));

        RenderedChart chart = Charts.render(ChartKind.TRANSACTIONS_PER_CUSTOMER, inputs, directory, SMALL);

        assertThat(chart.series("Customers").points()).extracting(PlottedPoint::x, PlottedPoint::y).containsExactly(
                tuple(1.0, 5.0), tuple(2.0, 3.0),
                tuple(3.0, 0.0), tuple(4.0, 1.0));
        // Nine customers: 1,1,1,1,1,2,2,2,4; the fifth is 1; mean 15 / 9 = 1.67.
        assertThat(chart.takeaway()).isEqualTo("The typical customer had 1 transactions (median; mean 1.7); the most "
                + "common count, 1, is shared by 5 customers of 9.");
    }

    @Test
    void sessionsPerUserGroupsAWideRangeIntoRoundFiveWideBins() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withSessionsPerUser(List.of(new CountFrequency(0, 2),
                new CountFrequency(3, 1), new CountFrequency(5, 4), new CountFrequency(100, 7)));

        RenderedChart chart = Charts.render(ChartKind.SESSIONS_PER_USER, inputs, directory, SMALL);

        // 0..100 needs 101 one-wide or 51 two-wide bins; five wide gives 21 bins: 0-4, 5-9, ..., 100-104.
        List<PlottedPoint> bins = chart.series("Users").points();
        assertThat(bins).hasSize(21);
        assertThat(bins.get(0).x()).isEqualTo(0.0);
        assertThat(bins.get(0).y()).isEqualTo(3.0);
        assertThat(bins.get(1).x()).isEqualTo(5.0);
        assertThat(bins.get(1).y()).isEqualTo(4.0);
        assertThat(bins.get(20).x()).isEqualTo(100.0);
        assertThat(bins.get(20).y()).isEqualTo(7.0);
        assertThat(bins.stream().mapToDouble(PlottedPoint::y).sum()).isEqualTo(14.0);
    }

    @Test
    void engagedSessionDurationCountsOnlyUsersAboveTheThresholdInMinutes() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withEngagement(List.of(
                new UserEngagement("user_000001", 11, 120, 0),
                new UserEngagement("user_000002", 12, 150, 10),
                new UserEngagement("user_000003", 10, 999, 10),
                new UserEngagement("user_000004", 30, 400, 10)), 10);

        RenderedChart chart = Charts.render(ChartKind.ENGAGED_USER_SESSION_DURATION, inputs, directory, SMALL);

        // Minutes 2, 2.5 and 6.67 span 4.67: 0.1-minute bins would be 47, 0.2-minute bins 24, from 2.0.
        List<PlottedPoint> bins = chart.series("Users").points();
        assertThat(bins).hasSize(24);
        assertThat(bins.stream().filter(bin -> bin.y() > 0).map(PlottedPoint::x).toList())
                .satisfiesExactly(
                        start -> assertThat(start).isCloseTo(2.0, within(1e-9)),
                        start -> assertThat(start).isCloseTo(2.4, within(1e-9)),
                        start -> assertThat(start).isCloseTo(6.6, within(1e-9)));
        assertThat(bins.stream().mapToDouble(PlottedPoint::y).sum()).isEqualTo(3.0);
        assertThat(chart.takeaway()).isEqualTo("3 of 4 users have more than 10 sessions; their median average "
                + "session lasts 2.5 minutes.");
    }

    @Test
    void salesAgainstSessionDurationPlotsOneMinutePointPerBuyingCustomer() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withEngagement(List.of(
                new UserEngagement("user_000001", 3, 60, 10),
                new UserEngagement("user_000002", 3, 120, 20),
                new UserEngagement("user_000003", 3, 999, 0),
                new UserEngagement("user_000004", 3, 180, 30)), 10);

        RenderedChart chart = Charts.render(ChartKind.SALES_AGAINST_SESSION_DURATION, inputs, directory, SMALL);

        assertThat(chart.series("Customers").points()).extracting(PlottedPoint::x, PlottedPoint::y).containsExactly(
                tuple(1.0, 10.0), tuple(2.0, 20.0),
                tuple(3.0, 30.0));
        assertThat(chart.takeaway()).isEqualTo("Sales and average session duration show a strong positive "
                + "relationship (Pearson r = 1.00) across 3 customers.");
    }

    @Test
    void conversionFunnelPlotsTheStepsWithStepToStepPercentages() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withFunnel(List.of(new FunnelStep("Sessions", 1_000),
                new FunnelStep("Product views", 400), new FunnelStep("Orders", 100)));

        RenderedChart chart = Charts.render(ChartKind.CONVERSION_FUNNEL, inputs, directory, SMALL);

        assertThat(chart.series("Sessions").points()).extracting(PlottedPoint::label, PlottedPoint::y)
                .containsExactly(tuple("Sessions", 1_000.0),
                        tuple("Product views", 400.0),
                        tuple("Orders", 100.0));
        JFreeChart drawn = Charts.draw(ChartKind.CONVERSION_FUNNEL, inputs).chart();
        BarRenderer renderer = (BarRenderer) drawn.getCategoryPlot().getRenderer();
        assertThat(renderer.getItemLabelGenerator(0, 0).generateLabel(drawn.getCategoryPlot().getDataset(), 0, 0))
                .isEqualTo("1,000");
        assertThat(renderer.getItemLabelGenerator(0, 1).generateLabel(drawn.getCategoryPlot().getDataset(), 0, 1))
                .isEqualTo("400 (40.0%)");
        assertThat(renderer.getItemLabelGenerator(0, 2).generateLabel(drawn.getCategoryPlot().getDataset(), 0, 2))
                .isEqualTo("100 (25.0%)");
        assertThat(chart.takeaway()).isEqualTo("10.0% of sessions reach orders; the biggest drop is from Product "
                + "views to Orders, where only 25.0% continue.");
    }

    @Test
    void dailyRevenueFillsMissingDaysAndAveragesFullWeeks() throws IOException {
        LocalDate first = LocalDate.of(2026, 8, 1);
        ChartInputs inputs = ChartInputs.empty().withDailyRevenue(List.of(
                new DailyRevenue(first.plusDays(7), 800), new DailyRevenue(first, 100),
                new DailyRevenue(first.plusDays(1), 200), new DailyRevenue(first.plusDays(3), 400),
                new DailyRevenue(first.plusDays(4), 500), new DailyRevenue(first.plusDays(5), 600),
                new DailyRevenue(first.plusDays(6), 700)));

        RenderedChart chart = Charts.render(ChartKind.DAILY_REVENUE, inputs, directory, SMALL);

        assertThat(chart.series("Daily revenue").points()).extracting(PlottedPoint::label, PlottedPoint::y)
                .containsExactly(tuple("2026-08-01", 100.0),
                        tuple("2026-08-02", 200.0),
                        tuple("2026-08-03", 0.0),
                        tuple("2026-08-04", 400.0),
                        tuple("2026-08-05", 500.0),
                        tuple("2026-08-06", 600.0),
                        tuple("2026-08-07", 700.0),
                        tuple("2026-08-08", 800.0));
        List<PlottedPoint> average = chart.series("7-day moving average").points();
        assertThat(average).extracting(PlottedPoint::label).containsExactly("2026-08-07", "2026-08-08");
        assertThat(average.get(0).y()).isCloseTo(2_500.0 / 7, within(1e-9));
        assertThat(average.get(1).y()).isCloseTo(3_200.0 / 7, within(1e-9));
        // 3,300 over 8 days is 412.50, shown rounded half up.
        assertThat(chart.takeaway()).isEqualTo("Revenue averaged $413 a day over 8 days; the best day was "
                + "8 Aug 2026 ($800); the 7-day average ended at $457.");
    }

    @Test
    void lifetimeValueBySegmentUsesLinearInterpolationQuartilesAndTukeyWhiskers() throws IOException {
        List<CustomerLifetimeValue> rows = new ArrayList<>();
        double[] segmentA = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
        for (int index = 0; index < segmentA.length; index++) {
            rows.add(new CustomerLifetimeValue("user_a" + index, "Segment A", segmentA[index]));
        }
        for (double value : new double[] {30, 10, 20}) {
            rows.add(new CustomerLifetimeValue("user_b" + value, "Segment B", value));
        }

        RenderedChart chart = Charts.render(ChartKind.LIFETIME_VALUE_BY_SEGMENT,
                ChartInputs.empty().withLifetimeValues(rows), directory, SMALL);

        // numpy.percentile([1..9, 100], [25, 50, 75]) = 3.25, 5.5, 7.75; fences -3.5 and 14.5 leave 100 out.
        assertThat(chart.series()).extracting(PlottedSeries::name).containsExactly("Segment B", "Segment A");
        assertThat(chart.series("Segment A").points()).extracting(PlottedPoint::label, PlottedPoint::y)
                .containsExactly(tuple("lower whisker", 1.0),
                        tuple("lower quartile", 3.25),
                        tuple("median", 5.5),
                        tuple("upper quartile", 7.75),
                        tuple("upper whisker", 9.0),
                        tuple("mean", 14.5));
        assertThat(chart.series("Segment B").points()).extracting(PlottedPoint::y)
                .containsExactly(10.0, 15.0, 20.0, 25.0, 30.0, 20.0);
        assertThat(chart.takeaway()).isEqualTo("Segment B has the highest median lifetime value ($20.00), against "
                + "$5.50 for Segment A.");
    }

    @Test
    void aliveProbabilityHeatMapPlotsEveryCellWithRecencyAcrossAndFrequencyUp() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withAliveProbability(List.of(
                new AliveProbabilityCell(0, 0, 1.0), new AliveProbabilityCell(0, 30, 1.0),
                new AliveProbabilityCell(5, 0, 0.05), new AliveProbabilityCell(5, 30, 0.8)));

        RenderedChart chart = Charts.render(ChartKind.ALIVE_PROBABILITY_HEAT_MAP, inputs, directory, SMALL);

        assertThat(chart.series("P(alive)").points()).extracting(PlottedPoint::x, PlottedPoint::y, PlottedPoint::z)
                .containsExactly(tuple(0.0, 0.0, 1.0),
                        tuple(30.0, 0.0, 1.0),
                        tuple(0.0, 5.0, 0.05),
                        tuple(30.0, 5.0, 0.8));
        assertThat(chart.takeaway()).isEqualTo("P(alive) ranges from 5.0% (5 repeat purchases, recency 0 days) to "
                + "100.0% (0 repeat purchases, recency 0 days).");
    }

    @Test
    void scaleMultipliesThePixelsAndIsRecordedAsResolution() throws IOException {
        RenderedChart chart = Charts.render(ChartKind.CONVERSION_FUNNEL, Fixtures.realistic(50, 1), directory,
                new ChartStyle(500, 400, 2));

        BufferedImage image = ImageIO.read(chart.file().toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(800);
        // 192 DPI is 192 / 0.0254 = 7,559.06 pixels per metre, stored as a whole number in the pHYs chunk.
        var reader = ImageIO.getImageReadersByFormatName("png").next();
        try (var input = ImageIO.createImageInputStream(chart.file().toFile())) {
            reader.setInput(input);
            var physical = (javax.imageio.metadata.IIOMetadataNode) ((javax.imageio.metadata.IIOMetadataNode)
                    reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0")).getElementsByTagName("pHYs")
                    .item(0);
            assertThat(physical.getAttribute("pixelsPerUnitXAxis")).isEqualTo("7559");
            assertThat(physical.getAttribute("unitSpecifier")).isEqualTo("meter");
        } finally {
            reader.dispose();
        }
    }

    static Stream<Arguments> degenerateInputs() {
        return Stream.of(ChartKind.values()).flatMap(kind -> Stream.of(
                Arguments.of(kind, "empty", ChartInputs.empty()), Arguments.of(kind, "one row", Fixtures.singleRow()),
                Arguments.of(kind, "all equal", Fixtures.allEqual())));
    }

    @ParameterizedTest(name = "{0} with {1} input")
    @MethodSource("degenerateInputs")
    void degenerateInputStillRendersAReadableChart(ChartKind kind, String description, ChartInputs inputs)
            throws IOException {
        RenderedChart chart = Charts.render(kind, inputs, directory, SMALL);

        BufferedImage image = ImageIO.read(chart.file().toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(chart.takeaway()).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
        if (description.equals("empty")) {
            assertThat(chart.series()).allSatisfy(series -> assertThat(series.points()).isEmpty());
            assertThat(Charts.draw(kind, inputs).chart().getPlot().getNoDataMessage()).startsWith("No ");
            assertThat(chart.takeaway()).startsWith("No ");
        }
    }

    @Test
    void oneRowInputsAreDescribedInWords() throws IOException {
        ChartInputs inputs = Fixtures.singleRow();

        assertThat(Charts.render(ChartKind.REVENUE_BY_CATEGORY, inputs, directory, SMALL).takeaway())
                .isEqualTo("All revenue ($250) comes from one category, Books.");
        assertThat(Charts.render(ChartKind.TRANSACTIONS_PER_CUSTOMER, inputs, directory, SMALL).takeaway())
                .isEqualTo("The only customer had exactly 3 transactions.");
        assertThat(Charts.render(ChartKind.LIFETIME_VALUE_BY_SEGMENT, inputs, directory, SMALL).takeaway())
                .isEqualTo("The only customer is in the Low value segment, with a median lifetime value of $12.50.");
        assertThat(Charts.render(ChartKind.CONVERSION_FUNNEL, inputs, directory, SMALL).takeaway())
                .isEqualTo("The funnel needs at least two steps and a non-empty first step to show conversion.");
    }

    @Test
    void allEqualInputsAreDescribedInWords() throws IOException {
        ChartInputs inputs = Fixtures.allEqual();

        assertThat(Charts.render(ChartKind.REVENUE_BY_CATEGORY, inputs, directory, SMALL).takeaway())
                .isEqualTo("All 2 categories earned the same, $0 each.");
        assertThat(Charts.render(ChartKind.SESSIONS_PER_USER, inputs, directory, SMALL).takeaway())
                .isEqualTo("All 40 users had exactly 7 sessions.");
        assertThat(Charts.render(ChartKind.SALES_AGAINST_SESSION_DURATION, inputs, directory, SMALL).takeaway())
                .isEqualTo("Sales or session durations do not vary between customers, so they cannot be related.");
        assertThat(Charts.render(ChartKind.DAILY_REVENUE, inputs, directory, SMALL).takeaway())
                .isEqualTo("No revenue in the 10 days from 1 Aug 2026 to 10 Aug 2026.");
        assertThat(Charts.render(ChartKind.ALIVE_PROBABILITY_HEAT_MAP, inputs, directory, SMALL).takeaway())
                .isEqualTo("Every purchase history has the same P(alive), 50.0%.");
    }

    @Test
    void calibrationAgainstHoldoutPlotsBothMeansPerGroupAndSaysHowTheMostFrequentDid() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withHoldout(List.of(new HoldoutGroup("0", 900, 0.21, 0.18),
                new HoldoutGroup("1", 300, 0.9, 1.05), new HoldoutGroup("3+", 100, 2.2, 2.4)), List.of());

        RenderedChart chart = Charts.render(ChartKind.HOLDOUT_BY_CALIBRATION_PURCHASES, inputs, directory, SMALL);

        assertThat(chart.series(HoldoutCharts.PREDICTED_SERIES).points()).extracting(PlottedPoint::y)
                .containsExactly(0.21, 0.9, 2.2);
        assertThat(chart.series(HoldoutCharts.ACTUAL_SERIES).points()).extracting(PlottedPoint::y)
                .containsExactly(0.18, 1.05, 2.4);
        assertThat(chart.takeaway()).isEqualTo("Customers with 3+ calibration purchases made 2.4 purchases each in"
                + " the holdout; the model predicted 2.2. Those with 0 made 0.18 (predicted 0.21).");
    }

    @Test
    void recommendationModelsPlotFourMetricsPerModelAndNameTheLeaderAgainstTheBaseline() throws IOException {
        ChartInputs inputs = ChartInputs.empty().withRecommenderScores(List.of(
                new RecommenderScore("global_popularity", 0.02, 0.04, 0.03, 0.01),
                new RecommenderScore("category_popularity", 0.05, 0.09, 0.075, 0.035)));

        RenderedChart chart = Charts.render(ChartKind.RECOMMENDATION_MODELS, inputs, directory, SMALL);

        assertThat(chart.series(RecommendationCharts.NDCG_SERIES).points()).extracting(PlottedPoint::label)
                .containsExactly("global popularity", "category popularity");
        assertThat(chart.series(RecommendationCharts.NDCG_SERIES).points()).extracting(PlottedPoint::y)
                .containsExactly(0.03, 0.075);
        assertThat(chart.series(RecommendationCharts.MAP_SERIES).points()).extracting(PlottedPoint::y)
                .containsExactly(0.01, 0.035);
        // 0.075 / 0.03 = 2.5.
        assertThat(chart.takeaway()).isEqualTo("Category popularity leads with NDCG@10 0.0750 against 0.0300 for"
                + " global popularity, 2.5 times.");
        assertThat(Charts.render(ChartKind.RECOMMENDATION_MODELS, Fixtures.allEqual(), directory, SMALL).takeaway())
                .isEqualTo("No model beats global popularity on NDCG@10 (0.0000).");
    }

    @Test
    void predictedAgainstActualAveragesTenGroupsRankedByPrediction() throws IOException {
        List<HoldoutPurchases> customers = new java.util.ArrayList<>();
        for (int customer = 0; customer < 20; customer++) {
            // Predictions 0.0 .. 1.9; two customers per group, the second of each pair made one purchase.
            customers.add(new HoldoutPurchases(customer / 10.0, customer % 2));
        }

        RenderedChart chart = Charts.render(ChartKind.PREDICTED_AGAINST_ACTUAL_HOLDOUT,
                ChartInputs.empty().withHoldout(List.of(), customers), directory, SMALL);

        List<PlottedPoint> points = chart.series(HoldoutCharts.ACTUAL_SERIES).points();
        assertThat(points).hasSize(10);
        assertThat(points.get(0).x()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(points).extracting(PlottedPoint::y).containsOnly(0.5);
        assertThat(chart.takeaway()).isEqualTo("The model predicted 19 holdout purchases and customers made 10"
                + " (90.0% more predicted); the tenth expected to buy most made 0.5 each (predicted 1.85).");
    }

    @Test
    void theSegmentScatterHasOneSeriesPerLearnedSegment() throws IOException {
        List<SegmentPoint> points = List.of(new SegmentPoint(1, 2, "segment 1"), new SegmentPoint(-1, 0.5,
                "segment 2"), new SegmentPoint(1.5, 2.5, "segment 1"));
        RenderedChart chart = Charts.render(ChartKind.SEGMENTS_ON_PRINCIPAL_COMPONENTS,
                ChartInputs.empty().withSegments(points, List.of()), directory, SMALL);

        assertThat(chart.series()).extracting(PlottedSeries::name).containsExactly("segment 1", "segment 2");
        assertThat(chart.series().get(0).points()).hasSize(2);
        assertThat(chart.takeaway()).isEqualTo("2 segments over 3 customers; segments that separate on these two"
                + " directions differ most in behaviour.");
    }

    @Test
    void revenueShareBySegmentPutsTheLargestShareFirstAndSaysHowManyCustomersEarnIt() throws IOException {
        List<LearnedSegment> segments = List.of(
                new LearnedSegment("segment 2", "buys rarely", 300, 0.25, 40),
                new LearnedSegment("segment 1", "buys often, high spend per order", 100, 0.75, 500));
        RenderedChart chart = Charts.render(ChartKind.REVENUE_SHARE_BY_SEGMENT,
                ChartInputs.empty().withSegments(List.of(), segments), directory, SMALL);

        assertThat(chart.series("Share of revenue").points()).extracting(PlottedPoint::label, PlottedPoint::y)
                .containsExactly(tuple("segment 1", 0.75), tuple("segment 2", 0.25));
        // 100 of 400 customers = 25%.
        assertThat(chart.takeaway()).isEqualTo("segment 1 (buys often, high spend per order) brings 75.0% of"
                + " revenue with 25.0% of the customers.");
    }
}
