package io.ecomanalytics.clv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode json = JSON.createObjectNode();
        json.put("calibration_end", calibrationEnd.toString());
        json.put("unit", unit.name().toLowerCase(Locale.ROOT));
        json.put("purchase_grouping", grouping.name().toLowerCase(Locale.ROOT));
        json.put("horizon_months", horizonMonths);
        number(json, "monthly_discount_rate", monthlyDiscountRate);
        json.put("predictions", predictionsFile.toString());
        BgNbdParameters bg = purchaseFit.parameters();
        BgNbdFit.StandardErrors bgErrors = purchaseFit.standardErrors();
        ObjectNode bgNbd = fit(json.putObject("bg_nbd"), purchaseFit.customers(), purchaseFit.logLikelihood());
        parameters(bgNbd.putObject("parameters"), bg.r(), bg.alpha(), bg.a(), bg.b());
        parameters(bgNbd.putObject("standard_errors"), bgErrors.r(), bgErrors.alpha(), bgErrors.a(), bgErrors.b());
        GammaGammaParameters gg = spendFit.parameters();
        GammaGammaFit.StandardErrors ggErrors = spendFit.standardErrors();
        ObjectNode gammaGamma = fit(json.putObject("gamma_gamma"), spendFit.customers(), spendFit.logLikelihood());
        spend(gammaGamma.putObject("parameters"), gg.p(), gg.q(), gg.gamma());
        spend(gammaGamma.putObject("standard_errors"), ggErrors.p(), ggErrors.q(), ggErrors.gamma());
        return json.toString();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode fit(ObjectNode node, long customers, double logLikelihood) {
        node.put("customers", customers);
        number(node, "log_likelihood", logLikelihood);
        return node;
    }

    private static void parameters(ObjectNode node, double r, double alpha, double a, double b) {
        number(node, "r", r);
        number(node, "alpha", alpha);
        number(node, "a", a);
        number(node, "b", b);
    }

    private static void spend(ObjectNode node, double p, double q, double gamma) {
        number(node, "p", p);
        number(node, "q", q);
        number(node, "gamma", gamma);
    }

    /** JSON has no NaN or infinity: a value that is not finite (an unavailable standard error) is null. */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
