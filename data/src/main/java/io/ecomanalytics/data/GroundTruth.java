package io.ecomanalytics.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a realistic dataset was generated from, read back from its {@value #FOLDER} folder: the planted population
 * parameters and every customer's planted segment, dropout and top categories (data module README, "Realistic
 * behaviour").
 *
 * @param timeUnit   the unit of the parameters' clock ({@code days})
 * @param parameters the planted BG/NBD and Gamma-Gamma parameters, in {@code timeUnit}
 * @param customers  one entry per user, in file order
 */
public record GroundTruth(String timeUnit, PlantedParameters parameters, List<PlantedCustomer> customers) {

    /** The subfolder of a dataset that holds the ground truth. */
    public static final String FOLDER = "ground_truth";
    private static final ObjectMapper JSON = new ObjectMapper();

    public GroundTruth {
        customers = List.copyOf(customers);
    }

    /**
     * Reads the ground truth beside a dataset, or nothing when the folder has none (a uniform or a real dataset).
     *
     * @throws UncheckedIOException     when the files exist but cannot be read
     * @throws IllegalArgumentException when a file lacks a field the generator writes
     */
    public static Optional<GroundTruth> read(Path datasetFolder) {
        Path folder = datasetFolder.resolve(FOLDER);
        Path parametersFile = folder.resolve("parameters.json");
        Path usersFile = folder.resolve("users.jsonl");
        if (!Files.isRegularFile(parametersFile) || !Files.isRegularFile(usersFile)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(parametersFile.toFile());
            JsonNode purchases = required(root, "bg_nbd", parametersFile);
            JsonNode spend = required(root, "gamma_gamma", parametersFile);
            PlantedParameters parameters = new PlantedParameters(number(purchases, "r", parametersFile),
                    number(purchases, "alpha", parametersFile), number(purchases, "a", parametersFile),
                    number(purchases, "b", parametersFile), number(spend, "p", parametersFile),
                    number(spend, "q", parametersFile), number(spend, "gamma", parametersFile),
                    root.path("category_preferences").path("concentration").asDouble(Double.NaN));
            return Optional.of(new GroundTruth(required(root, "time_unit", parametersFile).asText(), parameters,
                    customers(usersFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ground truth in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<PlantedCustomer> customers(Path file) throws IOException {
        List<PlantedCustomer> customers = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode user = JSON.readTree(line);
                JsonNode churnedAt = user.path("churned_at");
                List<String> topCategories = new ArrayList<>();
                user.path("top_categories").forEach(category -> topCategories.add(category.asText()));
                customers.add(new PlantedCustomer(required(user, "user_id", file).asText(),
                        PlantedSegment.valueOf(required(user, "segment", file).asText().toUpperCase(Locale.ROOT)),
                        churnedAt.isTextual() ? Optional.of(Datetimes.parse(churnedAt.asText())) : Optional.empty(),
                        topCategories));
            }
        }
        return customers;
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + " lacks the field '" + field + "' in " + node);
        }
        return value;
    }

    private static double number(JsonNode node, String field, Path file) {
        return required(node, field, file).asDouble();
    }
}
