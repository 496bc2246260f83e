package io.ecomanalytics.charts;

import java.time.Instant;
import java.util.List;

/**
 * Everything the HTML report shows besides the charts, as plain values. Tables are shown in the order given (the
 * runner sorts and cuts them), so the report never reorders what the analysis decided.
 *
 * @param title           the report's heading, for example {@code E-commerce analytics: tiny dataset}
 * @param generatedAt     when the run finished
 * @param headline        the headline figures
 * @param runParameters   the settings of the run, in display order
 * @param topCustomers    top customers by lifetime value
 * @param topCategories   top categories by revenue
 * @param topProductPairs products most often bought together
 * @param modelChecks     the CLV models' checks against the holdout and the planted truth, in display order
 * @param learnedSegments the learned customer segments' profiles, in display order; empty when there are none
 * @param recommendations example customers' recommended lists, in display order
 */
public record ReportData(String title, Instant generatedAt, HeadlineFigures headline,
                         List<RunParameter> runParameters, List<TopCustomer> topCustomers,
                         List<CategoryRevenue> topCategories, List<ProductPair> topProductPairs,
                         List<ModelCheck> modelChecks, List<LearnedSegment> learnedSegments,
                         List<CustomerRecommendations> recommendations) {

    public ReportData {
        Validation.requireText(title, "ReportData", "title");
        if (generatedAt == null || headline == null) {
            throw new IllegalArgumentException("ReportData." + (generatedAt == null ? "generatedAt" : "headline")
                    + " is null; the report needs the run's finish time and its headline figures");
        }
        runParameters = Validation.copyOfTable(runParameters, "ReportData", "runParameters");
        topCustomers = Validation.copyOfTable(topCustomers, "ReportData", "topCustomers");
        topCategories = Validation.copyOfTable(topCategories, "ReportData", "topCategories");
        topProductPairs = Validation.copyOfTable(topProductPairs, "ReportData", "topProductPairs");
        modelChecks = Validation.copyOfTable(modelChecks, "ReportData", "modelChecks");
        learnedSegments = Validation.copyOfTable(learnedSegments, "ReportData", "learnedSegments");
        recommendations = Validation.copyOfTable(recommendations, "ReportData", "recommendations");
    }

    /** Report data without learned segments and recommendations. */
    public ReportData(String title, Instant generatedAt, HeadlineFigures headline, List<RunParameter> runParameters,
            List<TopCustomer> topCustomers, List<CategoryRevenue> topCategories, List<ProductPair> topProductPairs,
            List<ModelCheck> modelChecks) {
        this(title, generatedAt, headline, runParameters, topCustomers, topCategories, topProductPairs, modelChecks,
                List.of(), List.of());
    }
}
