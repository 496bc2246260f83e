package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
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

        OutputFolder output = OutputFolder.prepare(target.toUri(), new Configuration());
        Files.writeString(output.driverFiles().resolve("report.html"), "new report");
        assertThat(Files.readString(target.resolve("report.html"))).as("untouched until commit").isEqualTo("old report");
        output.commit();

        assertThat(Files.readString(target.resolve("report.html"))).isEqualTo("new report");
        assertThat(target.resolve("old-only.txt")).doesNotExist();
        assertThat(entries(temp)).containsExactly("output");
    }

    @Test
    void abandonKeepsThePreviousResultsAndDropsTheStaging() throws IOException {
        Path target = temp.resolve("output");
        Files.createDirectories(target);
        Files.writeString(target.resolve("report.html"), "old report");

        OutputFolder output = OutputFolder.prepare(target.toUri(), new Configuration());
        Files.writeString(output.driverFiles().resolve("half-written.csv"), "a,b");
        output.abandon();

        assertThat(Files.readString(target.resolve("report.html"))).isEqualTo("old report");
        assertThat(entries(temp)).containsExactly("output");
    }

    @Test
    void aFirstRunCreatesTheTargetAndItsParents() {
        Path target = temp.resolve("nested").resolve("output");

        OutputFolder output = OutputFolder.prepare(target.toUri(), new Configuration());
        output.commit();

        assertThat(target).isDirectory();
    }

    @Test
    void onALocalTargetSparkAndTheDriverWriteIntoTheSameStagingFolder() {
        OutputFolder output = OutputFolder.prepare(temp.resolve("output").toUri(), new Configuration());

        URI sparkPath = URI.create(output.sparkPath("parquet/revenue_by_category"));
        assertThat(sparkPath.getScheme()).isEqualTo("file");
        assertThat(Path.of(sparkPath)).isEqualTo(output.driverFiles().resolve("parquet/revenue_by_category"));
        output.abandon();
    }

    @Test
    void onAnotherFilesystemTheDriverFilesAreUploadedAtCommit() throws IOException {
        Path disk = temp.resolve("remote");
        URI target = URI.create(ElsewhereFileSystem.SCHEME + "://" + disk.resolve("results").toUri().getPath());
        Configuration hadoop = ElsewhereFileSystem.configuration();

        OutputFolder output = OutputFolder.prepare(target, hadoop);
        assertThat(output.sparkPath("parquet/part-0")).startsWith(ElsewhereFileSystem.SCHEME + ":/");
        assertThat(output.driverFiles().startsWith(disk)).as("the driver writes locally").isFalse();
        Files.createDirectories(output.driverFiles().resolve("charts"));
        Files.writeString(output.driverFiles().resolve("charts/revenue.png"), "png bytes");
        Files.writeString(output.driverFiles().resolve("report.html"), "report");
        FileSystem remote = new org.apache.hadoop.fs.Path(target).getFileSystem(hadoop);
        try (OutputStream part = remote.create(new org.apache.hadoop.fs.Path(output.sparkPath("parquet/part-0")))) {
            part.write("parquet bytes".getBytes(StandardCharsets.UTF_8));
        }
        Path driverFiles = output.driverFiles();
        output.commit();

        Path results = disk.resolve("results");
        assertThat(Files.readString(results.resolve("charts/revenue.png"))).isEqualTo("png bytes");
        assertThat(Files.readString(results.resolve("report.html"))).isEqualTo("report");
        assertThat(Files.readString(results.resolve("parquet/part-0"))).isEqualTo("parquet bytes");
        assertThat(entries(disk)).containsExactly("results");
        assertThat(driverFiles).as("the local copy is gone").doesNotExist();
    }

    @Test
    void aLocationIsAUriWithASchemeOrALocalPath() {
        assertThat(OutputFolder.location("hdfs://namenode:8020/ecom/results"))
                .isEqualTo(URI.create("hdfs://namenode:8020/ecom/results"));
        assertThat(OutputFolder.location("output"))
                .isEqualTo(Path.of("output").toAbsolutePath().normalize().toUri());
        assertThat(OutputFolder.child(URI.create("s3a://bucket/bench"), "small"))
                .isEqualTo(URI.create("s3a://bucket/bench/small"));
    }

    @Test
    void refusesAnEmptyLocationAndAFilesystemRoot() {
        assertThatThrownBy(() -> OutputFolder.location(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The results folder is empty; give a path or a URI");
        assertThatThrownBy(() -> OutputFolder.prepare(URI.create("file:///"), new Configuration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is the root of its filesystem");
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }
}
