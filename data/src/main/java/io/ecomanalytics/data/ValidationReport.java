package io.ecomanalytics.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a validation, per file and per rule.
 *
 * @param files         per-file counts, in reading order
 * @param rejectsByRule how many rejects each rule caused (rules with none are absent)
 */
public record ValidationReport(List<FileCounts> files, Map<Rule, Long> rejectsByRule) {

    public ValidationReport {
        files = List.copyOf(files);
        EnumMap<Rule, Long> byRule = new EnumMap<>(Rule.class);
        byRule.putAll(rejectsByRule);
        rejectsByRule = Collections.unmodifiableMap(byRule);
    }

    public long read() {
        return files.stream().mapToLong(FileCounts::read).sum();
    }

    public long accepted() {
        return files.stream().mapToLong(FileCounts::accepted).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileCounts::rejected).sum();
    }

    /** True when read = accepted + rejected in every file and in total, and the per-rule counts add up too. */
    public boolean reconciles() {
        long byRule = rejectsByRule.values().stream().mapToLong(Long::longValue).sum();
        return files.stream().allMatch(FileCounts::reconciles) && read() == accepted() + rejected()
                && byRule == rejected();
    }

    /** A few human-readable lines: one per file, then the totals and the rejects by rule. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (FileCounts file : files) {
            text.append(String.format("%-22s read %,12d  accepted %,12d  rejected %,9d%n", file.file(), file.read(),
                    file.accepted(), file.rejected()));
        }
        text.append(String.format("%-22s read %,12d  accepted %,12d  rejected %,9d%n", "total", read(), accepted(),
                rejected()));
        rejectsByRule.forEach((rule, count) -> text.append(String.format("  rule %-14s %,d%n", rule.wireName(),
                count)));
        return text.toString();
    }
}
