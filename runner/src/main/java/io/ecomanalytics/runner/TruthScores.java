package io.ecomanalytics.runner;

import io.ecomanalytics.clv.ParameterComparison;
import java.util.List;

/**
 * The CLV models scored against the truth a generated dataset was planted with.
 *
 * @param parameters               every fitted parameter (whole period) beside the planted one, in the fit's unit
 * @param aliveAreaUnderCurve      ROC AUC of 1 - P(alive) against planted churn (NaN when one class is empty)
 * @param churnedCustomers         scored customers who had churned by the observation end
 * @param scoredCustomers          customers scored and present in the ground truth
 * @param segmentAdjustedRandIndex adjusted Rand index of the RFM segments against the planted segments
 */
record TruthScores(List<ParameterComparison> parameters, double aliveAreaUnderCurve, long churnedCustomers,
        long scoredCustomers, double segmentAdjustedRandIndex) {

    TruthScores {
        parameters = List.copyOf(parameters);
    }
}
