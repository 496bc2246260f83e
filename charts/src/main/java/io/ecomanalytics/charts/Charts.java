package io.ecomanalytics.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the analytics charts as PNG files, headless. Every chart renders whatever its table holds: an empty table
 * gives a chart that says there is no data, never an exception.
 */
public final class Charts {

    private static final Logger LOG = LoggerFactory.getLogger(Charts.class);

    static {
        // Servers have no display; AWT must not try to open one. Set before the first AWT class loads.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Renders every chart of {@link ChartKind} into {@code outputDirectory} (created if missing).
     *
     * @return the rendered charts in report order
     * @throws IOException when the directory or a file cannot be written
     */
    public static List<RenderedChart> renderAll(ChartInputs inputs, Path outputDirectory, ChartStyle style)
            throws IOException {
        long started = System.nanoTime();
        List<RenderedChart> charts = new ArrayList<>();
        for (ChartKind kind : ChartKind.values()) {
            charts.add(render(kind, inputs, outputDirectory, style));
        }
        LOG.info("Wrote {} charts ({} x {} pixels) to {} in {} ms", charts.size(), style.pixelWidth(),
                style.pixelHeight(), outputDirectory, (System.nanoTime() - started) / 1_000_000);
        return List.copyOf(charts);
    }

    /**
     * Renders one chart into {@code outputDirectory} (created if missing) as {@link ChartKind#fileName()}.
     *
     * @throws IOException when the directory or the file cannot be written
     */
    public static RenderedChart render(ChartKind kind, ChartInputs inputs, Path outputDirectory, ChartStyle style)
            throws IOException {
        if (kind == null || inputs == null || outputDirectory == null || style == null) {
            throw new IllegalArgumentException("Charts.render needs a kind, inputs, an output directory and a style; "
                    + "got kind=" + kind + ", inputs=" + (inputs == null ? "null" : "present") + ", outputDirectory="
                    + outputDirectory + ", style=" + style);
        }
        ChartDrawing drawing = draw(kind, inputs);
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException exception) {
            throw new IOException("Cannot create the chart directory " + outputDirectory + ": " + exception
                    + "; check that the parent exists and is writable, or pass another directory", exception);
        }
        List<PlottedSeries> series = PlottedValues.read(drawing.chart());
        if (series.stream().allMatch(plotted -> plotted.points().isEmpty())) {
            Theme.hideTicks(drawing.chart());
        }
        Path file = outputDirectory.resolve(kind.fileName());
        try {
            PngWriter.write(drawing.chart(), style, file);
        } catch (IOException exception) {
            throw new IOException("Cannot write chart " + kind + " to " + file + ": " + exception
                    + "; check free disk space and write permission", exception);
        }
        LOG.debug("Wrote {}", file);
        return new RenderedChart(kind, drawing.title(), drawing.takeaway(), file, series);
    }

    static ChartDrawing draw(ChartKind kind, ChartInputs inputs) {
        return switch (kind) {
            case REVENUE_BY_CATEGORY -> CategoryCharts.revenueByCategory(inputs.categoryRevenue());
            case TOP_CUSTOMERS_BY_LIFETIME_VALUE -> CategoryCharts.topCustomers(inputs.lifetimeValues());
            case TRANSACTIONS_PER_CUSTOMER -> DistributionCharts.transactionsPerCustomer(
                    inputs.transactionsPerCustomer());
            case SESSIONS_PER_USER -> DistributionCharts.sessionsPerUser(inputs.sessionsPerUser());
            case ENGAGED_USER_SESSION_DURATION -> DistributionCharts.engagedSessionDuration(inputs.engagement(),
                    inputs.engagedSessionThreshold());
            case SALES_AGAINST_SESSION_DURATION -> DistributionCharts.salesAgainstSessionDuration(
                    inputs.engagement());
            case CONVERSION_FUNNEL -> CategoryCharts.conversionFunnel(inputs.funnel());
            case DAILY_REVENUE -> TimeCharts.dailyRevenue(inputs.dailyRevenue());
            case LIFETIME_VALUE_BY_SEGMENT -> CategoryCharts.lifetimeValueBySegment(inputs.lifetimeValues());
            case ALIVE_PROBABILITY_HEAT_MAP -> HeatMapChart.aliveProbability(inputs.aliveProbability());
            case HOLDOUT_BY_CALIBRATION_PURCHASES -> HoldoutCharts.calibrationAgainstHoldout(inputs.holdoutGroups());
            case PREDICTED_AGAINST_ACTUAL_HOLDOUT -> HoldoutCharts.predictedAgainstActual(inputs.holdoutPurchases());
            case SEGMENTS_ON_PRINCIPAL_COMPONENTS -> SegmentCharts.onPrincipalComponents(inputs.segmentPoints());
            case REVENUE_SHARE_BY_SEGMENT -> SegmentCharts.revenueShare(inputs.learnedSegments());
            case RECOMMENDATION_MODELS -> RecommendationCharts.modelComparison(inputs.recommenderScores());
        };
    }
}
