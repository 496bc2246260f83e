package io.ecomanalytics.mongo;

/** Receives the loader's progress after every written batch; it runs on the loading thread, so keep it short. */
@FunctionalInterface
public interface LoadProgressListener {

    /** A listener that ignores progress. */
    LoadProgressListener NONE = progress -> { };

    void onProgress(LoadProgress progress);
}
