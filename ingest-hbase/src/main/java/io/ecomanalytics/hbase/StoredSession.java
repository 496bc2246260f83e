package io.ecomanalytics.hbase;

import io.ecomanalytics.data.Session;

/**
 * A session as read back from the table, with its row key and the metrics stored beside it.
 *
 * @param rowKey  the row key, as text
 * @param session every field of the session
 * @param metrics the {@code metrics} family
 */
public record StoredSession(String rowKey, Session session, SessionMetrics metrics) {
}
