package io.ecomanalytics.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generation: the small entities in memory, sessions and transactions streamed to their files. */
final class GenerationRun {

    private static final int PROGRESS_EVERY = 10_000;
    private static final long DAY = 86_400;

    static final List<GeoData> PLACES = List.of(
            new GeoData("New York", "NY", "USA"), new GeoData("Los Angeles", "CA", "USA"),
            new GeoData("Chicago", "IL", "USA"), new GeoData("Houston", "TX", "USA"),
            new GeoData("Phoenix", "AZ", "USA"), new GeoData("Philadelphia", "PA", "USA"),
            new GeoData("San Antonio", "TX", "USA"), new GeoData("San Diego", "CA", "USA"),
            new GeoData("Dallas", "TX", "USA"), new GeoData("Seattle", "WA", "USA"),
            new GeoData("Denver", "CO", "USA"), new GeoData("Boston", "MA", "USA"),
            new GeoData("Miami", "FL", "USA"), new GeoData("Atlanta", "GA", "USA"),
            new GeoData("Portland", "OR", "USA"), new GeoData("Toronto", "ON", "Canada"),
            new GeoData("Vancouver", "BC", "Canada"), new GeoData("Montreal", "QC", "Canada"),
            new GeoData("London", "England", "UK"), new GeoData("Manchester", "England", "UK"),
            new GeoData("Edinburgh", "Scotland", "UK"), new GeoData("Sydney", "NSW", "Australia"),
            new GeoData("Melbourne", "VIC", "Australia"), new GeoData("Berlin", "Berlin", "Germany"),
            new GeoData("Munich", "Bavaria", "Germany"), new GeoData("Paris", "Ile-de-France", "France"),
            new GeoData("Lyon", "Auvergne-Rhone-Alpes", "France"), new GeoData("Madrid", "Madrid", "Spain"),
            new GeoData("Milan", "Lombardy", "Italy"), new GeoData("Amsterdam", "North Holland", "Netherlands"));

    // Page flow: states in Vocabulary.PAGE_TYPES order; each row holds cumulative weights of the next page.
    static final int HOME = 0;
    static final int PRODUCT_DETAIL = 3;
    static final int CATEGORY_LISTING = 2;
    static final int CHECKOUT = 5;
    static final double[] FIRST_PAGE = cumulative(0.40, 0.25, 0.20, 0.15, 0, 0, 0);
    static final double[][] NEXT_PAGE = {
            cumulative(0.05, 0.30, 0.40, 0.25, 0, 0, 0),          // home
            cumulative(0.05, 0.20, 0.20, 0.55, 0, 0, 0),          // search
            cumulative(0.05, 0.15, 0.20, 0.60, 0, 0, 0),          // category_listing
            cumulative(0.10, 0.20, 0.25, 0.30, 0.15, 0, 0),       // product_detail
            cumulative(0.10, 0, 0.10, 0.30, 0, 0.50, 0),          // cart
            cumulative(0.10, 0, 0, 0, 0.20, 0, 0.70),             // checkout
            cumulative(0.60, 0.20, 0.20, 0, 0, 0, 0)};            // confirmation
    private static final double ADD_TO_CART = 0.30;
    private static final double CHECKOUT_CONVERSION = 0.70;
    private static final double DISCOUNT_SHARE = 0.20;
    static final int[] DISCOUNT_PERCENTS = {5, 10, 15, 20};
    static final double[] STATUS_WEIGHTS = cumulative(0.94, 0.02, 0.04, 0);
    private static final int STANDALONE_PRODUCTS = 3;

    private final GeneratorSpec spec;
    private final Path folder;
    private final ProgressListener progress;
    private final DeterministicRandom random;
    private final long periodStart;
    private final long periodSeconds;
    private final long sessionIdKey;
    private final long transactionIdKey;

