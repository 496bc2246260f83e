package io.ecomanalytics.charts;

import java.time.LocalDate;

/**
 * Revenue of one calendar day (UTC). Days missing from the table are drawn as days without revenue.
 *
 * @param day     the day
 * @param revenue revenue in currency units
 */
public record DailyRevenue(LocalDate day, double revenue) {

    public DailyRevenue {
        if (day == null) {
            throw new IllegalArgumentException("DailyRevenue.day is null; pass the UTC calendar day of the revenue");
        }
        Validation.requireFinite(revenue, "DailyRevenue", "revenue");
    }
}
