package io.ecomanalytics.charts;

/**
 * One row of a frequency table: {@code people} users or customers had exactly {@code count} of something
 * (transactions, sessions). The runner computes this table where the data lives, so only a few hundred rows reach
 * the chart however many users there are.
 *
 * @param count  the number of events one person had
 * @param people how many people had exactly that many
 */
public record CountFrequency(long count, long people) {

    public CountFrequency {
        Validation.requireNonNegative(count, "CountFrequency", "count");
        Validation.requireNonNegative(people, "CountFrequency", "people");
    }
}
