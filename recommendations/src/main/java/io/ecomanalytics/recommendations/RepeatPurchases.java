package io.ecomanalytics.recommendations;

/** Whether a customer's list may hold products they bought in the training period. */
public enum RepeatPurchases {
    /** Leave out what the customer bought already (the default: most catalogues sell durable goods). */
    EXCLUDE,
    /** Keep them: for consumables that are bought again. */
    INCLUDE
}
