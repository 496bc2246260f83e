package io.ecomanalytics.clv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a generated dataset's transactions and ground truth for the planted-truth tests. */
final class PlantedDatasets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DAY = 86_400;

    private PlantedDatasets() {
    }

    /**
     * Per customer, in continuous days (the ground truth's clock): x = transactions - 1, t_x = last - first,
     * T = period end - first, zbar = mean total of the transactions after the first. Summarised here from the
     * timestamps independently of {@link RfmSummaries}, to check its exact-time summaries.
     */
    static List<CustomerSummary> continuousSummaries(Path folder, Instant periodEnd) {
        Map<String, List<double[]>> purchases = new TreeMap<>();
        try (RecordStream<Transaction> transactions = DatasetFiles.open(folder).transactions()) {
            while (transactions.hasNext()) {
                Transaction transaction = transactions.next();
                purchases.computeIfAbsent(transaction.userId(), user -> new ArrayList<>()).add(new double[] {
                        transaction.timestamp().getEpochSecond(), transaction.total().doubleValue()});
            }
        }
        List<CustomerSummary> summaries = new ArrayList<>(purchases.size());
        purchases.forEach((user, list) -> {
            list.sort((left, right) -> Double.compare(left[0], right[0]));
            double first = list.get(0)[0];
            double last = list.get(list.size() - 1)[0];
            double repeatSum = 0;
            for (int i = 1; i < list.size(); i++) {
                repeatSum += list.get(i)[1];
            }
            int frequency = list.size() - 1;
            summaries.add(new CustomerSummary(user, frequency, (last - first) / DAY,
                    (periodEnd.getEpochSecond() - first) / DAY, frequency > 0 ? repeatSum / frequency : 0));
        });
        return summaries;
    }

    static JsonNode parameters(Path folder) {
        try {
            return JSON.readTree(folder.resolve("ground_truth/parameters.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> users(Path folder) {
        try {
            List<JsonNode> users = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("ground_truth/users.jsonl"))) {
                users.add(JSON.readTree(line));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
