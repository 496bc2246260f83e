package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-customer proportions shrunk toward the population's (empirical Bayes). A customer's counts over K categories
 * (sessions per device, carts abandoned or bought) are taken as Dirichlet-multinomial: the prior's mean is the pooled
 * proportion and its concentration M the method-of-moments estimate from how much the customers' proportions spread
 * beyond what their counts explain (Mosimann 1962); a share is the posterior mean (x_k + M mu_k) / (n + M).
 *
 * <p>Why: most customers have a handful of sessions, and a raw share of 1 out of 1 session is noise that the
 * clustering would read as a strong trait. Shrunk, a customer's share moves from the population's toward their own as
 * their sessions accumulate; a customer without any gets the population's.
 */
final class ShrunkProportions {
    private static final Logger LOG = LoggerFactory.getLogger(ShrunkProportions.class);
    /** Bounds of the intra-customer correlation rho = 1 / (M + 1), so that M stays finite and non-negative. */
    private static final double SMALLEST_CORRELATION = 1e-6;

    private ShrunkProportions() {
    }

    /**
     * Counts of one customer over categories that add up to their trials.
     *
     * @param name       what the counts are of, for the log
     * @param counts     one count column per category (null counts as 0)
     * @param shareNames the share columns to add, for the first {@code shareNames.size()} categories
     */
    record Group(String name, List<Column> counts, List<String> shareNames) {
        Group {
            counts = List.copyOf(counts);
            shareNames = List.copyOf(shareNames);
            if (counts.size() < 2 || shareNames.size() > counts.size()) {
                throw new IllegalArgumentException("a group needs at least two categories and at most one share per"
                        + " category: " + name);
            }
        }
    }

    /** The fitted prior of a group: the population's proportions and the concentration M. */
    record Prior(double[] means, double concentration) {
    }

    /**
     * The table with each group's shares added; one aggregation over the table fits every group's prior.
     */
    static Dataset<Row> withShares(Dataset<Row> table, List<Group> groups) {
        List<Column> withCounts = new ArrayList<>(List.of(col("*")));
        List<Column> statistics = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            Column trials = lit(0.0);
            for (int k = 0; k < group.counts().size(); k++) {
                withCounts.add(count(group.counts().get(k)).as(countName(g, k)));
                trials = trials.plus(count(group.counts().get(k)));
            }
            withCounts.add(trials.as(trialsName(g)));
        }
        Dataset<Row> counted = table.select(withCounts.toArray(Column[]::new));
        for (int g = 0; g < groups.size(); g++) {
            Column trials = col(trialsName(g));
            statistics.add(sum(trials));
            statistics.add(sum(when(trials.gt(0), 1.0).otherwise(0.0)));
            for (int k = 0; k < groups.get(g).counts().size(); k++) {
                Column count = col(countName(g, k));
                statistics.add(sum(count));
                statistics.add(sum(when(trials.gt(0), count.multiply(count).divide(trials)).otherwise(0.0)));
            }
        }
        Row fitted = counted.agg(statistics.get(0), statistics.subList(1, statistics.size()).toArray(Column[]::new))
                .first();
        Dataset<Row> shared = counted;
        int cell = 0;
        List<String> helpers = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int categories = group.counts().size();
            double[] countTotals = new double[categories];
            double[] squaresOverTrials = new double[categories];
            double trialTotal = fitted.isNullAt(cell) ? 0 : fitted.getDouble(cell);
            double customersWithTrials = fitted.isNullAt(cell + 1) ? 0 : fitted.getDouble(cell + 1);
            cell += 2;
            for (int k = 0; k < categories; k++) {
                countTotals[k] = fitted.isNullAt(cell) ? 0 : fitted.getDouble(cell);
                squaresOverTrials[k] = fitted.isNullAt(cell + 1) ? 0 : fitted.getDouble(cell + 1);
                cell += 2;
            }
            Prior prior = prior(countTotals, squaresOverTrials, trialTotal, customersWithTrials);
            LOG.debug(String.format(Locale.ROOT, "segments: %s shrunk toward the population's proportions with a"
                    + " prior worth %.2f trials", group.name(), prior.concentration()));
            for (int k = 0; k < group.shareNames().size(); k++) {
                Column trials = col(trialsName(g));
                Column share = trialTotal == 0 ? lit(0.0)
                        : when(trials.gt(0), col(countName(g, k)).plus(prior.concentration() * prior.means()[k])
                                .divide(trials.plus(prior.concentration())))
                                .otherwise(lit(prior.means()[k]));
                shared = shared.withColumn(group.shareNames().get(k), share);
            }
            for (int k = 0; k < categories; k++) {
                helpers.add(countName(g, k));
            }
            helpers.add(trialsName(g));
        }
        return shared.drop(helpers.toArray(String[]::new));
    }

    /**
     * The prior from the pooled sums over customers with at least one trial: mu_k = X_k / N, the Pearson statistic
     * chi = sum_i n_i sum_k (p_ik - mu_k)^2 / mu_k = sum_k (sum_i x_ik^2 / n_i) / mu_k - N, whose expectation under
     * the Dirichlet-multinomial is (K - 1)(m + (N - m) rho) with K the categories that occur; so
     * rho = (chi / (K - 1) - m) / (N - m), M = 1/rho - 1. Without customers of two or more trials, or with one
     * category only, the spread says nothing about rho, and nothing is shrunk (M = 0).
     *
     * @param countTotals       X_k, every customer's count of category k, summed
     * @param squaresOverTrials sum_i x_ik^2 / n_i
     * @param trialTotal        N, every customer's trials, summed
     * @param customers         m, the customers with at least one trial
     */
    static Prior prior(double[] countTotals, double[] squaresOverTrials, double trialTotal, double customers) {
        int categories = countTotals.length;
        double[] means = new double[categories];
        if (trialTotal == 0) {
            return new Prior(means, 0);
        }
        double pearson = -trialTotal;
        int occurring = 0;
        for (int k = 0; k < categories; k++) {
            means[k] = countTotals[k] / trialTotal;
            if (means[k] > 0) {
                pearson += squaresOverTrials[k] / means[k];
                occurring++;
            }
        }
        if (trialTotal <= customers || occurring < 2) {
            return new Prior(means, 0);
        }
        double correlation = (pearson / (occurring - 1) - customers) / (trialTotal - customers);
        double bounded = Math.min(1, Math.max(SMALLEST_CORRELATION, correlation));
        return new Prior(means, 1 / bounded - 1);
    }

    private static Column count(Column column) {
        return coalesce(column.cast("double"), lit(0.0));
    }

    private static String countName(int group, int category) {
        return "shrink_" + group + "_count_" + category;
    }

    private static String trialsName(int group) {
        return "shrink_" + group + "_trials";
    }
}
