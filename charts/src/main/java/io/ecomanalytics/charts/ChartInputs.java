package io.ecomanalytics.charts;

import java.util.List;

/**
 * Every table the charts are drawn from. An empty table is allowed: its chart says there is no data.
 * Start from {@link #empty()} and fill the tables with the {@code with...} methods.
 *
 * @param categoryRevenue          revenue per product category (chart 1; order does not matter)
 * @param lifetimeValues           lifetime value and segment per customer (charts 2 and 9)
 * @param transactionsPerCustomer  how many customers made how many transactions (chart 3)
 * @param sessionsPerUser          how many users had how many sessions (chart 4)
 * @param engagement               sessions, average session duration and sales per user (charts 5 and 6)
 * @param engagedSessionThreshold  users with more sessions than this are "highly engaged" (chart 5)
 * @param funnel                   the conversion funnel steps in funnel order (chart 7)
 * @param dailyRevenue             revenue per day (chart 8; order does not matter)
 * @param aliveProbability         the BG/NBD P(alive) grid over frequency and recency (chart 10)
 * @param holdoutGroups            mean holdout purchases by calibration purchases, predicted and actual (chart 11)
 * @param holdoutPurchases         every customer's holdout purchases, predicted and actual (chart 12)
 * @param segmentPoints            customers on two principal components with their learned segment (chart 13)
 * @param learnedSegments          the learned segments' profiles (chart 14)
 * @param recommenderScores        the recommendation models' ranking metrics on held-out time (chart 15)
 */
public record ChartInputs(
        List<CategoryRevenue> categoryRevenue,
        List<CustomerLifetimeValue> lifetimeValues,
        List<CountFrequency> transactionsPerCustomer,
        List<CountFrequency> sessionsPerUser,
        List<UserEngagement> engagement,
        long engagedSessionThreshold,
        List<FunnelStep> funnel,
        List<DailyRevenue> dailyRevenue,
        List<AliveProbabilityCell> aliveProbability,
        List<HoldoutGroup> holdoutGroups,
        List<HoldoutPurchases> holdoutPurchases,
        List<SegmentPoint> segmentPoints,
        List<LearnedSegment> learnedSegments,
        List<RecommenderScore> recommenderScores) {

    /** The threshold used when the runner does not set one: users with more than 10 sessions. */
    public static final long DEFAULT_ENGAGED_SESSION_THRESHOLD = 10;

    public ChartInputs {
        categoryRevenue = Validation.copyOfTable(categoryRevenue, "ChartInputs", "categoryRevenue");
        lifetimeValues = Validation.copyOfTable(lifetimeValues, "ChartInputs", "lifetimeValues");
        transactionsPerCustomer = Validation.copyOfTable(transactionsPerCustomer, "ChartInputs",
                "transactionsPerCustomer");
        sessionsPerUser = Validation.copyOfTable(sessionsPerUser, "ChartInputs", "sessionsPerUser");
        engagement = Validation.copyOfTable(engagement, "ChartInputs", "engagement");
        Validation.requireNonNegative(engagedSessionThreshold, "ChartInputs", "engagedSessionThreshold");
        funnel = Validation.copyOfTable(funnel, "ChartInputs", "funnel");
        dailyRevenue = Validation.copyOfTable(dailyRevenue, "ChartInputs", "dailyRevenue");
        aliveProbability = Validation.copyOfTable(aliveProbability, "ChartInputs", "aliveProbability");
        holdoutGroups = Validation.copyOfTable(holdoutGroups, "ChartInputs", "holdoutGroups");
        holdoutPurchases = Validation.copyOfTable(holdoutPurchases, "ChartInputs", "holdoutPurchases");
        segmentPoints = Validation.copyOfTable(segmentPoints, "ChartInputs", "segmentPoints");
        learnedSegments = Validation.copyOfTable(learnedSegments, "ChartInputs", "learnedSegments");
        recommenderScores = Validation.copyOfTable(recommenderScores, "ChartInputs", "recommenderScores");
    }

    /** Inputs with every table empty and the default engagement threshold. */
    public static ChartInputs empty() {
        return new ChartInputs(List.of(), List.of(), List.of(), List.of(), List.of(),
                DEFAULT_ENGAGED_SESSION_THRESHOLD, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    public ChartInputs withCategoryRevenue(List<CategoryRevenue> rows) {
        return new ChartInputs(rows, lifetimeValues, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, aliveProbability, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withLifetimeValues(List<CustomerLifetimeValue> rows) {
        return new ChartInputs(categoryRevenue, rows, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, aliveProbability, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withTransactionsPerCustomer(List<CountFrequency> rows) {
        return new ChartInputs(categoryRevenue, lifetimeValues, rows, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, aliveProbability, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withSessionsPerUser(List<CountFrequency> rows) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, rows, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, aliveProbability, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withEngagement(List<UserEngagement> rows, long sessionThreshold) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, sessionsPerUser, rows,
                sessionThreshold, funnel, dailyRevenue, aliveProbability, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withFunnel(List<FunnelStep> rows) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, rows, dailyRevenue, aliveProbability, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withDailyRevenue(List<DailyRevenue> rows) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, rows, aliveProbability, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withAliveProbability(List<AliveProbabilityCell> rows) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, rows, holdoutGroups,
                holdoutPurchases, segmentPoints, learnedSegments, recommenderScores);
    }

    public ChartInputs withHoldout(List<HoldoutGroup> groups, List<HoldoutPurchases> customers) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, aliveProbability, groups, customers, segmentPoints,
                learnedSegments, recommenderScores);
    }

    public ChartInputs withSegments(List<SegmentPoint> points, List<LearnedSegment> segments) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, aliveProbability, holdoutGroups, holdoutPurchases,
                points, segments, recommenderScores);
    }

    public ChartInputs withRecommenderScores(List<RecommenderScore> rows) {
        return new ChartInputs(categoryRevenue, lifetimeValues, transactionsPerCustomer, sessionsPerUser, engagement,
                engagedSessionThreshold, funnel, dailyRevenue, aliveProbability, holdoutGroups, holdoutPurchases,
                segmentPoints, learnedSegments, rows);
    }
}
