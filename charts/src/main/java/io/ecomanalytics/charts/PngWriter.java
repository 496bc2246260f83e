package io.ecomanalytics.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;

/** Draws a chart at its logical size, scales it to the requested pixels and writes a PNG that records its DPI. */
final class PngWriter {

    private static final String PNG_METADATA = "javax_imageio_png_1.0";
    private static final double METRES_PER_INCH = 0.0254;

    private PngWriter() {
    }

    static void write(JFreeChart chart, ChartStyle style, Path file) throws IOException {
        BufferedImage image = new BufferedImage(style.pixelWidth(), style.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = graphics(image, style);
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, style.width(), style.height()));
        } finally {
            graphics.dispose();
        }

        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("No PNG writer is registered with ImageIO; the JDK's java.desktop module is needed "
                    + "to write " + file);
        }
        ImageWriter writer = writers.next();
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                parameters);
        recordResolution(metadata, style.dotsPerInch());

        // Write beside the target and move, so a reader never sees half a file.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (ImageOutputStream output = ImageIO.createImageOutputStream(partial.toFile())) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, metadata), parameters);
        } finally {
            writer.dispose();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A graphics context on {@code image} (of the style's pixel size) that draws at the style's logical size, with the
     * rendering hints every chart is drawn and its text measured with.
     */
    static Graphics2D graphics(BufferedImage image, ChartStyle style) {
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.scale(style.pixelWidth() / (double) style.width(), style.pixelHeight() / (double) style.height());
        return graphics;
    }

    private static void recordResolution(IIOMetadata metadata, double dotsPerInch) throws IOException {
        // The PNG pHYs chunk counts pixels per metre; the native tree avoids the JDK's lossy standard-tree mapping.
        String pixelsPerMetre = Long.toString(Math.round(dotsPerInch / METRES_PER_INCH));
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(physical);
        try {
            metadata.mergeTree(PNG_METADATA, root);
        } catch (IIOInvalidTreeException exception) {
            throw new IOException("Could not record " + dotsPerInch + " DPI in the PNG metadata: "
                    + exception.getMessage(), exception);
        }
    }
}
