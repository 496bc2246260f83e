package io.ecomanalytics.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a dataset folder: {@code users.json}, {@code products.json}, {@code categories.json},
 * {@code transactions.json} and {@code sessions_0.json} ... {@code sessions_N.json} (each may also be
 * {@code .json.gz}). Session files are read in the order of their number N.
 */
public final class DatasetFiles {

    private static final Pattern SESSION_FILE = Pattern.compile("sessions_(\\d+)\\.json(\\.gz)?");

    private final Path folder;
    private final Path users;
    private final Path products;
    private final Path categories;
    private final Path transactions;
    private final List<Path> sessions;

    private DatasetFiles(Path folder, Path users, Path products, Path categories, Path transactions,
                         List<Path> sessions) {
        this.folder = folder;
        this.users = users;
        this.products = products;
        this.categories = categories;
        this.transactions = transactions;
        this.sessions = List.copyOf(sessions);
    }

    /**
     * Finds the dataset's files in {@code folder}.
     *
     * @throws IllegalArgumentException if the folder or one of the files is missing
     */
    public static DatasetFiles open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Dataset folder " + folder.toAbsolutePath() + " does not exist or is "
                    + "not a folder; generate a dataset into it first or pass the folder that holds users.json");
        }
        List<Path> sessionFiles = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(path -> SESSION_FILE.matcher(path.getFileName().toString()).matches())
                    .forEach(sessionFiles::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list dataset folder " + folder, e);
        }
        sessionFiles.sort(Comparator.comparingLong(DatasetFiles::sessionFileNumber));
        for (int i = 1; i < sessionFiles.size(); i++) {
            if (sessionFileNumber(sessionFiles.get(i)) == sessionFileNumber(sessionFiles.get(i - 1))) {
                throw new IllegalArgumentException("Dataset folder " + folder + " holds both "
                        + sessionFiles.get(i - 1).getFileName() + " and " + sessionFiles.get(i).getFileName()
                        + "; keep only one of them");
            }
        }
        if (sessionFiles.isEmpty()) {
            throw new IllegalArgumentException("Dataset folder " + folder.toAbsolutePath() + " has no session files "
                    + "(sessions_0.json, sessions_1.json, ...); an empty session file holding [] is fine");
        }
        return new DatasetFiles(folder, find(folder, "users"), find(folder, "products"), find(folder, "categories"),
                find(folder, "transactions"), sessionFiles);
    }

    private static Path find(Path folder, String stem) {
        Path plain = folder.resolve(stem + ".json");
        Path compressed = folder.resolve(stem + ".json.gz");
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasCompressed = Files.isRegularFile(compressed);
        if (hasPlain && hasCompressed) {
            throw new IllegalArgumentException("Dataset folder " + folder + " holds both " + stem + ".json and "
                    + stem + ".json.gz; keep only one of them");
        }
        if (!hasPlain && !hasCompressed) {
            throw new IllegalArgumentException("Dataset folder " + folder.toAbsolutePath() + " has no " + stem
                    + ".json (or " + stem + ".json.gz); a dataset needs users, products, categories, transactions "
                    + "and sessions_N files");
        }
        return hasPlain ? plain : compressed;
    }

    private static long sessionFileNumber(Path path) {
        Matcher matcher = SESSION_FILE.matcher(path.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException("Not a session file: " + path);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The folder this dataset lives in. */
    public Path folder() {
        return folder;
    }

    /** The files holding an entity's records, in reading order (one file except for sessions). */
    public List<Path> files(EntityType<?> type) {
        if (type == EntityType.USERS) {
            return List.of(users);
        }
        if (type == EntityType.PRODUCTS) {
            return List.of(products);
        }
        if (type == EntityType.CATEGORIES) {
            return List.of(categories);
        }
        if (type == EntityType.TRANSACTIONS) {
            return List.of(transactions);
        }
        return sessions;
    }

    /** Every file of the dataset, in the order a validator reads them. */
    public List<Path> allFiles() {
        List<Path> all = new ArrayList<>(List.of(categories, products, users, transactions));
        all.addAll(sessions);
        return all;
    }

    /** The size of all the dataset's files together, in bytes (compressed files at their compressed size). */
    public long totalBytes() {
        return bytesOf(allFiles());
    }

    static long bytesOf(List<Path> files) {
        long bytes = 0;
        for (Path file : files) {
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + file + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    /** Streams an entity's records without validation; a record that cannot be mapped throws. */
    public <T> RecordStream<T> records(EntityType<T> type) {
        return new FileRecordStream<>(files(type), type);
    }

    /** {@code users.json}. */
    public RecordStream<User> users() {
        return records(EntityType.USERS);
    }

    /** {@code products.json}. */
    public RecordStream<Product> products() {
        return records(EntityType.PRODUCTS);
    }

    /** {@code categories.json}. */
    public RecordStream<Category> categories() {
        return records(EntityType.CATEGORIES);
    }

    /** {@code transactions.json}. */
    public RecordStream<Transaction> transactions() {
        return records(EntityType.TRANSACTIONS);
    }

    /** Every {@code sessions_N.json}, in the order of N. */
    public RecordStream<Session> sessions() {
        return records(EntityType.SESSIONS);
    }

    /** Streams the records of one file of the given entity, which need not be inside a dataset folder. */
    public static <T> RecordStream<T> readFile(Path file, EntityType<T> type) {
        return new FileRecordStream<>(List.of(file), type);
    }
}
