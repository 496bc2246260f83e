package io.ecomanalytics.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A customer's purchases under BG/NBD, in operational days: the first at their arrival; then, while alive, gaps
 * Exp(rate); after each repeat purchase they leave for good with their dropout probability. Each purchase is made in
 * a session with probability {@code linkedShare}.
 *
 * @param purchases the purchases in time order (empty when only counted)
 * @param count     how many purchases fall in the window
 * @param churnedAt when the customer dropped out (the purchase after which they left), NaN if still alive
 */
record PurchaseHistory(List<Purchase> purchases, int count, double churnedAt) {

    /** One purchase: when, and whether a session leads to it. */
    record Purchase(double time, boolean linked) {
    }

    boolean churned() {
        return !Double.isNaN(churnedAt);
    }

    long linkedCount() {
        return purchases.stream().filter(Purchase::linked).count();
    }

    /**
     * Replays a customer's process. Each step draws its gap, dropout and session coins whether or not they are used,
     * so the draws of step k do not depend on the rate: a higher rate only moves the same purchases earlier, which
     * the calibration of alpha relies on. The exponential gap is drawn by inversion, -ln(1 - U), rather than through
     * Hipparchus: the calibration replays every process dozens of times and needs no sampler object per customer.
     */
    static PurchaseHistory simulate(DeterministicRandom random, double rate, double dropout, double arrival,
                                    double days, double linkedShare, boolean keepPurchases) {
        List<Purchase> purchases = keepPurchases ? new ArrayList<>() : List.of();
        boolean firstLinked = random.nextDouble() < linkedShare;
        if (keepPurchases) {
            purchases.add(new Purchase(arrival, firstLinked));
        }
        int count = 1;
        double time = arrival;
        while (true) {
            double gap = -Math.log1p(-random.nextDouble());
            double dropoutCoin = random.nextDouble();
            double sessionCoin = random.nextDouble();
            time += gap / rate;
            if (!(time < days)) {
                return new PurchaseHistory(purchases, count, Double.NaN);
            }
            count++;
            if (keepPurchases) {
                purchases.add(new Purchase(time, sessionCoin < linkedShare));
            }
            if (dropoutCoin < dropout) {
                return new PurchaseHistory(purchases, count, time);
            }
        }
    }
}
