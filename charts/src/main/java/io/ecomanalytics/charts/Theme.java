package io.ecomanalytics.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.RangeType;

/**
 * The one look every chart shares: a sans-serif font readable at 100% zoom, the Okabe-Ito palette (distinguishable
 * with the common colour-vision deficiencies), flat bars, light grid lines and generous padding so no label is clipped.
 */
final class Theme {

    static final Color BLUE = new Color(0x0072B2);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color GREEN = new Color(0x009E73);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color YELLOW = new Color(0xF0E442);
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED_TEXT = new Color(0x555555);
    static final Color GRID = new Color(0xDDDDDD);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font ITEM_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font NO_DATA_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 22);

    static final Stroke THIN_LINE = new BasicStroke(1.5f);
    static final Stroke THICK_LINE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final int TARGET_TICKS = 8;

    static final Shape POINT = new Ellipse2D.Double(-3, -3, 6, 6);

    private static final Paint[] PALETTE = {BLUE, ORANGE, GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, YELLOW,
            Color.BLACK};

    private Theme() {
    }

    /**
     * Applies the shared look; call it before adjusting axes and renderers, because it resets fonts and paints and
     * gives a category plot a {@link WholeWordCategoryAxis} in place of the factory's axis, keeping its title.
     */
    static void apply(JFreeChart chart, String noDataMessage) {
        if (chart.getPlot() instanceof CategoryPlot categoryPlot) {
            categoryPlot.setDomainAxis(new WholeWordCategoryAxis(categoryPlot.getDomainAxis().getLabel()));
        }
        StandardChartTheme theme = new StandardChartTheme("Okabe-Ito", false);
        theme.setExtraLargeFont(TITLE_FONT);
        theme.setLargeFont(AXIS_LABEL_FONT);
        theme.setRegularFont(TICK_FONT);
        theme.setSmallFont(ITEM_LABEL_FONT);
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(MUTED_TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, PALETTE, PALETTE,
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);

        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(14, 16, 14, 28));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setMargin(0, 0, 6, 0);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
            legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
            legend.setItemFont(TICK_FONT);
        }
        Plot plot = chart.getPlot();
        plot.setNoDataMessage(noDataMessage);
        plot.setNoDataMessageFont(NO_DATA_FONT);
        plot.setNoDataMessagePaint(MUTED_TEXT);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot categoryPlot) {
            categoryPlot.setDomainGridlinesVisible(false);
            categoryPlot.setRangeGridlinesVisible(true);
        } else if (plot instanceof XYPlot xyPlot) {
            xyPlot.setDomainGridlinesVisible(true);
            xyPlot.setRangeGridlinesVisible(true);
        }
    }

    /**
     * A value axis of whole amounts (dollars, people): ticks at round whole numbers, about six to ten of them, so
     * equal or zero values never give a row of identical labels; zero is the floor when no value is negative.
     * Call it once the axis belongs to its plot, because the tick size follows the plotted data.
     */
    static void wholeValueAxis(NumberAxis axis, NumberFormat format) {
        axis.setNumberFormatOverride(format);
        axis.setAutoRangeMinimumSize(1);
        axis.setAutoRangeIncludesZero(true);
        Range data = axis.getPlot() instanceof ValueAxisPlot plot ? plot.getDataRange(axis) : null;
        double smallest = data == null ? 0 : Math.min(0, data.getLowerBound());
        double largest = data == null ? 0 : Math.max(0, data.getUpperBound());
        if (smallest >= 0) {
            axis.setRangeType(RangeType.POSITIVE);
        }
        // Offer only round steps that give at most about eight ticks; JFreeChart then picks the smallest of them
        // whose labels do not overlap at the chart's actual size.
        double minimumStep = (largest - smallest) / TARGET_TICKS;
        TickUnits units = new TickUnits();
        for (double magnitude = 1; magnitude <= 1e15; magnitude *= 10) {
            for (double factor : new double[] {1, 2, 5}) {
                if (factor * magnitude >= minimumStep) {
                    units.add(new NumberTickUnit(factor * magnitude, format));
                }
            }
        }
        axis.setStandardTickUnits(units);
        axis.setAutoTickUnitSelection(true);
    }

    /** An empty chart keeps its axis titles but drops tick labels, which would only number an arbitrary range. */
    static void hideTicks(JFreeChart chart) {
        Plot plot = chart.getPlot();
        if (plot instanceof CategoryPlot categoryPlot) {
            hideTicks(categoryPlot.getDomainAxis());
            hideTicks(categoryPlot.getRangeAxis());
        } else if (plot instanceof XYPlot xyPlot) {
            hideTicks(xyPlot.getDomainAxis());
            hideTicks(xyPlot.getRangeAxis());
        }
    }

    private static void hideTicks(Axis axis) {
        axis.setTickLabelsVisible(false);
        axis.setTickMarksVisible(false);
    }

    /** A muted line under the title that explains how to read the chart. */
    static void addSubtitle(JFreeChart chart, String text) {
        TextTitle subtitle = new TextTitle(text, SUBTITLE_FONT);
        subtitle.setPaint(MUTED_TEXT);
        subtitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
        subtitle.setTextAlignment(HorizontalAlignment.LEFT);
        subtitle.setMargin(0, 0, 8, 0);
        chart.addSubtitle(0, subtitle);
    }
}
