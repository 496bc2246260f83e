package io.ecomanalytics.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dataset folder read through the validation rules: each stream yields only the accepted records of one entity,
 * while rejects go to the {@link RejectSink} and every record is counted.
 *
 * <p>References point at the small entities (transaction and session to user and product, product to category), so
 * the first time an entity needs them, their files are validated first and the accepted ids kept in memory
 * (categories, then products, then users). Transactions and sessions stream; only their ids are kept, as longs, to
 * find duplicates. Each record is reported and counted once, however many times its entity is streamed: a second
 * stream of an entity yields the same accepted records without reporting again. A stream closed before its end
 * leaves its entity unvalidated, and a later stream starts it over (reporting its first rejects again).
 *
 * <pre>{@code
 * try (RejectSink rejects = RejectSink.jsonLines(folder.resolve("rejects.jsonl"))) {
 *     ValidatingDataset dataset = ValidatingDataset.open(folder, rejects);
 *     try (RecordStream<Transaction> transactions = dataset.transactions()) {
 *         transactions.forEachRemaining(loader::add);
 *     }
 *     ValidationReport report = dataset.report();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use one instance per loading thread, and finish (or close) one entity's stream before opening
 * another of the same entity.
 */
public final class ValidatingDataset {

    private final DatasetFiles files;
    private final RejectSink sink;
    private final Set<String> users = new HashSet<>();
    private final Set<String> products = new HashSet<>();
    private final Set<String> categories = new HashSet<>();
    private final RecordRules.References references = new RecordRules.References(users, products, categories);
    private final Map<EntityType<?>, EntityState> states = new HashMap<>();
    private final Map<String, FileCounter> counts = new LinkedHashMap<>();

    private ValidatingDataset(DatasetFiles files, RejectSink sink) {
        this.files = files;
        this.sink = sink;
    }

    /** Opens the dataset in {@code folder} (see {@link DatasetFiles#open(Path)}), rejecting to {@code sink}. */
    public static ValidatingDataset open(Path folder, RejectSink sink) {
        return new ValidatingDataset(DatasetFiles.open(folder), sink);
    }

    /** Validates an already located dataset, rejecting to {@code sink}. */
    public static ValidatingDataset of(DatasetFiles files, RejectSink sink) {
        return new ValidatingDataset(files, sink);
    }

    /** The accepted records of one entity, one at a time. */
    public <T> RecordStream<T> accepted(EntityType<T> type) {
        for (EntityType<?> prerequisite : prerequisites(type)) {
            ensureValidated(prerequisite);
        }
        EntityState state = states.computeIfAbsent(type, ignored -> new EntityState());
        if (!state.validated) {
            state.start(type);
            forgetCounts(type);
        }
        return new ValidatingStream<>(this, type, files.files(type), state);
    }

    public RecordStream<User> users() {
        return accepted(EntityType.USERS);
    }

    public RecordStream<Product> products() {
        return accepted(EntityType.PRODUCTS);
    }

    public RecordStream<Category> categories() {
        return accepted(EntityType.CATEGORIES);
    }

    public RecordStream<Transaction> transactions() {
        return accepted(EntityType.TRANSACTIONS);
    }

    public RecordStream<Session> sessions() {
        return accepted(EntityType.SESSIONS);
    }

    /** Validates every entity not validated yet and returns the report of the whole dataset. */
    public ValidationReport validateAll() {
        for (EntityType<?> type : List.of(EntityType.CATEGORIES, EntityType.PRODUCTS, EntityType.USERS,
                EntityType.TRANSACTIONS, EntityType.SESSIONS)) {
            ensureValidated(type);
        }
        return report();
    }

    /** The counts so far: the files of every entity validated (or being validated) by this instance. */
    public ValidationReport report() {
        List<FileCounts> fileCounts = new ArrayList<>();
        counts.values().forEach(counter -> fileCounts.add(counter.snapshot()));
        EnumMap<Rule, Long> byRule = new EnumMap<>(Rule.class);
        states.values().forEach(state -> state.rejectsByRule.forEach((rule, count) ->
                byRule.merge(rule, count, Long::sum)));
        return new ValidationReport(fileCounts, byRule);
    }

    private void ensureValidated(EntityType<?> type) {
        EntityState state = states.get(type);
        if (state == null || !state.validated) {
            try (RecordStream<?> stream = accepted(type)) {
                while (stream.hasNext()) {
                    stream.next();
                }
            }
        }
    }

    private static List<EntityType<?>> prerequisites(EntityType<?> type) {
        if (type == EntityType.PRODUCTS) {
            return List.of(EntityType.CATEGORIES);
        }
        if (type == EntityType.TRANSACTIONS || type == EntityType.SESSIONS) {
            return List.of(EntityType.CATEGORIES, EntityType.PRODUCTS, EntityType.USERS);
        }
        return List.of();
    }

    private void forgetCounts(EntityType<?> type) {
        counts.values().removeIf(counter -> counter.entity.equals(type.name()));
        if (type == EntityType.USERS) {
            users.clear();
        } else if (type == EntityType.PRODUCTS) {
            products.clear();
        } else if (type == EntityType.CATEGORIES) {
            categories.clear();
        }
    }

    /** Runs the rules of one record (everything but duplicates), throwing the first violation. */
    void check(Object record) throws RecordViolation {
        RecordRules.check(record, references);
    }

    /** Records an accepted id; false when it duplicates an earlier accepted record. */
    <T> boolean register(EntityState state, T record) {
        if (record instanceof Transaction transaction) {
            return state.ids.add(transaction.transactionId());
        } else if (record instanceof Session session) {
            return state.ids.add(session.sessionId());
        } else if (record instanceof Product product) {
            return products.add(product.productId());
        } else if (record instanceof User user) {
            return users.add(user.userId());
        } else {
            return categories.add(((Category) record).categoryId());
        }
    }

    static String idField(EntityType<?> type) {
        if (type == EntityType.SESSIONS) {
            return "session_id";
        }
        if (type == EntityType.TRANSACTIONS) {
            return "transaction_id";
        }
        if (type == EntityType.CATEGORIES) {
            return "category_id";
        }
        return type == EntityType.PRODUCTS ? "product_id" : "user_id";
    }

    FileCounter counter(EntityType<?> type, String file) {
        return counts.computeIfAbsent(file, name -> new FileCounter(name, type.name()));
    }

    void reject(EntityState state, Reject reject) {
        state.rejectsByRule.merge(reject.rule(), 1L, Long::sum);
        state.rejectedPositions.add(positionKey(reject.position().file(), reject.position().recordIndex()));
        sink.accept(reject);
    }

    static String positionKey(String file, long recordIndex) {
        return file + '#' + recordIndex;
    }

    /** The running counts of one file. */
    static final class FileCounter {
        final String file;
        final String entity;
        long read;
        long accepted;
        long rejected;

        FileCounter(String file, String entity) {
            this.file = file;
            this.entity = entity;
        }

        FileCounts snapshot() {
            return new FileCounts(file, entity, read, accepted, rejected);
        }
    }

    /** Per entity: whether its first validation completed, what it rejected, and its ids while validating. */
    static final class EntityState {
        boolean validated;
        Set<String> rejectedPositions = new HashSet<>();
        EnumMap<Rule, Long> rejectsByRule = new EnumMap<>(Rule.class);
        IdSet ids;

        void start(EntityType<?> type) {
            rejectedPositions = new HashSet<>();
            rejectsByRule = new EnumMap<>(Rule.class);
            ids = type == EntityType.SESSIONS ? new IdSet("sess_", 14)
                    : type == EntityType.TRANSACTIONS ? new IdSet("txn_", 14) : null;
        }

        void finish() {
            validated = true;
            ids = null;
        }
    }
}
