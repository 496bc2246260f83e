package io.ecomanalytics.clv;

/** Ranks within a population: how many values lie strictly below a given one. */
final class SortedValues {
    private SortedValues() {
    }

    /** The number of entries of {@code sorted} (ascending) strictly below {@code value}, by binary search. */
    static int countBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