    private final String[] userIds;
    private final GeoData[] userPlaces;
    private final long[] registration;
    private final long[] lastActive;
    private final Catalogue catalogue;
    private final String[] categoryIds;
    private final String[] productIds;
    private final Catalogue.ProductDraft[] products;
    private final int[] activeProducts;
    private final List<Path> files = new ArrayList<>();
    private long transactionsWritten;
    private long sessionTransactions;

    GenerationRun(GeneratorSpec spec, Path folder, ProgressListener progress) {
        this.spec = spec;
        this.folder = folder;
        this.progress = progress;
        this.random = new DeterministicRandom(spec.seed());
        this.periodStart = spec.periodStart().getEpochSecond();
        this.periodSeconds = spec.periodDays() * DAY;
        this.sessionIdKey = random.nextLong();
        this.transactionIdKey = random.nextLong();
        this.userIds = new String[spec.users()];
        this.userPlaces = new GeoData[spec.users()];
        this.registration = new long[spec.users()];
        this.lastActive = new long[spec.users()];
        makeUsers();
        this.catalogue = new Catalogue(spec, random, periodStart);
        this.categoryIds = catalogue.categoryIds;
        this.productIds = catalogue.productIds;
        this.products = catalogue.products;
        this.activeProducts = catalogue.activeProducts;
        writeCategories();
    }

    GenerationSummary run() {
        try (JsonArrayWriter<Transaction> transactions = open("transactions.json", EntityType.TRANSACTIONS)) {
            writeSessions(transactions);
            writeStandaloneTransactions(transactions);
        }
        writeProducts();
        writeUsers();
        return GenerationSummary.of(folder, files, spec, transactionsWritten, sessionTransactions, spec.sessions());
    }

    private void makeUsers() {
        for (int i = 0; i < userIds.length; i++) {
            userIds[i] = String.format("user_%06d", i + 1);
            userPlaces[i] = random.pick(PLACES);
            registration[i] = periodStart - 1 - random.nextLong(730 * DAY);
            lastActive[i] = registration[i];
        }
    }

    private void writeCategories() {
        try (JsonArrayWriter<Category> writer = open("categories.json", EntityType.CATEGORIES)) {
            catalogue.writeCategories(writer);
        }
        progress.progress("categories", categoryIds.length, categoryIds.length);
    }

    private void writeSessions(JsonArrayWriter<Transaction> transactions) {
        long sessionIndex = 0;
        for (int file = 0; file < spec.sessionFiles(); file++) {
            long inFile = Math.min(spec.sessionsPerFile(), spec.sessions() - sessionIndex);
            try (JsonArrayWriter<Session> writer = open("sessions_" + file + ".json", EntityType.SESSIONS)) {
                for (long i = 0; i < inFile; i++) {
                    writer.write(makeSession(sessionIndex++, transactions));
                    if (sessionIndex % PROGRESS_EVERY == 0) {
                        progress.progress("sessions", sessionIndex, spec.sessions());
                    }
                }
            }
        }
        if (sessionIndex % PROGRESS_EVERY != 0 || sessionIndex == 0) {
            progress.progress("sessions", sessionIndex, spec.sessions());
        }
    }

