package io.ecomanalytics.runner;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.DatasetValidator;
import io.ecomanalytics.data.FileCounts;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Validates a dataset folder against the rule table, with no store and no Spark. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate a dataset folder against the rules (no stores, no Spark): print the counts by"
                + " entity and rule, write every reject with its rule to --rejects.",
                "Exit code 0 when every file could be read (rejected records included), 1 when a file is missing or"
                        + " is not a readable JSON array."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The dataset folder.")
    private Path data;

    @Option(names = "--rejects", defaultValue = "rejects.jsonl",
            description = "Where to write the rejects, one JSON line each (default: ${DEFAULT-VALUE}).")
    private Path rejects;

    @Override
    public Integer call() throws IOException {
        CommandArguments.requireFolder(spec, "--data", data);
        DatasetFiles files = DatasetFiles.open(data);
        ValidationReport report;
        try (RejectSink sink = RejectSink.jsonLines(rejects)) {
            report = DatasetValidator.validate(data, sink);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("validated " + data);
        out.print(table(report));
        out.println("rejects by rule: " + (report.rejectsByRule().isEmpty() ? "none"
                : String.join(", ", report.rejectsByRule().entrySet().stream()
                        .map(entry -> entry.getKey().wireName() + " " + entry.getValue()).toList())));
        for (Path ignored : ignoredFiles(files)) {
            out.println("ignored " + ignored.getFileName() + ": not one of the dataset's files");
        }
        out.println("rejects written to " + rejects);
        return ExitCodes.OK;
    }

    private static String table(ValidationReport report) {
        Map<String, FileCounts> byEntity = new LinkedHashMap<>();
        for (FileCounts file : report.files()) {
            byEntity.merge(file.entity(), file, (sum, next) -> new FileCounts(sum.file(), sum.entity(),
                    sum.read() + next.read(), sum.accepted() + next.accepted(), sum.rejected() + next.rejected()));
        }
        List<List<String>> rows = new ArrayList<>();
        byEntity.forEach((entity, counts) -> rows.add(List.of(entity, String.valueOf(counts.read()),
                String.valueOf(counts.accepted()), String.valueOf(counts.rejected()))));
        rows.add(List.of("total", String.valueOf(report.read()), String.valueOf(report.accepted()),
                String.valueOf(report.rejected())));
        return TextTables.aligned(List.of("entity", "read", "accepted", "rejected"), rows);
    }

    /** Regular files in the folder that the dataset does not read, so that nothing is skipped unseen. */
    private static List<Path> ignoredFiles(DatasetFiles files) {
        Set<Path> read = Set.copyOf(files.allFiles());
        try (Stream<Path> entries = Files.list(files.folder())) {
            return entries.filter(Files::isRegularFile).filter(path -> !read.contains(path)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the dataset folder " + files.folder(), e);
        }
    }
}
