package io.ecomanalytics.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Argument checks shared by the input records; every message names the record and field at fault. */
final class Validation {

    private Validation() {
    }

    static String requireText(String value, String record, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(record + "." + field + " is " + (value == null ? "null" : "blank")
                    + "; pass a non-empty " + field + " (use the id when no name is known)");
        }
        return value;
    }

    static double requireFinite(double value, String record, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(record + "." + field + " is " + value
                    + "; pass a finite number (an upstream division by zero or a missing value is the usual cause)");
        }
        return value;
    }

    static double requireNonNegative(double value, String record, String field) {
        requireFinite(value, record, field);
        if (value < 0) {
            throw new IllegalArgumentException(record + "." + field + " is " + value + "; it cannot be negative");
        }
        return value;
    }

    static long requireNonNegative(long value, String record, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(record + "." + field + " is " + value + "; it cannot be negative");
        }
        return value;
    }

    static <T> List<T> copyOfTable(List<T> rows, String record, String field) {
        if (rows == null) {
            throw new IllegalArgumentException(record + "." + field
                    + " is null; pass an empty list when there is no data (the chart then says so)");
        }
        List<T> copy = new ArrayList<>(rows.size());
        for (int index = 0; index < rows.size(); index++) {
            T row = rows.get(index);
            if (row == null) {
                throw new IllegalArgumentException(record + "." + field + " has a null row at index " + index
                        + "; drop it before building the " + record);
            }
            copy.add(row);
        }
        return Collections.unmodifiableList(copy);
    }
}
