package io.ecomanalytics.clv;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The outcome of {@link ClvFit#run}: both fits, the settings they were made with, and where the predictions are.
 *
 * @param calibrationEnd      the calibration end used
 * @param unit                the time unit of the summaries and of the BG/NBD parameters
 * @param grouping            what counted as one purchase in the summaries
 * @param horizonMonths       the prediction horizon
 * @param monthlyDiscountRate the monthly discount rate of the lifetime values
 * @param purchaseFit         the BG/NBD fit
 * @param spendFit            the Gamma-Gamma fit
 * @param predictionsFile     the per-customer predictions CSV
 */
public record ClvFitResult(LocalDate calibrationEnd, ClvTimeUnit unit, PurchaseGrouping grouping, int horizonMonths,
                           double monthlyDiscountRate, BgNbdFit purchaseFit, GammaGammaFit spendFit,
                           Path predictionsFile) {

    /**
     * A compact JSON object: {@code calibration_end}, {@code unit}, {@code purchase_grouping} ({@code exact_time} or
     * {@code calendar_day}), {@code horizon_months}, {@code monthly_discount_rate}, {@code predictions}, then
     * {@code bg_nbd} and {@code gamma_gamma}, each with {@code customers}, {@code log_likelihood}, {@code parameters}
     * and {@code standard_errors} (null where unavailable).
     */
    public String toJson() {
        BgNbdParameters bg = purchaseFit.parameters();
        BgNbdFit.StandardErrors bgErrors = purchaseFit.standardErrors();
        GammaGammaParameters gg = spendFit.parameters();
        GammaGammaFit.StandardErrors ggErrors = spendFit.standardErrors();
        return "{\"calibration_end\":\"" + calibrationEnd + "\""
                + ",\"unit\":\"" + unit.name().toLowerCase(Locale.ROOT) + "\""
                + ",\"purchase_grouping\":\"" + grouping.name().toLowerCase(Locale.ROOT) + "\""
                + ",\"horizon_months\":" + horizonMonths
                + ",\"monthly_discount_rate\":" + number(monthlyDiscountRate)
                + ",\"predictions\":" + string(predictionsFile.toString())
                + ",\"bg_nbd\":{\"customers\":" + purchaseFit.customers()
                + ",\"log_likelihood\":" + number(purchaseFit.logLikelihood())
                + ",\"parameters\":{\"r\":" + number(bg.r()) + ",\"alpha\":" + number(bg.alpha())
                + ",\"a\":" + number(bg.a()) + ",\"b\":" + number(bg.b()) + "}"
                + ",\"standard_errors\":{\"r\":" + number(bgErrors.r()) + ",\"alpha\":" + number(bgErrors.alpha())
                + ",\"a\":" + number(bgErrors.a()) + ",\"b\":" + number(bgErrors.b()) + "}}"
                + ",\"gamma_gamma\":{\"customers\":" + spendFit.customers()
                + ",\"log_likelihood\":" + number(spendFit.logLikelihood())
                + ",\"parameters\":{\"p\":" + number(gg.p()) + ",\"q\":" + number(gg.q())
                + ",\"gamma\":" + number(gg.gamma()) + "}"
                + ",\"standard_errors\":{\"p\":" + number(ggErrors.p()) + ",\"q\":" + number(ggErrors.q())
                + ",\"gamma\":" + number(ggErrors.gamma()) + "}}}";
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    private static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
