package io.ecomanalytics.runner;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of a pipeline command. A local session is created on a thread of its own, so that Spark starts
 * while the dataset is generated, validated and loaded into MongoDB. A session on a cluster is created at once, so
 * that an unreachable master fails the command before any work is done.
 */
final class StartingSpark implements Supplier<SparkSession>, AutoCloseable {
    private final CompletableFuture<SparkSession> session;

    private StartingSpark(CompletableFuture<SparkSession> session) {
        this.session = session;
    }

    /** Starts creating the session of {@link SparkSessions#create}. */
    static StartingSpark begin(String master, Map<String, String> configuration) {
        if (!SparkSessions.effectiveMaster(master, System.getProperty("spark.master")).startsWith("local")) {
            return new StartingSpark(CompletableFuture.completedFuture(SparkSessions.create(master, configuration)));
        }
        return new StartingSpark(Completion.onNewThread("spark-start",
                () -> SparkSessions.create(master, configuration)));
    }

    /**
     * The session, waiting for it to start if need be.
     *
     * @throws RuntimeException what creating the session threw, unchanged
     */
    @Override
    public SparkSession get() {
        return Completion.join(session);
    }

    /** Stops the session, after waiting for a start still under way: no session outlives the command. */
    @Override
    public void close() {
        SparkSession started;
        try {
            started = session.join();
        } catch (CompletionException e) {
            // The start failed: there is nothing to stop, and get() has reported the failure.
            return;
        }
        started.stop();
    }
}
