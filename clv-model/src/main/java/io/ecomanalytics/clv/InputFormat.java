package io.ecomanalytics.clv;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The purchase-log formats {@link ClvFit} reads; see {@link PurchaseLogs} for their layouts. */
public enum InputFormat {
    /** The CDNOW text log (sample or master layout). */
    CDNOW(PurchaseLogs::readCdnow),
    /** A CSV with the header {@code customer_id,timestamp,amount}. */
    TRANSACTIONS(PurchaseLogs::readTransactionsCsv);

    private final Function<Path, List<Purchase>> reader;

    InputFormat(Function<Path, List<Purchase>> reader) {
        this.reader = reader;
    }

    /** Reads every purchase of the file. */
    public List<Purchase> read(Path file) {
        return reader.apply(file);
    }
}
