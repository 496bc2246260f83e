package io.ecomanalytics.charts;

/**
 * One setting of the run, shown in the report so a reader knows what produced the numbers.
 *
 * @param name  for example {@code Dataset scale}
 * @param value for example {@code tiny (1,000 users)}
 */
public record RunParameter(String name, String value) {

    public RunParameter {
        Validation.requireText(name, "RunParameter", "name");
        if (value == null) {
            throw new IllegalArgumentException("RunParameter.value of '" + name + "' is null; pass the setting as "
                    + "text, or an empty string when it is unset");
        }
    }
}
