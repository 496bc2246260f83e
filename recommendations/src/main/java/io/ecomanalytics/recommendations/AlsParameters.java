package io.ecomanalytics.recommendations;

/**
 * One candidate setting of implicit ALS.
 *
 * @param rank     number of latent factors
 * @param regParam L2 regularisation
 * @param alpha    how fast confidence grows with the feedback (c = 1 + alpha * r)
 */
public record AlsParameters(int rank, double regParam, double alpha) {

    public AlsParameters {
        if (rank < 1) {
            throw new IllegalArgumentException("The ALS rank must be at least 1, was " + rank);
        }
        if (!(regParam >= 0) || !(alpha >= 0)) {
            throw new IllegalArgumentException("The ALS regParam and alpha must be >= 0, were " + regParam + " and "
                    + alpha);
        }
    }
}
