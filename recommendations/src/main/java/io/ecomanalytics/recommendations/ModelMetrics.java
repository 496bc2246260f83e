package io.ecomanalytics.recommendations;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One model's figures on the evaluation period, averaged over the evaluated customers (those with a purchase in the
 * period that counts, see {@link Evaluation#relevant}).
 *
 * @param model                  the model
 * @param description            what was chosen while fitting (no commas: it goes into CSV files as is)
 * @param k                      the list length
 * @param users                  evaluated customers
 * @param precision              precision@k (hits / k)
 * @param recall                 recall@k (hits / relevant products)
 * @param ndcg                   NDCG@k with binary relevance
 * @param meanAveragePrecision   MAP@k
 * @param catalogueCoverage      distinct recommended products / products in the catalogue
 * @param fullListShare          share of evaluated customers whose list has k products
 * @param plantedCategoryShare   share of recommended products in the customer's planted top categories (generated
 *                               datasets only)
 * @param fitTime                time to fit the model
 * @param evaluationTime         time to recommend for the evaluated customers and score the lists
 */
public record ModelMetrics(ModelKind model, String description, int k, long users, double precision, double recall,
        double ndcg, double meanAveragePrecision, double catalogueCoverage, double fullListShare,
        OptionalDouble plantedCategoryShare, Duration fitTime, Duration evaluationTime) {

    public ModelMetrics {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(plantedCategoryShare, "plantedCategoryShare");
        Objects.requireNonNull(fitTime, "fitTime");
        Objects.requireNonNull(evaluationTime, "evaluationTime");
    }
}
