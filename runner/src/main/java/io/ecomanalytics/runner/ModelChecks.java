package io.ecomanalytics.runner;

import io.ecomanalytics.charts.ModelCheck;
import io.ecomanalytics.clv.FrequencyGroup;
import io.ecomanalytics.clv.HoldoutValidation;
import io.ecomanalytics.clv.ParameterComparison;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How well the CLV models did: the holdout check of every run and, for a generated dataset, the scores against its
 * planted truth. Printed by {@code run}, written to the run summary and shown in the report.
 *
 * @param calibrationEnd the last day of the calibration period
 * @param holdoutEnd     the last day of the holdout period (the observation end's day)
 * @param holdout        the models fitted on the calibration period and their holdout predictions
 * @param truth          the scores against the planted truth, when the dataset has a {@code ground_truth/} folder
 */
record ModelChecks(LocalDate calibrationEnd, LocalDate holdoutEnd, HoldoutValidation holdout,
        Optional<TruthScores> truth) {

    /** One readable block for the console. */
    String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "CLV holdout check: fitted to %s, holdout %s to %s (%.0f days),"
                        + " %,d customers%n", calibrationEnd, calibrationEnd.plusDays(1), holdoutEnd,
                holdout.holdoutDuration(), holdout.customers()));
        text.append(String.format(Locale.ROOT, "  holdout purchases  predicted %,.1f, actual %,d (%+.1f %%)%n",
                holdout.predictedPurchases(), holdout.actualPurchases(), 100 * holdout.purchaseError()));
        text.append(String.format(Locale.ROOT, "  holdout spend      predicted %,.2f, actual %,.2f (%+.1f %%)%n",
                holdout.predictedSpend(), holdout.actualSpend(), 100 * holdout.spendError()));
        text.append(String.format(Locale.ROOT, "  per customer       MAE %.3f, RMSE %.3f purchases%n",
                holdout.meanAbsoluteError(), holdout.rootMeanSquaredError()));
        text.append(String.format(Locale.ROOT, "  %-22s %10s %10s %10s%n", "calibration purchases", "customers",
                "predicted", "actual"));
        for (FrequencyGroup group : holdout.byCalibrationFrequency()) {
            text.append(String.format(Locale.ROOT, "  %-22s %,10d %10.3f %10.3f%n", group.label(),
                    group.customers(), group.meanPredicted(), group.meanActual()));
        }
        truth.ifPresent(scores -> {
            text.append(String.format(Locale.ROOT, "Planted truth (ground_truth/), %,d customers%n",
                    scores.scoredCustomers()));
            text.append(String.format(Locale.ROOT, "  P(alive) against planted churn: ROC AUC %.3f (%,d churned)%n",
                    scores.aliveAreaUnderCurve(), scores.churnedCustomers()));
            text.append(String.format(Locale.ROOT, "  RFM segments against planted segments: adjusted Rand index"
                    + " %.3f%n", scores.segmentAdjustedRandIndex()));
            text.append(String.format(Locale.ROOT, "  %-18s %12s %12s %12s %8s%n", "parameter (days)", "planted",
                    "fitted", "std. error", "± 3 SE"));
            for (ParameterComparison parameter : scores.parameters()) {
                text.append(String.format(Locale.ROOT, "  %-18s %12.4f %12.4f %12.4f %8s%n",
                        parameter.parameter().model().jsonName() + " " + parameter.parameter().jsonName(),
                        parameter.planted(), parameter.fitted(), parameter.standardError(),
                        parameter.withinThreeStandardErrors() ? "yes" : "no"));
            }
        });
        return text.toString();
    }

    /** The {@code holdout} object of the run summary. */
    Map<String, Object> holdoutSummary() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("calibration_end", calibrationEnd.toString());
        result.put("holdout_end", holdoutEnd.toString());
        result.put("holdout_days", holdout.holdoutDuration());
        result.put("customers", holdout.customers());
        result.put("predicted_purchases", holdout.predictedPurchases());
        result.put("actual_purchases", holdout.actualPurchases());
        result.put("purchase_error", holdout.purchaseError());
        result.put("predicted_spend", holdout.predictedSpend());
        result.put("actual_spend", holdout.actualSpend());
        result.put("spend_error", holdout.spendError());
        result.put("mean_absolute_error", holdout.meanAbsoluteError());
        result.put("root_mean_squared_error", holdout.rootMeanSquaredError());
        result.put("by_calibration_purchases", holdout.byCalibrationFrequency().stream()
                .map(group -> ordered("calibration_purchases", group.label(), "customers", group.customers(),
                        "mean_predicted", group.meanPredicted(), "mean_actual", group.meanActual()))
                .toList());
        var purchases = holdout.purchaseFit();
        result.put("calibration_bg_nbd", ordered("r", purchases.parameters().r(),
                "alpha", purchases.parameters().alpha(), "a", purchases.parameters().a(),
                "b", purchases.parameters().b()));
        var spend = holdout.spendFit();
        result.put("calibration_gamma_gamma", ordered("p", spend.parameters().p(), "q", spend.parameters().q(),
                "gamma", spend.parameters().gamma()));
        return result;
    }

    /** The {@code truth} object of the run summary, when there is a ground truth. */
    Optional<Map<String, Object>> truthSummary() {
        return truth.map(scores -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("customers", scores.scoredCustomers());
            result.put("churned_customers", scores.churnedCustomers());
            result.put("p_alive_auc", scores.aliveAreaUnderCurve());
            result.put("rfm_segments_ari", scores.segmentAdjustedRandIndex());
            result.put("time_unit", "days");
            Map<String, Map<String, Object>> models = new LinkedHashMap<>();
            for (ParameterComparison parameter : scores.parameters()) {
                models.computeIfAbsent(parameter.parameter().model().jsonName(), model -> new LinkedHashMap<>())
                        .put(parameter.parameter().jsonName(), ordered("planted", parameter.planted(),
                                "fitted", parameter.fitted(), "standard_error", parameter.standardError(),
                                "within_3_standard_errors", parameter.withinThreeStandardErrors()));
            }
            result.putAll(models);
            return result;
        });
    }

    /** The rows of the report's "Model checks" table. */
    List<ModelCheck> reportRows() {
        List<ModelCheck> rows = new ArrayList<>();
        rows.add(new ModelCheck("Holdout period", calibrationEnd.plusDays(1) + " to " + holdoutEnd, String.format(
                Locale.ROOT, "models fitted to %s on %,d customers", calibrationEnd, holdout.customers())));
        rows.add(new ModelCheck("Holdout purchases, predicted / actual", String.format(Locale.ROOT,
                "%,.0f / %,d (%+.1f %%)", holdout.predictedPurchases(), holdout.actualPurchases(),
                100 * holdout.purchaseError()), Math.abs(holdout.purchaseError()) <= 0.1 ? "within 10 %"
                : "more than 10 % off"));
        rows.add(new ModelCheck("Holdout spend, predicted / actual", String.format(Locale.ROOT,
                "$%,.0f / $%,.0f (%+.1f %%)", holdout.predictedSpend(), holdout.actualSpend(),
                100 * holdout.spendError()), ""));
        rows.add(new ModelCheck("Holdout purchases per customer, MAE / RMSE", String.format(Locale.ROOT,
                "%.2f / %.2f", holdout.meanAbsoluteError(), holdout.rootMeanSquaredError()), ""));
        truth.ifPresent(scores -> {
            rows.add(new ModelCheck("P(alive) against planted churn, ROC AUC", String.format(Locale.ROOT, "%.3f",
                    scores.aliveAreaUnderCurve()), String.format(Locale.ROOT, "%,d churned of %,d customers",
                    scores.churnedCustomers(), scores.scoredCustomers())));
            rows.add(new ModelCheck("RFM segments against planted segments, adjusted Rand index",
                    String.format(Locale.ROOT, "%.3f", scores.segmentAdjustedRandIndex()),
                    "0 = no better than chance, 1 = the same partition"));
            for (ParameterComparison parameter : scores.parameters()) {
                rows.add(new ModelCheck(parameter.parameter().model().jsonName() + " "
                        + parameter.parameter().jsonName() + ": planted / fitted ± SE", String.format(Locale.ROOT,
                        "%.4g / %.4g ± %.2g", parameter.planted(), parameter.fitted(), parameter.standardError()),
                        parameter.withinThreeStandardErrors() ? "planted within 3 SE"
                                : String.format(Locale.ROOT, "planted %.1f SE away", parameter.standardErrorsAway())));
            }
        });
        return rows;
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
