package io.ecomanalytics.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium, offline, as a reader would: the page text must show the headline numbers
 * and the screenshot must show the charts. Skipped, with a reason, where Chromium is not installed.
 */
class HtmlReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int WINDOW_WIDTH = 1280;
    private static final int WINDOW_HEIGHT = 9000;

    @TempDir
    Path directory;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM + ", so the report "
                + "cannot be opened in a browser; install it with `apt-get install -y chromium` (.ci/run does) "
                + "to run this test");
    }

    @Test
    void theReportOpensOfflineAndShowsTheHeadlineNumbersAndCharts() throws Exception {
        List<RenderedChart> charts = Charts.renderAll(Fixtures.realistic(500, 9), directory.resolve("charts"),
                ChartStyle.defaults());
        Path report = directory.resolve("report.html");
        HtmlReport.write(Fixtures.reportData(), charts, report);

        Path dom = directory.resolve("dom.html");
        runChromium(List.of("--dump-dom", report.toUri().toString()), dom);
        String text = visibleText(Files.readString(dom));

        assertThat(text).contains("E-commerce analytics: fixture run",
                "Revenue $4,512,346",
                "Orders 45,678",
                "Customers 9,876",
                "Conversion rate 2.9% 58,000 of 2,000,000 sessions ended in an order",
                "Average order value $98.79",
                "Top category Electronics & <Gadgets>",
                "Dataset scale small (10,000 users)");
        for (RenderedChart chart : charts) {
            assertThat(text).contains(chart.takeaway());
        }

        Path screenshot = directory.resolve("report.png");
        runChromium(List.of("--screenshot=" + screenshot, "--hide-scrollbars",
                "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT, report.toUri().toString()),
                directory.resolve("screenshot.log"));
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(WINDOW_WIDTH);
        assertThat(image.getHeight()).isEqualTo(WINDOW_HEIGHT);
        // Bars fill large areas with the theme's blue; only decoded, displayed charts produce that many pixels.
        assertThat(countPixels(image, Theme.BLUE.getRGB())).isGreaterThan(50_000);
        keepForInspection(screenshot);
    }

    private void runChromium(List<String> arguments, Path standardOutput) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(directory, "chromium-profile");
        Path log = Files.createTempFile(directory, "chromium", ".log");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectOutput(standardOutput.toFile())
                .redirectError(log.toFile())
                .start();
        try {
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                fail("Chromium did not finish within " + DEADLINE.toSeconds() + " s (" + String.join(" ", command)
                        + "); its log ends with: " + tail(log));
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        assertThat(process.exitValue()).as("Chromium exit code; its log ends with: %s", tail(log)).isZero();
    }

    private static String tail(Path log) throws IOException {
        String content = Files.readString(log);
        return content.length() <= 2_000 ? content : content.substring(content.length() - 2_000);
    }

    /** The page's text as a reader sees it: no head, no tags, entities decoded, whitespace collapsed. */
    private static String visibleText(String dom) {
        String body = dom.replaceAll("(?s)<head>.*?</head>", " ");
        String text = body.replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").trim();
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void keepForInspection(Path screenshot) throws IOException {
        Path kept = Path.of("target", "report-screenshot.png");
        Files.createDirectories(kept.getParent());
        Files.copy(screenshot, kept, StandardCopyOption.REPLACE_EXISTING);
    }
}
