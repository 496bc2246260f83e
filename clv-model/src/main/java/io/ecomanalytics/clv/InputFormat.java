package io.ecomanalytics.clv;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The purchase-log formats {@link ClvFit} reads; see {@link PurchaseLogs} for their layouts. */
public enum InputFormat {
    /** The CDNOW text log (sample or master layout), resolved to days. */
    CDNOW(PurchaseLogs::readCdnow, PurchaseGrouping.CALENDAR_DAY),
    /** A CSV with the header {@code customer_id,timestamp,amount}, with times of day. */
    TRANSACTIONS(PurchaseLogs::readTransactionsCsv, PurchaseGrouping.EXACT_TIME);

    private final Function<Path, List<Purchase>> reader;
    private final PurchaseGrouping defaultGrouping;

    InputFormat(Function<Path, List<Purchase>> reader, PurchaseGrouping defaultGrouping) {
        this.reader = reader;
        this.defaultGrouping = defaultGrouping;
    }

    /** The grouping that matches the format's time resolution; a log of dates only wants calendar days. */
    public PurchaseGrouping defaultGrouping() {
        return defaultGrouping;
    }

    /** Reads every purchase of the file. */
    public List<Purchase> read(Path file) {
        return reader.apply(file);
    }
}
