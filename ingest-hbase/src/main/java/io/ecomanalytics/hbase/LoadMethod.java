package io.ecomanalytics.hbase;

/** How the session loader writes. */
public enum LoadMethod {
    /** Puts through a client-side write buffer (a {@code BufferedMutator}): simple, works against any cluster. */
    BUFFERED_MUTATOR,
    /**
     * Sorted cells written as HFiles into a staging folder, one set per region, then handed to the region servers
     * in one bulk load: no write-ahead log, no memstore, no flushes; for large loads.
     */
    BULK_LOAD
}
