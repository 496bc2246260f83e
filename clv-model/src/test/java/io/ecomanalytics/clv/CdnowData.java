package io.ecomanalytics.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The CDNOW files in the test resources, read with plain parsing independent of the code under test. */
final class CdnowData {

    /** One row of the published per-customer summary with the mean repeat value. */
    record PublishedSummary(int id, int frequency, double recency, double age, double monetaryValue) {
    }

    private CdnowData() {
    }

    static Path resource(String name) {
        try {
            return Path.of(CdnowData.class.getResource("/cdnow/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of cdnow_customers_summary_with_transactions.csv (ID,x,t_x,T,zbar). */
    static List<PublishedSummary> publishedSummaries() {
        try {
            return Files.readAllLines(resource("cdnow_customers_summary_with_transactions.csv")).stream()
                    .skip(1)
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split(","))
                    .map(f -> new PublishedSummary(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                            Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
