package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java sample in a module README is code that compiles and runs: its lines (comments and spacing aside) appear,
 * in order, in the consumer project's {@code examples/.../LibraryTour.java}, which CI builds against the installed
 * modules and runs.
 */
class ReadmeSamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("ecom.process.projectRoot", ".."));
    private static final Path TOUR = ROOT.resolve("examples/src/main/java/io/ecomanalytics/examples/LibraryTour.java");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    record Sample(String readme, int number, List<String> lines) {
        @Override
        public String toString() {
            return readme + " sample " + number;
        }
    }

    static Stream<Sample> samples() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path readme : modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile)
                    .sorted().toList()) {
                Matcher block = JAVA_BLOCK.matcher(Files.readString(readme));
                int number = 0;
                while (block.find()) {
                    samples.add(new Sample(ROOT.relativize(readme).toString(), ++number, code(block.group(1))));
                }
            }
        }
        assertThat(samples).as("README samples under " + ROOT.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(8);
        return samples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleLineIsInTheTourInOrder(Sample sample) throws IOException {
        List<String> tour = code(Files.readString(TOUR));
        int from = 0;
        for (String line : sample.lines()) {
            int found = tour.subList(from, tour.size()).indexOf(line);
            assertThat(found).as("%s: '%s' is not in %s after line %d of its code", sample, line, TOUR.getFileName(),
                    from).isNotNegative();
            from += found + 1;
        }
    }

    /** Code lines without end-of-line comments, with spacing collapsed; blank lines dropped. */
    private static List<String> code(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String code = line.replaceAll("\\s+//.*$", "").replaceAll("\\s+", " ").strip();
            if (!code.isEmpty() && !code.startsWith("//")) {
                lines.add(code);
            }
        }
        return lines;
    }
}
