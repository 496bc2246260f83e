package io.ecomanalytics.clv;

import java.util.Objects;

/**
 * One item's labels under two partitions, for example its RFM segment and its planted segment.
 *
 * @param first  the label under the first partition
 * @param second the label under the second partition
 */
public record LabelPair(String first, String second) {

    public LabelPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
