package io.ecomanalytics.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/** The BG/NBD probability-alive matrix over recency and frequency. */
final class HeatMapChart {

    static final String PROBABILITY_SERIES = "P(alive)";

    private HeatMapChart() {
    }

    static ChartDrawing aliveProbability(List<AliveProbabilityCell> cells) {
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        if (!cells.isEmpty()) {
            double[][] values = new double[3][cells.size()];
            for (int index = 0; index < cells.size(); index++) {
                values[0][index] = cells.get(index).recencyDays();
                values[1][index] = cells.get(index).frequency();
                values[2][index] = cells.get(index).probabilityAlive();
            }
            dataset.addSeries(PROBABILITY_SERIES, values);
        }
        NumberAxis recencyAxis = new NumberAxis("Recency (days between first and last purchase)");
        recencyAxis.setNumberFormatOverride(Formats.preciseDecimalFormat());
        NumberAxis frequencyAxis = new NumberAxis("Frequency (repeat purchases)");
        frequencyAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        frequencyAxis.setNumberFormatOverride(Formats.countFormat());

        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new ViridisScale());
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        if (!cells.isEmpty()) {
            double recencyStep = smallestGap(cells.stream().map(AliveProbabilityCell::recencyDays).toList());
            double frequencyStep = smallestGap(cells.stream().map(cell -> (double) cell.frequency()).toList());
            renderer.setBlockWidth(recencyStep);
            renderer.setBlockHeight(frequencyStep);
            double minimumRecency = cells.stream().mapToDouble(AliveProbabilityCell::recencyDays).min().orElseThrow();
            double maximumRecency = cells.stream().mapToDouble(AliveProbabilityCell::recencyDays).max().orElseThrow();
            long minimumFrequency = cells.stream().mapToLong(AliveProbabilityCell::frequency).min().orElseThrow();
            long maximumFrequency = cells.stream().mapToLong(AliveProbabilityCell::frequency).max().orElseThrow();
            recencyAxis.setRange(minimumRecency - recencyStep / 2, maximumRecency + recencyStep / 2);
            frequencyAxis.setRange(minimumFrequency - frequencyStep / 2, maximumFrequency + frequencyStep / 2);
        }
        XYPlot plot = new XYPlot(dataset, recencyAxis, frequencyAxis, renderer);
        String title = "Probability that a customer is still active (BG/NBD)";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Theme.apply(chart, "No P(alive) grid to show");
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Theme.addSubtitle(chart, "Each cell is a purchase history; yellow customers are likely to buy again, "
                + "dark purple ones have probably left");
        if (!cells.isEmpty()) {
            NumberAxis scaleAxis = new NumberAxis("P(alive)");
            scaleAxis.setRange(0, 1);
            scaleAxis.setNumberFormatOverride(Formats.wholePercentFormat());
            scaleAxis.setTickUnit(new NumberTickUnit(0.1));
            scaleAxis.setLabelFont(Theme.AXIS_LABEL_FONT);
            scaleAxis.setTickLabelFont(Theme.TICK_FONT);
            PaintScaleLegend legend = new PaintScaleLegend(new ViridisScale(), scaleAxis);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setStripWidth(18);
            legend.setAxisOffset(4);
            legend.setMargin(new RectangleInsets(30, 14, 40, 0));
            legend.setBackgroundPaint(Color.WHITE);
            chart.addSubtitle(legend);
        }

        String takeaway;
        if (cells.isEmpty()) {
            takeaway = "No P(alive) grid to show: the BG/NBD model was not fitted.";
        } else {
            AliveProbabilityCell lowest = cells.get(0);
            AliveProbabilityCell highest = cells.get(0);
            for (AliveProbabilityCell cell : cells) {
                if (cell.probabilityAlive() < lowest.probabilityAlive()) {
                    lowest = cell;
                }
                if (cell.probabilityAlive() > highest.probabilityAlive()) {
                    highest = cell;
                }
            }
            takeaway = lowest.probabilityAlive() == highest.probabilityAlive()
                    ? "Every purchase history has the same P(alive), " + Formats.percent(lowest.probabilityAlive()) + "."
                    : "P(alive) ranges from " + probability(lowest.probabilityAlive()) + " (" + lowest.frequency()
                    + " repeat purchases, recency " + Formats.decimal(lowest.recencyDays()) + " days) to "
                    + probability(highest.probabilityAlive()) + " (" + highest.frequency()
                    + " repeat purchases, recency " + Formats.decimal(highest.recencyDays()) + " days).";
        }
        return new ChartDrawing(ChartKind.ALIVE_PROBABILITY_HEAT_MAP, chart, title, takeaway);
    }

    /** A percentage that never rounds a small chance to "0.0%" or a near-certainty to "100.0%". */
    private static String probability(double value) {
        if (value > 0 && value < 0.0005) {
            return "under 0.1%";
        }
        if (value < 1 && value > 0.9995) {
            return "over 99.9%";
        }
        return Formats.percent(value);
    }

    private static double smallestGap(List<Double> values) {
        TreeSet<Double> distinct = new TreeSet<>(values);
        double gap = Double.POSITIVE_INFINITY;
        Double previous = null;
        for (Double value : distinct) {
            if (previous != null) {
                gap = Math.min(gap, value - previous);
            }
            previous = value;
        }
        return Double.isInfinite(gap) ? 1 : gap;
    }

    /** Viridis from 0 to 1: perceptually even, readable in grey and with colour-vision deficiencies. */
    private static final class ViridisScale implements PaintScale {

        private static final Color[] STOPS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21908C),
                new Color(0x5DC863), new Color(0xFDE725)};

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double clamped = Math.max(0, Math.min(1, Double.isNaN(value) ? 0 : value));
            double position = clamped * (STOPS.length - 1);
            int below = (int) Math.min(Math.floor(position), STOPS.length - 2);
            double fraction = position - below;
            Color from = STOPS[below];
            Color to = STOPS[below + 1];
            return new Color(
                    (int) Math.round(from.getRed() + fraction * (to.getRed() - from.getRed())),
                    (int) Math.round(from.getGreen() + fraction * (to.getGreen() - from.getGreen())),
                    (int) Math.round(from.getBlue() + fraction * (to.getBlue() - from.getBlue())));
        }
    }
}
