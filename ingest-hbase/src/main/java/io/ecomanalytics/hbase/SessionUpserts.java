package io.ecomanalytics.hbase;

import io.ecomanalytics.data.Session;
import java.util.List;

/**
 * The live path's HBase sink: puts validated sessions into the sessions table under their row key ({@link RowKeys}),
 * as the same cells the bulk loader writes ({@link SessionCells}). The table keeps one version per cell, so writing
 * a session again overwrites it with itself: a re-run micro-batch changes nothing, the effect is exactly once.
 */
public final class SessionUpserts {
    private final SessionStore store;
    private final SessionLoadOptions options;

    private SessionUpserts(SessionStore store) {
        this.store = store;
        this.options = store.loadOptions().withMethod(LoadMethod.BUFFERED_MUTATOR);
    }

    /** A sink writing into the store's table. */
    public static SessionUpserts into(SessionStore store) {
        return new SessionUpserts(store);
    }

    /** Puts the sessions through a buffered mutator and flushes; returns how many were written. */
    public long upsert(List<Session> sessions) {
        if (sessions.isEmpty()) {
            return 0;
        }
        return store.load(sessions.iterator(), options).written();
    }
}