    private Session makeSession(long index, JsonArrayWriter<Transaction> transactions) {
        String sessionId = "sess_" + hex(permute(index, sessionIdKey, 40), 10);
        int user = random.nextInt(userIds.length);
        long start = periodStart + random.nextLong(periodSeconds - 3600);
        GeoData place = random.chance(0.9) ? userPlaces[user] : random.pick(PLACES);
        SessionGeo geo = new SessionGeo(place.city(), place.state(), place.country(), ipAddress());
        DeviceProfile device = new DeviceProfile(random.pick(Vocabulary.DEVICE_TYPES),
                random.pick(Vocabulary.OPERATING_SYSTEMS), random.pick(Vocabulary.BROWSERS));
        String referrer = random.pick(Vocabulary.REFERRERS);

        int pageCount = random.between(4, 16);
        List<PageView> pageViews = new ArrayList<>(pageCount);
        List<String> viewed = new ArrayList<>();
        Map<Integer, Integer> cart = new LinkedHashMap<>();
        boolean reachedCheckout = false;
        long elapsed = 0;
        int page = random.weighted(FIRST_PAGE);
        for (int k = 0; k < pageCount; k++) {
            int duration = random.between(10, 225);
            String productId = null;
            String categoryId = null;
            if (page == PRODUCT_DETAIL) {
                int product = activeProducts[random.nextInt(activeProducts.length)];
                productId = productIds[product];
                categoryId = categoryIds[products[product].category];
                if (!viewed.contains(productId)) {
                    viewed.add(productId);
                }
                if (random.chance(ADD_TO_CART)) {
                    cart.merge(product, random.between(1, 3), Integer::sum);
                }
            } else if (page == CATEGORY_LISTING) {
                categoryId = categoryIds[random.nextInt(categoryIds.length)];
            } else if (page == CHECKOUT) {
                reachedCheckout = true;
            }
            pageViews.add(new PageView(Instant.ofEpochSecond(start + elapsed), Vocabulary.PAGE_TYPES.get(page),
                    productId, categoryId, duration));
            elapsed += duration;
            page = random.weighted(NEXT_PAGE[page]);
        }
        long end = start + elapsed;

        String status;
        if (cart.isEmpty()) {
            status = "browsed";
        } else if (reachedCheckout && random.chance(CHECKOUT_CONVERSION) && transactionsWritten < spec.transactions()
                && purchase(sessionId, user, end, cart, transactions)) {
            status = "converted";
        } else {
            status = "abandoned";
        }
        lastActive[user] = Math.max(lastActive[user], end);

        Map<String, CartItem> cartContents = new LinkedHashMap<>();
        cart.forEach((product, quantity) -> cartContents.put(productIds[product],
                new CartItem(quantity, products[product].price)));
        return new Session(sessionId, userIds[user], Instant.ofEpochSecond(start), Instant.ofEpochSecond(end),
                (int) elapsed, geo, device, viewed, pageViews, cartContents, status, referrer);
    }

    /** Buys what stock allows of the cart; false (nothing bought) when every product in it is sold out. */
    private boolean purchase(String sessionId, int user, long time, Map<Integer, Integer> cart,
                             JsonArrayWriter<Transaction> transactions) {
        List<TransactionItem> items = new ArrayList<>(cart.size());
        cart.forEach((product, quantity) -> addItem(items, product, quantity));
        if (items.isEmpty()) {
            return false;
        }
        transactions.write(transaction(sessionId, user, time, items));
        sessionTransactions++;
        return true;
    }

    private void writeStandaloneTransactions(JsonArrayWriter<Transaction> transactions) {
        long standalone = spec.transactions() - transactionsWritten;
        long done = 0;
        while (transactionsWritten < spec.transactions()) {
            int user = random.nextInt(userIds.length);
            long time = periodStart + random.nextLong(periodSeconds);
            List<TransactionItem> items = new ArrayList<>(STANDALONE_PRODUCTS);
            for (int attempt = 0; items.isEmpty(); attempt++) {
                if (attempt == 100) {
                    throw new IllegalStateException("Every sampled product is sold out after "
                            + transactionsWritten + " transactions; generate with more products or fewer "
                            + "transactions");
                }
                for (int product : sampleDistinctProducts()) {
                    addItem(items, product, random.between(1, 3));
                }
            }
            transactions.write(transaction(null, user, time, items));
            lastActive[user] = Math.max(lastActive[user], time);
            if (++done % PROGRESS_EVERY == 0) {
                progress.progress("standalone transactions", done, standalone);
            }
        }
        if (done % PROGRESS_EVERY != 0 || done == 0) {
            progress.progress("standalone transactions", done, standalone);
        }
    }

