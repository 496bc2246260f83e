package io.ecomanalytics.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Histogram bins with "nice" widths (1, 2 or 5 times a power of ten) so that bin edges read as round numbers and
 * there are at most {@link #MAXIMUM_BINS} bars however wide the range is.
 */
final class Histograms {

    static final int MAXIMUM_BINS = 30;

    /** A bin over whole numbers, both ends included: {@code first..last}. */
    record IntegerBin(long first, long last, long people) {

        String label() {
            return first == last ? Formats.count(first) : Formats.count(first) + "\u2013" + Formats.count(last);
        }
    }

    /** A bin over real numbers, {@code [start, end)}. */
    record RealBin(double start, double end, long people) {
    }

    private Histograms() {
    }

    /** Bins a frequency table; empty when nobody is counted. Empty bins inside the range are kept (they are gaps). */
    static List<IntegerBin> integerBins(List<CountFrequency> table) {
        TreeMap<Long, Long> peopleByCount = new TreeMap<>();
        for (CountFrequency row : table) {
            if (row.people() > 0) {
                peopleByCount.merge(row.count(), row.people(), Long::sum);
            }
        }
        if (peopleByCount.isEmpty()) {
            return List.of();
        }
        long minimum = peopleByCount.firstKey();
        long maximum = peopleByCount.lastKey();
        long width = 1;
        for (long magnitude = 1; ; magnitude *= 10) {
            long chosen = 0;
            for (long step : new long[] {1, 2, 5}) {
                long candidate = step * magnitude;
                long origin = Math.floorDiv(minimum, candidate) * candidate;
                if ((maximum - origin) / candidate + 1 <= MAXIMUM_BINS) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen > 0) {
                width = chosen;
                break;
            }
        }
        long origin = Math.floorDiv(minimum, width) * width;
        List<IntegerBin> bins = new ArrayList<>();
        for (long first = origin; first <= maximum; first += width) {
            long last = first + width - 1;
            long people = peopleByCount.subMap(first, true, last, true).values().stream().mapToLong(Long::longValue)
                    .sum();
            bins.add(new IntegerBin(first, last, people));
        }
        return bins;
    }

    /** Bins real values; one bin of width 1 when all values are equal; empty for no values. */
    static List<RealBin> realBins(double[] values) {
        if (values.length == 0) {
            return List.of();
        }
        double minimum = Double.POSITIVE_INFINITY;
        double maximum = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            minimum = Math.min(minimum, value);
            maximum = Math.max(maximum, value);
        }
        double width = niceWidth(maximum - minimum);
        double origin = Math.floor(minimum / width) * width;
        int binCount = (int) Math.floor((maximum - origin) / width) + 1;
        long[] people = new long[binCount];
        for (double value : values) {
            int index = (int) Math.floor((value - origin) / width);
            people[Math.min(Math.max(index, 0), binCount - 1)]++;
        }
        List<RealBin> bins = new ArrayList<>(binCount);
        for (int index = 0; index < binCount; index++) {
            // Edges come from the index, not from repeated addition, so 0.1-wide bins do not drift.
            bins.add(new RealBin(origin + index * width, origin + (index + 1) * width, people[index]));
        }
        return bins;
    }

    private static double niceWidth(double span) {
        if (span <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(span / MAXIMUM_BINS)));
        for (double step : new double[] {1, 2, 5, 10}) {
            // A small allowance keeps 30 equal bins from becoming 31 through floating-point error.
            if (span / (step * magnitude) < MAXIMUM_BINS - 1e-9) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The median of a frequency table (mean of the two middle values when the count is even). */
    static double median(Map<Long, Long> peopleByCount) {
        long total = peopleByCount.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Double.NaN;
        }
        long lowerRank = (total + 1) / 2;
        long upperRank = total / 2 + 1;
        double lower = Double.NaN;
        double upper = Double.NaN;
        long seen = 0;
        for (Map.Entry<Long, Long> entry : new TreeMap<>(peopleByCount).entrySet()) {
            long before = seen;
            seen += entry.getValue();
            if (before < lowerRank && lowerRank <= seen) {
                lower = entry.getKey();
            }
            if (before < upperRank && upperRank <= seen) {
                upper = entry.getKey();
                break;
            }
        }
        return (lower + upper) / 2;
    }
}
