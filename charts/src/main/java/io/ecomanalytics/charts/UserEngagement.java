package io.ecomanalytics.charts;

/**
 * How engaged one user is and what they spent.
 *
 * @param userId                 the user's natural id
 * @param sessions               number of sessions the user had
 * @param averageSessionSeconds  mean session duration in seconds
 * @param sales                  total the user spent, in currency units (0 for users who never bought)
 */
public record UserEngagement(String userId, long sessions, double averageSessionSeconds, double sales) {

    public UserEngagement {
        Validation.requireText(userId, "UserEngagement", "userId");
        Validation.requireNonNegative(sessions, "UserEngagement", "sessions");
        Validation.requireNonNegative(averageSessionSeconds, "UserEngagement", "averageSessionSeconds");
        Validation.requireFinite(sales, "UserEngagement", "sales");
    }
}
