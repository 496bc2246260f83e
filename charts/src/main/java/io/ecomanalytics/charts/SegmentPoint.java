package io.ecomanalytics.charts;

/**
 * A customer on the first two principal components of the segment features, with its learned segment (chart 13).
 *
 * @param firstComponent  coordinate on the first principal component
 * @param secondComponent coordinate on the second principal component
 * @param segment         the learned segment's name, for example {@code segment 1}
 */
public record SegmentPoint(double firstComponent, double secondComponent, String segment) {

    public SegmentPoint {
        Validation.requireFinite(firstComponent, "SegmentPoint", "firstComponent");
        Validation.requireFinite(secondComponent, "SegmentPoint", "secondComponent");
        Validation.requireText(segment, "SegmentPoint", "segment");
    }
}
