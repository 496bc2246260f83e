package io.ecomanalytics.data;

/** Told how far a long operation got; called on the working thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (step, done, total) -> {
    };

    /**
     * @param step  what is being done, e.g. {@code sessions}
     * @param done  units done so far in this step
     * @param total units this step will do
     */
    void progress(String step, long done, long total);
}
