package io.ecomanalytics.runner;

import io.ecomanalytics.clv.ClvFit;
import io.ecomanalytics.clv.ClvFitResult;
import io.ecomanalytics.clv.InputFormat;
import io.ecomanalytics.clv.PurchaseGrouping;
import io.ecomanalytics.clv.ClvTimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Fits BG/NBD and Gamma-Gamma to a purchase log, prints the fit as JSON and writes per-customer predictions. */
@Command(name = "clv-fit", mixinStandardHelpOptions = true,
        description = "Fit BG/NBD + Gamma-Gamma to a purchase log; print the parameters as JSON and write"
                + " per-customer predictions (" + ClvFit.PREDICTIONS_FILE + ") and the fit (" + ClvFit.RESULT_FILE
                + ").")
final class ClvFitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, description = "The purchase log.")
    private Path input;

    @Option(names = "--format", required = true,
            description = "cdnow (the CDNOW text log) or transactions (CSV with header customer_id,timestamp,amount).")
    private String format;

    @Option(names = "--purchase-grouping", paramLabel = "exact-time|calendar-day",
            description = "What counts as one purchase: exact-time (every purchase at its time) or calendar-day (a"
                    + " customer's purchases of one UTC day are one; the convention of the CDNOW results). Default:"
                    + " calendar-day for cdnow, exact-time for transactions.")
    private String purchaseGrouping;

    @Option(names = "--calibration-end",
            description = "Last day of the calibration period, yyyy-MM-dd (default: the day of the latest purchase).")
    private LocalDate calibrationEnd;

    @Option(names = "--unit", defaultValue = "weeks", description = "weeks or days (default: ${DEFAULT-VALUE}).")
    private String unit;

    @Option(names = "--horizon-months", defaultValue = "12",
            description = "Prediction horizon in months (default: ${DEFAULT-VALUE}).")
    private int horizonMonths;

    @Option(names = "--monthly-discount", defaultValue = "0.01",
            description = "Monthly discount rate of the lifetime value (default: ${DEFAULT-VALUE}).")
    private double monthlyDiscount;

    @Option(names = "--out", required = true, description = "Folder for the predictions and the fit.")
    private Path out;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(input)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--input': " + input + " is not a readable file.");
        }
        InputFormat inputFormat = choice(InputFormat.class, "--format", format);
        PurchaseGrouping grouping = purchaseGrouping == null ? inputFormat.defaultGrouping()
                : choice(PurchaseGrouping.class, "--purchase-grouping", purchaseGrouping);
        ClvFitResult result = ClvFit.run(input, inputFormat, grouping, calibrationEnd,
                choice(ClvTimeUnit.class, "--unit", unit), horizonMonths, monthlyDiscount, out);
        spec.commandLine().getOut().println(result.toJson());
        return ExitCodes.OK;
    }

    private <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(value.replace('_', '-'))) {
                return constant;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '"
                + value + "' (expected one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(
                        java.util.Locale.ROOT).replace('_', '-') + ").");
    }
}
