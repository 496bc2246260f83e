package io.ecomanalytics.charts;

/**
 * Size and resolution of the PNG files. Layout (fonts, margins) is done at {@code width} x {@code height} logical
 * pixels and then scaled, so a scale of 2 gives the same picture with twice the pixels for print or dense screens.
 *
 * @param width  logical width in pixels (at 96 DPI)
 * @param height logical height in pixels (at 96 DPI)
 * @param scale  pixels per logical pixel; the PNG is {@code round(width * scale)} pixels wide and records
 *               {@code 96 * scale} dots per inch
 */
public record ChartStyle(int width, int height, double scale) {

    static final int MINIMUM_SIZE = 320;
    static final int MAXIMUM_SIZE = 8000;
    static final double MAXIMUM_SCALE = 8;

    public ChartStyle {
        if (width < MINIMUM_SIZE || width > MAXIMUM_SIZE || height < MINIMUM_SIZE || height > MAXIMUM_SIZE) {
            throw new IllegalArgumentException("ChartStyle size " + width + " x " + height + " is out of range; width "
                    + "and height must lie between " + MINIMUM_SIZE + " and " + MAXIMUM_SIZE
                    + " logical pixels (smaller charts cannot fit their labels)");
        }
        if (!(scale > 0) || scale > MAXIMUM_SCALE) {
            throw new IllegalArgumentException("ChartStyle scale " + scale + " is out of range; pass a number above 0 "
                    + "and at most " + MAXIMUM_SCALE + " (1 for screens, 2 or 3 for print)");
        }
    }

    /** 1000 x 600 at scale 1: readable at 100% zoom in the HTML report. */
    public static ChartStyle defaults() {
        return new ChartStyle(1000, 600, 1);
    }

    public ChartStyle withSize(int newWidth, int newHeight) {
        return new ChartStyle(newWidth, newHeight, scale);
    }

    public ChartStyle withScale(double newScale) {
        return new ChartStyle(width, height, newScale);
    }

    /** Width of the PNG in pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    /** Height of the PNG in pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * scale);
    }

    /** Resolution recorded in the PNG, so print layouts size the image correctly. */
    public double dotsPerInch() {
        return 96 * scale;
    }
}
