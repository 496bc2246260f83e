package io.ecomanalytics.charts;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A category axis whose labels wrap only at spaces, so a name is never cut inside a word (JFreeChart's own wrapping
 * splits a word that is wider than the label width, "champio/ns", and ends an over-long label in "..."). A word wider
 * than the label width keeps a line of its own; along the bottom, labels slant or turn upright when whole words would
 * not fit side by side.
 */
final class WholeWordCategoryAxis extends CategoryAxis {

    /** Least space between neighbouring labels, so two names never read as one. */
    private static final double LABEL_GAP = 6;

    /** Layouts tried in order for labels along the top or bottom: level reads best, upright takes least width. */
    private static final List<CategoryLabelPositions> LAYOUTS = List.of(CategoryLabelPositions.STANDARD,
            CategoryLabelPositions.UP_45, CategoryLabelPositions.UP_90);

    WholeWordCategoryAxis(String label) {
        super(label);
    }

    /**
     * Fills each line with as many whole words as fit {@code width}. Past {@link #getMaximumCategoryLabelLines()}
     * the remaining words stay on the last line, so the label is always shown in full.
     */
    @Override
    protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
        String text = category.toString();
        Font font = getTickLabelFont(category);
        Paint paint = getTickLabelPaint(category);
        FontMetrics metrics = g2.getFontMetrics(font);
        TextBlock block = new TextBlock();
        if (text.isEmpty()) {
            return block;
        }
        int lineStart = 0;
        int lines = 1;
        int wordEnd = wordEnd(text, 0);
        while (wordEnd < text.length()) {
            int nextWordEnd = wordEnd(text, wordEnd + 1);
            boolean nextWordFits = metrics.getStringBounds(text.substring(lineStart, nextWordEnd), g2).getWidth()
                    <= width;
            if (!nextWordFits && wordEnd > lineStart && lines < getMaximumCategoryLabelLines()) {
                block.addLine(text.substring(lineStart, wordEnd), font, paint);
                lines++;
                lineStart = wordEnd + 1;
            }
            wordEnd = nextWordEnd;
        }
        block.addLine(text.substring(lineStart), font, paint);
        return block;
    }

    private static int wordEnd(String text, int from) {
        int space = text.indexOf(' ', from);
        return space < 0 ? text.length() : space;
    }

    /**
     * Picks the label layout before JFreeChart sizes the axis: along the top or bottom, the first of level, slanted
     * and upright labels in which, at the chart's real size, no label meets its neighbour or leaves the plot's width.
     * Labels on the left or right need no choice: the axis grows to the widest line.
     */
    @Override
    public AxisSpace reserveSpace(Graphics2D g2, Plot plot, Rectangle2D plotArea, RectangleEdge edge,
                                  AxisSpace space) {
        if (isVisible() && isTickLabelsVisible() && RectangleEdge.isTopOrBottom(edge)
                && plot instanceof CategoryPlot categoryPlot) {
            List<?> categories = categoryPlot.getCategoriesForAxis(this);
            // The range axes have already claimed their space, so what remains is the width the categories share.
            RectangleInsets offset = categoryPlot.getAxisOffset();
            Rectangle2D dataArea = new Rectangle2D.Double(plotArea.getX() + space.getLeft() + offset.getLeft(),
                    plotArea.getY(), plotArea.getWidth() - space.getLeft() - space.getRight() - offset.getLeft()
                    - offset.getRight(), plotArea.getHeight());
            CategoryLabelPositions chosen = LAYOUTS.stream()
                    .filter(layout -> fits(layout.getLabelPosition(edge), categories, dataArea, plotArea, edge, g2))
                    .findFirst()
                    .orElse(LAYOUTS.get(LAYOUTS.size() - 1));
            // Setting the same layout again would announce a change and make an interactive chart redraw for nothing.
            if (chosen != getCategoryLabelPositions()) {
                setCategoryLabelPositions(chosen);
            }
        }
        return super.reserveSpace(g2, plot, plotArea, edge, space);
    }

    /** Whether labels drawn at {@code position} stay apart and within the plot's width. */
    private boolean fits(CategoryLabelPosition position, List<?> categories, Rectangle2D dataArea,
                         Rectangle2D plotArea, RectangleEdge edge, Graphics2D g2) {
        // The same label width as CategoryAxis.refreshTicks gives, so the labels measured are the labels drawn.
        float ratio = getMaximumCategoryLabelWidthRatio() > 0 ? getMaximumCategoryLabelWidthRatio()
                : position.getWidthRatio();
        double length = position.getWidthType() == CategoryLabelWidthType.CATEGORY
                ? calculateCategorySize(categories.size(), plotArea, edge) : plotArea.getHeight();
        AffineTransform towardsPrevious = AffineTransform.getTranslateInstance(-LABEL_GAP, 0);
        Area previous = null;
        for (int index = 0; index < categories.size(); index++) {
            Comparable<?> category = (Comparable<?>) categories.get(index);
            g2.setFont(getTickLabelFont(category));
            TextBlock label = createLabel(category, (float) (length * ratio), edge, g2);
            float middle = (float) getCategoryMiddle(index, categories.size(), dataArea, edge);
            Shape outline = label.calculateBounds(g2, middle, 0, position.getLabelAnchor(), middle, 0,
                    position.getAngle());
            Rectangle2D box = outline.getBounds2D();
            if (box.getMinX() < plotArea.getMinX() || box.getMaxX() > plotArea.getMaxX()) {
                return false;
            }
            if (previous != null) {
                Area overlap = new Area(towardsPrevious.createTransformedShape(outline));
                overlap.intersect(previous);
                if (!overlap.isEmpty()) {
                    return false;
                }
            }
            previous = new Area(outline);
        }
        return true;
    }
}
