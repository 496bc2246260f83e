package io.ecomanalytics.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WholeWordCategoryAxisTest {

    private static final List<String> SEGMENTS = List.of("champions", "loyal customers", "potential loyalists",
            "new customers", "promising", "needs attention", "about to sleep", "at risk", "cannot lose them",
            "hibernating", "reactivation_candidates");

    private static final List<String> CATEGORIES = List.of("Electronics & Computers", "Home & Kitchen",
            "Clothing, Shoes & Jewellery", "Books", "Beauty & Personal Care", "Tools & Home Improvement",
            "Cell Phones & Accessories", "Industrial & Scientific", "Arts, Crafts & Sewing", "Video Games",
            "Grocery & Gourmet Food", "Luggage & Travel Gear", "Do-it-yourself_supplies_and_workshop_equipment");

    /**
     * Every chart with category labels, fed names that JFreeChart's own wrapping cuts inside a word and single words
     * wider than a label's room, at the report's size, at a larger scale and at a small size.
     */
    static Stream<Arguments> categoryCharts() {
        List<CustomerLifetimeValue> lifetimeValues = new ArrayList<>();
        for (int index = 0; index < SEGMENTS.size() * 4; index++) {
            lifetimeValues.add(new CustomerLifetimeValue(String.format("user_%06d", index),
                    SEGMENTS.get(index % SEGMENTS.size()), 50 + 37.5 * index));
        }
        List<CategoryRevenue> revenue = new ArrayList<>();
        for (int index = 0; index < CATEGORIES.size(); index++) {
            revenue.add(new CategoryRevenue(String.format("cat_%03d", index), CATEGORIES.get(index),
                    90_000 - 6_000 * index));
        }
        List<FunnelStep> funnel = List.of(new FunnelStep("Sessions", 10_000), new FunnelStep("Product views", 8_100),
                new FunnelStep("Added to cart", 3_500), new FunnelStep("Checkout started", 2_000),
                new FunnelStep("Orders", 1_450));
        Map<ChartKind, ChartInputs> inputs = new LinkedHashMap<>();
        inputs.put(ChartKind.LIFETIME_VALUE_BY_SEGMENT, ChartInputs.empty().withLifetimeValues(lifetimeValues));
        inputs.put(ChartKind.REVENUE_BY_CATEGORY, ChartInputs.empty().withCategoryRevenue(revenue));
        inputs.put(ChartKind.CONVERSION_FUNNEL, ChartInputs.empty().withFunnel(funnel));
        inputs.put(ChartKind.TOP_CUSTOMERS_BY_LIFETIME_VALUE, ChartInputs.empty().withLifetimeValues(lifetimeValues));
        return inputs.entrySet().stream().flatMap(entry -> Stream.of(ChartStyle.defaults(),
                        new ChartStyle(800, 500, 1.5), new ChartStyle(640, 400, 1))
                .map(style -> Arguments.of(entry.getKey(), entry.getValue(), style)));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("categoryCharts")
    void labelsWrapOnlyBetweenWordsAndKeepEveryWordWhole(ChartKind kind, ChartInputs inputs, ChartStyle style) {
        List<DrawnLabel> labels = draw(kind, inputs, style);

        assertThat(labels).isNotEmpty();
        assertThat(labels).allSatisfy(label -> {
            assertThat(label.lines()).allSatisfy(line -> assertThat(line).isNotBlank()
                    .doesNotStartWith(" ").doesNotEndWith(" "));
            assertThat(String.join(" ", label.lines())).isEqualTo(label.category());
        });
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("categoryCharts")
    void neighbouringLabelsDoNotOverlap(ChartKind kind, ChartInputs inputs, ChartStyle style) {
        List<DrawnLabel> labels = draw(kind, inputs, style);

        for (int index = 1; index < labels.size(); index++) {
            Area overlap = new Area(labels.get(index - 1).bounds());
            overlap.intersect(new Area(labels.get(index).bounds()));
            assertThat(overlap.isEmpty())
                    .as("'%s' overlaps '%s'", labels.get(index - 1).category(), labels.get(index).category())
                    .isTrue();
        }
    }

    /** A category label as drawn: its lines and the outline JFreeChart records for it. */
    private record DrawnLabel(String category, List<String> lines, Shape bounds) {
    }

    /**
     * Draws the chart as {@link PngWriter} does and reads back each category label: its lines from the axis' own
     * ticks over the area the axis laid them out in, its outline from the entities recorded while drawing.
     */
    private static List<DrawnLabel> draw(ChartKind kind, ChartInputs inputs, ChartStyle style) {
        JFreeChart chart = Charts.draw(kind, inputs).chart();
        BufferedImage image = new BufferedImage(style.pixelWidth(), style.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = PngWriter.graphics(image, style);
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(graphics, new Rectangle2D.Double(0, 0, style.width(), style.height()), info);
            CategoryPlot plot = chart.getCategoryPlot();
            CategoryAxis axis = plot.getDomainAxis();
            // JFreeChart trims the plot insets off the recorded plot area in place: it is the area the axis used.
            List<?> ticks = axis.refreshTicks(graphics, new AxisState(), info.getPlotInfo().getPlotArea(),
                    plot.getDomainAxisEdge());
            Map<Comparable<?>, Shape> outlines = new LinkedHashMap<>();
            for (Object entity : info.getEntityCollection().getEntities()) {
                if (entity instanceof CategoryLabelEntity label) {
                    outlines.put(label.getKey(), label.getArea());
                }
            }
            List<DrawnLabel> labels = new ArrayList<>();
            for (Object item : ticks) {
                CategoryTick tick = (CategoryTick) item;
                TextBlock block = tick.getLabel();
                Shape outline = outlines.get(tick.getCategory());
                // The block read back is the block drawn: same size as the outline recorded while drawing.
                Rectangle2D measured = block.calculateBounds(graphics, 0, 0, tick.getLabelAnchor(), 0, 0,
                        tick.getAngle()).getBounds2D();
                assertThat(outline.getBounds2D().getWidth()).isCloseTo(measured.getWidth(), within(0.5));
                assertThat(outline.getBounds2D().getHeight()).isCloseTo(measured.getHeight(), within(0.5));
                List<String> lines = new ArrayList<>();
                for (Object line : block.getLines()) {
                    TextLine textLine = (TextLine) line;
                    assertThat(textLine.getFirstTextFragment()).isSameAs(textLine.getLastTextFragment());
                    lines.add(textLine.getFirstTextFragment().getText());
                }
                labels.add(new DrawnLabel(tick.getCategory().toString(), lines, outline));
            }
            return labels;
        } finally {
            graphics.dispose();
        }
    }
}
