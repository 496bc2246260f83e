package io.ecomanalytics.runner;

import io.ecomanalytics.dashboard.Dashboard;
import io.ecomanalytics.dashboard.DashboardSettings;
import io.ecomanalytics.dashboard.OrderLookup;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Where the dashboard listens, for {@code serve} and {@code run --serve}; and starting it over a command's stores. */
final class DashboardOptions {
    @Option(names = "--http-port", defaultValue = "0",
            description = "TCP port of the dashboard (default: ${DEFAULT-VALUE}, a free port; the address is printed).")
    int httpPort;

    @Option(names = "--http-bind", defaultValue = DashboardSettings.LOOPBACK,
            description = "Address the dashboard listens on (default: ${DEFAULT-VALUE}, this machine only). The"
                    + " dashboard has no authentication: any other address prints a warning.")
    String httpBind = DashboardSettings.LOOPBACK;

    /** Starts the dashboard over the stores and prints its {@code dashboard http://...} line. */
    Dashboard start(Stores stores, PrintWriter out, PrintWriter err) {
        if (!DashboardSettings.LOOPBACK.equals(httpBind)) {
            err.println("warning: the dashboard listens on " + httpBind + ", not " + DashboardSettings.LOOPBACK
                    + ": if other machines can reach that address, anyone there can read the data (the dashboard is"
                    + " read-only but has no authentication). Drop --http-bind to keep it on this machine.");
            err.flush();
        }
        // The embedded MongoDB-protocol server accepts the transactions.user_id index but does not keep it.
        OrderLookup orders = stores.mongoIsEmbedded() ? OrderLookup.IN_MEMORY_MAP : OrderLookup.USER_ID_INDEX;
        Dashboard dashboard = Dashboard.start(DashboardSettings.of(stores.mongo(), stores.hbase(),
                stores.hbaseTable()).withBindAddress(httpBind).withPort(httpPort).withOrderLookup(orders));
        out.println("dashboard " + dashboard.address());
        return dashboard;
    }
}
