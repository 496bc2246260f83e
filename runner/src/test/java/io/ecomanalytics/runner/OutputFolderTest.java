package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path temp;

    @Test
    void commitReplacesThePreviousResultsAsAWholeAndLeavesNothingBeside() throws IOException {
        Path target = temp.resolve("output");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old-only.txt"), "from the previous run");
        Files.writeString(target.resolve("report.html"), "old report");

        OutputFolder output = OutputFolder.prepare(target);
        Files.writeString(output.staging().resolve("report.html"), "new report");
        assertThat(Files.readString(target.resolve("report.html"))).as("untouched until commit").isEqualTo("old report");
        output.commit();

        assertThat(Files.readString(target.resolve("report.html"))).isEqualTo("new report");
        assertThat(target.resolve("old-only.txt")).doesNotExist();
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("output");
        }
    }

    @Test
    void abandonKeepsThePreviousResultsAndDropsTheStaging() throws IOException {
        Path target = temp.resolve("output");
        Files.createDirectories(target);
        Files.writeString(target.resolve("report.html"), "old report");

        OutputFolder output = OutputFolder.prepare(target);
        Files.writeString(output.staging().resolve("half-written.csv"), "a,b");
        output.abandon();

        assertThat(Files.readString(target.resolve("report.html"))).isEqualTo("old report");
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("output");
        }
    }

    @Test
    void aFirstRunCreatesTheTargetAndItsParents() {
        Path target = temp.resolve("nested").resolve("output");

        OutputFolder output = OutputFolder.prepare(target);
        output.commit();

        assertThat(target).isDirectory();
    }
}
