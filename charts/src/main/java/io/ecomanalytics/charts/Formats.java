package io.ecomanalytics.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Number formats shared by the charts and the report. Amounts are shown in US dollars with thousands separators;
 * no number is ever printed in scientific notation. Halves round up, as readers expect ($412.50 shows as $413).
 * {@link DecimalFormat} is not thread-safe, so every call builds a fresh instance.
 */
final class Formats {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);

    private Formats() {
    }

    /** Whole currency units for axes and headline totals: {@code $4,500,000}, {@code -$12}. */
    static NumberFormat wholeCurrencyFormat() {
        return format("$#,##0;-$#,##0");
    }

    /** Currency with cents for per-customer and per-order amounts: {@code $1,234.50}. */
    static NumberFormat currencyFormat() {
        return format("$#,##0.00;-$#,##0.00");
    }

    /** Whole numbers with thousands separators: {@code 12,345}. */
    static NumberFormat countFormat() {
        return format("#,##0");
    }

    /** A fraction shown as a percentage with one decimal: 0.1234 gives {@code 12.3%}. */
    static NumberFormat percentFormat() {
        return format("#,##0.0%");
    }

    /** A fraction as a whole percentage, for scale ticks: 0.3 gives {@code 30%}. */
    static NumberFormat wholePercentFormat() {
        return format("0%");
    }

    /** Decimal numbers with at most one decimal: {@code 1,234.5}. */
    static NumberFormat decimalFormat() {
        return format("#,##0.#");
    }

    /** Decimal numbers with at most two decimals: {@code 0.25}. */
    static NumberFormat preciseDecimalFormat() {
        return format("#,##0.##");
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    static String wholeCurrency(double amount) {
        return wholeCurrencyFormat().format(amount);
    }

    static String currency(double amount) {
        return currencyFormat().format(amount);
    }

    static String count(long count) {
        return countFormat().format(count);
    }

    static String percent(double fraction) {
        return percentFormat().format(fraction);
    }

    static String decimal(double value) {
        return decimalFormat().format(value);
    }

    /** "1 customer", "2 customers". */
    static String quantity(long count, String singular, String plural) {
        return count(count) + " " + (count == 1 ? singular : plural);
    }
}
