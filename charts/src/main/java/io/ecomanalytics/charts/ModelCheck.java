package io.ecomanalytics.charts;

/**
 * One figure of the CLV models' checks, shown in the report: against the holdout period, or against the truth a
 * generated dataset was planted with.
 *
 * @param name    for example {@code Holdout purchases, predicted / actual}
 * @param value   for example {@code 3,262 / 3,190 (+2.3 %)}
 * @param verdict what the figure means, for example {@code within 10 %}; empty when there is nothing to add
 */
public record ModelCheck(String name, String value, String verdict) {

    public ModelCheck {
        Validation.requireText(name, "ModelCheck", "name");
        Validation.requireText(value, "ModelCheck", "value");
        if (verdict == null) {
            throw new IllegalArgumentException("ModelCheck.verdict of '" + name + "' is null; pass an empty string"
                    + " when there is nothing to add");
        }
    }
}
