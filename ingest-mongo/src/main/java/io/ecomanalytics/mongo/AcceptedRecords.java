package io.ecomanalytics.mongo;

import io.ecomanalytics.data.Rule;
import java.util.Iterator;
import java.util.Map;

/** The accepted records of one entity, with the count of records read and of those rejected, by rule. */
interface AcceptedRecords<T> extends Iterator<T>, AutoCloseable {

    /** Records read so far, accepted or rejected. */
    long read();

    /** Records rejected so far, by rule. */
    Map<Rule, Long> rejectedByRule();

    @Override
    void close();
}