    private int[] sampleDistinctProducts() {
        int count = Math.min(STANDALONE_PRODUCTS, activeProducts.length);
        int[] sample = new int[count];
        for (int i = 0; i < count; i++) {
            int candidate;
            boolean repeated;
            do {
                candidate = activeProducts[random.nextInt(activeProducts.length)];
                repeated = false;
                for (int j = 0; j < i; j++) {
                    repeated |= sample[j] == candidate;
                }
            } while (repeated);
            sample[i] = candidate;
        }
        return sample;
    }

    /** Adds a line for what stock allows (nothing when sold out) and takes it out of stock. */
    private void addItem(List<TransactionItem> items, int product, int wanted) {
        Catalogue.ProductDraft draft = products[product];
        int quantity = Math.min(wanted, draft.stock);
        if (quantity == 0) {
            return;
        }
        draft.stock -= quantity;
        items.add(new TransactionItem(productIds[product], quantity, draft.price,
                draft.price.multiply(BigDecimal.valueOf(quantity))));
    }

    private Transaction transaction(String sessionId, int user, long time, List<TransactionItem> items) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (TransactionItem item : items) {
            subtotal = subtotal.add(item.subtotal());
        }
        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        if (random.chance(DISCOUNT_SHARE)) {
            int percent = DISCOUNT_PERCENTS[random.nextInt(DISCOUNT_PERCENTS.length)];
            discount = subtotal.multiply(BigDecimal.valueOf(percent)).movePointLeft(2)
                    .setScale(2, RoundingMode.HALF_UP);
        }
        String paymentMethod = random.pick(Vocabulary.PAYMENT_METHODS);
        String status = Vocabulary.TRANSACTION_STATUSES.get(random.weighted(STATUS_WEIGHTS));
        String transactionId = "txn_" + hex(permute(transactionsWritten++, transactionIdKey, 48), 12);
        return new Transaction(transactionId, sessionId, userIds[user], Instant.ofEpochSecond(time), items, subtotal,
                discount, subtotal.subtract(discount), paymentMethod, status);
    }

    private void writeProducts() {
        try (JsonArrayWriter<Product> writer = open("products.json", EntityType.PRODUCTS)) {
            catalogue.writeProducts(writer);
        }
        progress.progress("products", products.length, products.length);
    }

    private void writeUsers() {
        try (JsonArrayWriter<User> writer = open("users.json", EntityType.USERS)) {
            for (int i = 0; i < userIds.length; i++) {
                writer.write(new User(userIds[i], userPlaces[i], Instant.ofEpochSecond(registration[i]),
                        Instant.ofEpochSecond(lastActive[i])));
            }
        }
        progress.progress("users", userIds.length, userIds.length);
    }

    private <T> JsonArrayWriter<T> open(String fileName, EntityType<T> type) {
        Path file = folder.resolve(fileName);
        files.add(file);
        return JsonArrayWriter.open(file, type, spec.layout(), LineEnding.LF);
    }

    private String ipAddress() {
        return random.between(1, 223) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.between(1, 254);
    }

    /**
     * A keyed bijection on [0, 2^bits): distinct counters give distinct, random-looking ids, so ids are unique without
     * remembering the ones already issued. Each step (add, odd multiply, xor-shift, all mod 2^bits) is invertible.
     */
    static long permute(long counter, long key, int bits) {
        long mask = (1L << bits) - 1;
        long x = (counter + key) & mask;
        x = (x * 0x9E3779B97F4A7C15L) & mask;
        x ^= x >>> (bits / 2);
        x = (x * (0xBF58476D1CE4E5B9L | 1)) & mask;
        x ^= x >>> (bits / 3);
        x = (x + (key >>> 17)) & mask;
        x = (x * 0x94D049BB133111EBL) & mask;
        x ^= x >>> (bits / 2);
        return x;
    }

    static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = Character.forDigit((int) (value & 15), 16);
            value >>>= 4;
        }
        return new String(out);
    }

    static double[] cumulative(double... weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
