package io.ecomanalytics.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomDataGenerator;

/**
 * One generation with {@link Behaviour#REALISTIC}: planted customers (the data module's README, "Realistic
 * behaviour"). Customers are generated one at a time from streams of their own, so memory holds a few numbers per
 * user; their sessions and transactions are written as they are made.
 *
 * <p>Three passes over the users: the purchase processes are replayed to calibrate alpha so that the seeded draws
 * give exactly the spec's transaction count; then once more to size each customer's browsing; then to write.
 */
final class RealisticGenerationRun {

    /** A customer whose first purchase falls in the window's last this many days is {@link PlantedSegment#NEW}. */
    static final int NEW_CUSTOMER_DAYS = 21;
    /** Share of customers registered before the window, whose first purchase falls in its first week. */
    static final double ESTABLISHED_SHARE = 0.35;
    static final double ESTABLISHED_ARRIVAL_DAYS = 7;
    /** Earliest first purchase, in operational days: leaves room for its session and registration in the window. */
    static final double EARLIEST_ARRIVAL = 0.25;
    /** Share of purchases made in a session, when the spec has sessions enough (see {@link #linkedShare}). */
    static final double LINKED_SHARE = 0.7;
    /** Days a churned customer still browses after their last purchase. */
    static final double LINGERING_DAYS = 10;

    private static final int PROGRESS_EVERY = 1_000;
    private static final long DAY = 86_400;
    private static final int CONFIRMATION = 6;
    private static final int CART = 4;
    private static final int MAX_LINES = 30;
    private static final int MAX_PAGES = 24;
    private static final int MAX_PRODUCT_PAGES_OF_AN_ORDER = 5;
    private static final double LINE_CEILING_CENTS = 150_000;
    private static final double[] QUANTITY_WEIGHTS = GenerationRun.cumulative(0.70, 0.20, 0.10);
    private static final int TRAITS = 0;
    private static final int PROCESS = 1;
    private static final int CONTENT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeneratorSpec spec;
    private final Path folder;
    private final ProgressListener progress;
    private final long periodStart;
    private final long periodEnd;
    private final int days;
    private final ActivityClock clock;
    private final long sessionIdKey;
    private final long transactionIdKey;
    private final String[] userIds;
    private final GeoData[] userPlaces;
    private final long[] registration;
    private final long[] lastActive;
    private final Catalogue catalogue;
    private final long[] priceCents;
    private final int[][] productsByCategory;
    private final int[] productsByPrice;
    private final double linkedShare;
    /** Per user: the drawn Gamma(r, 1) variate (rate = variate / alpha), the dropout probability, the arrival. */
    private final double[] rateVariate;
    private final double[] dropout;
    private final double[] arrival;
    private final double[] browsingWeight;
    private final List<Path> files = new ArrayList<>();
    private PlantedParameters parameters;
    private long transactionsWritten;
    private long sessionTransactions;
    private long sessionsWritten;
    private int sessionFile;
    private JsonArrayWriter<Session> sessionWriter;

    RealisticGenerationRun(GeneratorSpec spec, Path folder, ProgressListener progress) {
        if (spec.transactions() < spec.users()) {
            throw new IllegalArgumentException("the realistic behaviour gives every user at least one purchase, so "
                    + "it needs at least as many transactions (" + spec.transactions() + ") as users ("
                    + spec.users() + "); ask for more transactions or use the uniform behaviour");
        }
        this.spec = spec;
        this.folder = folder;
        this.progress = progress;
        DeterministicRandom random = new DeterministicRandom(spec.seed());
        this.periodStart = spec.periodStart().getEpochSecond();
        this.periodEnd = spec.periodEnd().getEpochSecond();
        this.days = spec.periodDays();
        this.clock = new ActivityClock(spec.periodStart(), days);
        this.sessionIdKey = random.nextLong();
        this.transactionIdKey = random.nextLong();
        int users = spec.users();
        this.userIds = new String[users];
        this.userPlaces = new GeoData[users];
        this.registration = new long[users];
        this.lastActive = new long[users];
        for (int i = 0; i < users; i++) {
            userIds[i] = String.format("user_%06d", i + 1);
            userPlaces[i] = random.pick(GenerationRun.PLACES);
        }
        this.catalogue = new Catalogue(spec, random, periodStart);
        this.priceCents = Arrays.stream(catalogue.products)
                .mapToLong(product -> product.price.movePointRight(2).longValueExact()).toArray();
        this.productsByPrice = byPrice(catalogue.activeProducts);
        this.productsByCategory = new int[spec.categories()][];
        for (int category = 0; category < spec.categories(); category++) {
            int wanted = category;
            productsByCategory[category] = byPrice(Arrays.stream(catalogue.activeProducts)
                    .filter(product -> catalogue.products[product].category == wanted).toArray());
        }
        // Half the sessions at most are purchase sessions, so browsing keeps at least the other half.
        this.linkedShare = Math.min(LINKED_SHARE, 0.5 * spec.sessions() / spec.transactions());
        this.rateVariate = new double[users];
        this.dropout = new double[users];
        this.arrival = new double[users];
        this.browsingWeight = new double[users];
    }

    GenerationSummary run() {
        try (JsonArrayWriter<Category> writer = open("categories.json", EntityType.CATEGORIES)) {
            catalogue.writeCategories(writer);
        }
        progress.progress("categories", spec.categories(), spec.categories());
        PlantedParameters initial = PlantedParameters.forScale(spec.transactions(), spec.users(), 1.0);
        for (int user = 0; user < userIds.length; user++) {
            CustomerTraits traits = CustomerTraits.draw(stream(user, TRAITS), initial, spec.categories(), days);
            rateVariate[user] = traits.rateVariate();
            dropout[user] = traits.dropout();
            arrival[user] = traits.arrival();
        }
        parameters = initial.withAlpha(1 / calibrateRateScale());
        progress.progress("calibration", 1, 1);
        long linkedSessions = sizeBrowsing();
        long browsingSessions = Math.max(0, spec.sessions() - linkedSessions);
        Path truth = folder.resolve("ground_truth");
        try {
            Files.createDirectories(truth);
            JSON.writerWithDefaultPrettyPrinter().writeValue(truth.resolve("parameters.json").toFile(),
                    parametersJson());
            try (BufferedWriter users = Files.newBufferedWriter(truth.resolve("users.jsonl"), StandardCharsets.UTF_8);
                 JsonArrayWriter<Transaction> transactions = open("transactions.json", EntityType.TRANSACTIONS)) {
                double totalWeight = Arrays.stream(browsingWeight).sum();
                double weightBefore = 0;
                for (int user = 0; user < userIds.length; user++) {
                    long sessionsBefore = allocated(browsingSessions, weightBefore, totalWeight);
                    weightBefore += browsingWeight[user];
                    int browsing = (int) (allocated(browsingSessions, weightBefore, totalWeight) - sessionsBefore);
                    writeCustomer(user, browsing, transactions, users);
                    if ((user + 1) % PROGRESS_EVERY == 0 || user + 1 == userIds.length) {
                        progress.progress("customers", user + 1, userIds.length);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ground truth into " + truth, e);
        } finally {
            if (sessionWriter != null) {
                sessionWriter.close();
            }
        }
        if (sessionWriter == null) {
            nextSessionFile().close();
        }
        try (JsonArrayWriter<Product> writer = open("products.json", EntityType.PRODUCTS)) {
            catalogue.writeProducts(writer);
        }
        progress.progress("products", spec.products(), spec.products());
        try (JsonArrayWriter<User> writer = open("users.json", EntityType.USERS)) {
            for (int i = 0; i < userIds.length; i++) {
                writer.write(new User(userIds[i], userPlaces[i], Instant.ofEpochSecond(registration[i]),
                        Instant.ofEpochSecond(lastActive[i])));
            }
        }
        progress.progress("users", userIds.length, userIds.length);
        return summary();
    }

    /**
     * The scale c = 1 / alpha at which the seeded purchase processes give exactly the spec's transactions. Every
     * customer's gaps are Exp(1) / (c x variate), so shrinking alpha only moves purchases earlier: the count grows
     * by one purchase at a time as c grows, and bisection on log c finds the target.
     */
    private double calibrateRateScale() {
        double low = 1e-9;
        double high = 1.0;
        while (purchases(high) < spec.transactions()) {
            high *= 10;
            if (high > 1e12) {
                throw new IllegalStateException("no purchase rate reaches " + spec.transactions()
                        + " transactions before the customers drop out; ask for fewer transactions per user");
            }
        }
        for (int step = 0; step < 200 && high / low > 1 + 1e-14; step++) {
            double middle = Math.sqrt(low * high);
            long count = purchases(middle);
            if (count == spec.transactions()) {
                return middle;
            } else if (count < spec.transactions()) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    private long purchases(double rateScale) {
        long total = 0;
        for (int user = 0; user < userIds.length; user++) {
            total += PurchaseHistory.simulate(stream(user, PROCESS), rateScale * rateVariate[user], dropout[user],
                    arrival[user], days, linkedShare, false).count();
        }
        return total;
    }

    /** Fills {@link #browsingWeight} and returns the number of purchase sessions. */
    private long sizeBrowsing() {
        long linked = 0;
        for (int user = 0; user < userIds.length; user++) {
            Customer customer = customer(user);
            linked += customer.history.linkedCount();
            browsingWeight[user] = customer.traits.segment(customer.history, parameters, days).browsingRate
                    * Math.sqrt(0.5 + customer.rate / parameters.meanPurchaseRate())
                    * customer.traits.engagementNoise() * (customer.activeEnd() - customer.traits.arrival());
        }
        return linked;
    }

    /** Systematic rounding: the sessions allotted up to a cumulative weight, exact in total. */
    private static long allocated(long sessions, double weightBefore, double totalWeight) {
        return totalWeight > 0 ? (long) Math.floor(sessions * Math.min(1.0, weightBefore / totalWeight) + 0.5) : 0;
    }

    private Customer customer(int user) {
        CustomerTraits traits = CustomerTraits.draw(stream(user, TRAITS), parameters, spec.categories(), days);
        double rate = rateVariate[user] / parameters.alpha();
        PurchaseHistory history = PurchaseHistory.simulate(stream(user, PROCESS), rate, traits.dropout(),
                traits.arrival(), days, linkedShare, true);
        return new Customer(traits, rate, history, days);
    }

    private void writeCustomer(int user, int browsingSessions, JsonArrayWriter<Transaction> transactions,
                               BufferedWriter truth) throws IOException {
        Customer customer = customer(user);
        CustomerTraits traits = customer.traits;
        PlantedSegment segment = traits.segment(customer.history, parameters, days);
        DeterministicRandom random = stream(user, CONTENT);
        RandomDataGenerator draws = RandomDataGenerator.of(new SeededRandomGenerator(random));
        double valueFactor = Math.pow(traits.meanOrderValue(parameters) / parameters.meanOrderValue(), 0.15)
                * Math.pow(0.5 + customer.rate / parameters.meanPurchaseRate(), 0.15);
        Visitor visitor = new Visitor(user, segment, segment.engagement * valueFactor * traits.engagementNoise(),
                GenerationRun.cumulative(traits.preferences()), random.weighted(
                GenerationRun.cumulative(segment.deviceWeights)), random, draws);

        long firstPurchase = clock.epochSecond(traits.arrival());
        registration[user] = traits.established()
                ? periodStart - 1 - (long) (traits.registrationDraw() * 730 * DAY)
                : firstPurchase - 3_601 - (long) (traits.registrationDraw() * 3_600);
        lastActive[user] = registration[user];
        for (PurchaseHistory.Purchase purchase : customer.history.purchases()) {
            long time = clock.epochSecond(purchase.time());
            double orderValue = draws.nextGamma(parameters.p(), 1 / traits.spendRate());
            int discountPercent = random.chance(segment.discountChance)
                    ? GenerationRun.DISCOUNT_PERCENTS[random.nextInt(GenerationRun.DISCOUNT_PERCENTS.length)] : 0;
            List<TransactionItem> items = order(orderValue * 100 / (1 - discountPercent / 100.0), visitor);
            String sessionId = null;
            if (purchase.linked()) {
                Session session = purchaseSession(visitor, items, time);
                sessionId = session.sessionId();
                writeSession(session);
                sessionTransactions++;
            }
            transactions.write(transaction(sessionId, user, time, items, discountPercent, random));
            lastActive[user] = Math.max(lastActive[user], time);
        }
        for (int i = 0; i < browsingSessions; i++) {
            double start = traits.arrival() + random.nextDouble() * (customer.activeEnd() - traits.arrival());
            writeSession(browsingSession(visitor, clock.epochSecond(start)));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("user_id", userIds[user]);
        line.put("segment", segment.jsonName());
        line.put("purchase_rate", customer.rate);
        line.put("dropout_probability", traits.dropout());
        line.put("churned_at", customer.history.churned()
                ? Datetimes.format(Instant.ofEpochSecond(clock.epochSecond(customer.history.churnedAt()))) : null);
        line.put("mean_order_value", traits.meanOrderValue(parameters));
        line.put("top_categories", Arrays.stream(traits.topCategories(3)).mapToObj(c -> catalogue.categoryIds[c])
                .toList());
        truth.write(JSON.writeValueAsString(line));
        truth.write('\n');
    }

    /**
     * Products and quantities whose subtotal comes as close to {@code targetCents} as the catalogue allows: a few
     * lines from the customer's preferred categories, each near an even share of what is left, then a last line
     * (quantity 1 to 5) chosen to close the gap, from a preferred category when that is within 1%, else from the
     * whole catalogue. Sold-out products are skipped.
     */
    private List<TransactionItem> order(double targetCents, Visitor visitor) {
        DeterministicRandom random = visitor.random;
        int lines = 1 + (random.chance(0.35) ? (random.chance(0.35) ? 2 : 1) : 0);
        lines = Math.min(MAX_LINES, Math.max(lines, (int) Math.ceil(targetCents / LINE_CEILING_CENTS)));
        List<TransactionItem> items = new ArrayList<>(lines);
        List<Integer> taken = new ArrayList<>(lines);
        double remaining = targetCents;
        for (int line = 0; line < lines - 1; line++) {
            int quantity = 1 + random.weighted(QUANTITY_WEIGHTS);
            double share = remaining / (lines - line);
            int product = nearest(productsByCategory[random.weighted(visitor.preferences)], share / quantity,
                    quantity, taken);
            if (product < 0) {
                product = nearest(productsByPrice, share / quantity, quantity, taken);
            }
            if (product >= 0) {
                remaining -= quantity * priceCents[product];
                add(items, taken, product, quantity);
            }
        }
        int cheapest = productsByPrice.length == 0 ? 0 : (int) priceCents[productsByPrice[0]];
        if (items.isEmpty() || remaining >= cheapest / 2.0) {
            long[] preferred = closest(productsByCategory[random.weighted(visitor.preferences)], remaining, taken);
            long[] choice = preferred;
            if (preferred[0] < 0 || preferred[2] > Math.max(100, 0.01 * remaining)) {
                long[] anywhere = closest(productsByPrice, remaining, taken);
                if (preferred[0] < 0 || (anywhere[0] >= 0 && anywhere[2] < preferred[2])) {
                    choice = anywhere;
                }
            }
            if (choice[0] >= 0) {
                add(items, taken, (int) choice[0], (int) choice[1]);
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("Every product near the order value is sold out after "
                    + transactionsWritten + " transactions; generate with more products or fewer transactions");
        }
        return items;
    }

    /** {product, quantity, |gap| in cents} of the best last line, product -1 when none is in stock. */
    private long[] closest(int[] sortedByPrice, double remaining, List<Integer> taken) {
        long[] best = {-1, 0, Long.MAX_VALUE};
        for (int quantity = 1; quantity <= 5; quantity++) {
            int product = nearest(sortedByPrice, remaining / quantity, quantity, taken);
            if (product >= 0) {
                long gap = Math.round(Math.abs(remaining - quantity * priceCents[product]));
                if (gap < best[2]) {
                    best = new long[] {product, quantity, gap};
                }
            }
        }
        return best;
    }

    /** The product whose price is nearest {@code cents} with stock for {@code quantity}, or -1. */
    private int nearest(int[] sortedByPrice, double cents, int quantity, List<Integer> taken) {
        int above = 0;
        int to = sortedByPrice.length;
        while (above < to) {
            int middle = (above + to) >>> 1;
            if (priceCents[sortedByPrice[middle]] < cents) {
                above = middle + 1;
            } else {
                to = middle;
            }
        }
        int below = above - 1;
        for (int step = 0; step < 64 && (below >= 0 || above < sortedByPrice.length); step++) {
            boolean takeBelow = above >= sortedByPrice.length || (below >= 0
                    && cents - priceCents[sortedByPrice[below]] <= priceCents[sortedByPrice[above]] - cents);
            int product = takeBelow ? sortedByPrice[below--] : sortedByPrice[above++];
            if (catalogue.products[product].stock >= quantity && !taken.contains(product)) {
                return product;
            }
        }
        return -1;
    }

    private void add(List<TransactionItem> items, List<Integer> taken, int product, int quantity) {
        Catalogue.ProductDraft draft = catalogue.products[product];
        draft.stock -= quantity;
        taken.add(product);
        items.add(new TransactionItem(catalogue.productIds[product], quantity, draft.price,
                draft.price.multiply(BigDecimal.valueOf(quantity))));
    }

    private Transaction transaction(String sessionId, int user, long time, List<TransactionItem> items,
                                    int discountPercent, DeterministicRandom random) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (TransactionItem item : items) {
            subtotal = subtotal.add(item.subtotal());
        }
        BigDecimal discount = subtotal.multiply(BigDecimal.valueOf(discountPercent)).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
        String paymentMethod = random.pick(Vocabulary.PAYMENT_METHODS);
        String status = Vocabulary.TRANSACTION_STATUSES.get(random.weighted(GenerationRun.STATUS_WEIGHTS));
        String transactionId = "txn_" + GenerationRun.hex(
                GenerationRun.permute(transactionsWritten++, transactionIdKey, 48), 12);
        return new Transaction(transactionId, sessionId, userIds[user], Instant.ofEpochSecond(time), items, subtotal,
                discount, subtotal.subtract(discount), paymentMethod, status);
    }

    /** A session ending with the purchase: a little browsing, the bought products' pages, cart, checkout, confirmation. */
    private Session purchaseSession(Visitor visitor, List<TransactionItem> items, long purchaseTime) {
        SessionDraft draft = new SessionDraft();
        int browsing = Math.min(MAX_PAGES - 3 - MAX_PRODUCT_PAGES_OF_AN_ORDER,
                visitor.draws.nextPoisson(2 * visitor.engagement));
        int page = visitor.random.weighted(GenerationRun.FIRST_PAGE);
        for (int k = 0; k < browsing; k++) {
            draft.view(page, visitor, this);
            page = visitor.random.weighted(GenerationRun.NEXT_PAGE[page]);
            if (page >= CART) {
                page = GenerationRun.PRODUCT_DETAIL;
            }
        }
        for (int k = 0; k < Math.min(MAX_PRODUCT_PAGES_OF_AN_ORDER, items.size()); k++) {
            draft.productPage(items.get(k).productId(), categoryOf(items.get(k).productId()), visitor);
        }
        draft.page(CART, null, null, visitor);
        draft.page(GenerationRun.CHECKOUT, null, null, visitor);
        draft.page(CONFIRMATION, null, null, visitor);
        Map<String, CartItem> cart = new LinkedHashMap<>();
        for (TransactionItem item : items) {
            cart.put(item.productId(), new CartItem(item.quantity(), item.unitPrice()));
        }
        return draft.session(purchaseTime - draft.elapsed, cart, "converted", visitor, this);
    }

    /** A visit without a purchase: the page-flow chain, add-to-cart with the segment's chance, never confirmed. */
    private Session browsingSession(Visitor visitor, long start) {
        SessionDraft draft = new SessionDraft();
        int pages = Math.min(MAX_PAGES, 3 + visitor.draws.nextPoisson(4 * visitor.engagement));
        Map<Integer, Integer> cart = new LinkedHashMap<>();
        int page = visitor.random.weighted(GenerationRun.FIRST_PAGE);
        for (int k = 0; k < pages; k++) {
            int product = draft.view(page, visitor, this);
            if (product >= 0 && visitor.random.chance(visitor.segment.cartChance)) {
                cart.merge(product, visitor.random.between(1, 2), Integer::sum);
            }
            page = visitor.random.weighted(GenerationRun.NEXT_PAGE[page]);
            if (page == CONFIRMATION) {
                page = GenerationRun.HOME;
            }
        }
        Map<String, CartItem> cartContents = new LinkedHashMap<>();
        cart.forEach((product, quantity) -> cartContents.put(catalogue.productIds[product],
                new CartItem(quantity, catalogue.products[product].price)));
        long begin = Math.min(start, periodEnd - 1 - draft.elapsed);
        return draft.session(begin, cartContents, cart.isEmpty() ? "browsed" : "abandoned", visitor, this);
    }

    private String categoryOf(String productId) {
        int index = Integer.parseInt(productId.substring("prod_".length())) - 1;
        return catalogue.categoryIds[catalogue.products[index].category];
    }

    /** A product of a category drawn from the visitor's preferences (any active product if it has none). */
    private int preferredProduct(Visitor visitor) {
        int[] candidates = productsByCategory[visitor.random.weighted(visitor.preferences)];
        if (candidates.length == 0) {
            candidates = productsByPrice;
        }
        return candidates[visitor.random.nextInt(candidates.length)];
    }

    private void writeSession(Session session) {
        if (sessionWriter == null || sessionsWritten == (long) sessionFile * spec.sessionsPerFile()) {
            if (sessionWriter != null) {
                sessionWriter.close();
            }
            sessionWriter = nextSessionFile();
        }
        sessionWriter.write(session);
        sessionsWritten++;
    }

    private JsonArrayWriter<Session> nextSessionFile() {
        return open("sessions_" + sessionFile++ + ".json", EntityType.SESSIONS);
    }

    private Map<String, Object> parametersJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("behaviour", Behaviour.REALISTIC.optionValue());
        json.put("seed", spec.seed());
        json.put("time_unit", "days");
        json.put("clock", "continuous: purchase times to the second; BG/NBD's T of a customer is the period end"
                + " minus their first purchase");
        json.put("period_start", Datetimes.format(spec.periodStart()));
        json.put("period_end", Datetimes.format(spec.periodEnd()));
        json.put("customers", spec.users());
        json.put("bg_nbd", ordered("r", parameters.r(), "alpha", parameters.alpha(), "a", parameters.a(),
                "b", parameters.b()));
        json.put("gamma_gamma", ordered("p", parameters.p(), "q", parameters.q(), "gamma", parameters.gamma(),
                "order_value", "total"));
        json.put("category_preferences", ordered("distribution", "dirichlet",
                "concentration", parameters.preferenceConcentration()));
        json.put("purchases_in_sessions", linkedShare);
        return json;
    }

    /** A JSON object with its keys in the given order (Map.of's order changes from one JVM run to the next). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private GenerationSummary summary() {
        return GenerationSummary.of(folder, files, spec, transactionsWritten, sessionTransactions, sessionsWritten);
    }

    private <T> JsonArrayWriter<T> open(String fileName, EntityType<T> type) {
        Path file = folder.resolve(fileName);
        files.add(file);
        return JsonArrayWriter.open(file, type, spec.layout(), LineEnding.LF);
    }

    private DeterministicRandom stream(int user, int purpose) {
        return DeterministicRandom.forStream(spec.seed(), 3L * user + purpose);
    }

    private int[] byPrice(int[] products) {
        return Arrays.stream(products).boxed()
                .sorted((left, right) -> left.equals(right) ? 0 : priceCents[left] != priceCents[right]
                        ? Long.compare(priceCents[left], priceCents[right]) : Integer.compare(left, right))
                .mapToInt(Integer::intValue).toArray();
    }

    /** A customer's draws and purchases. */
    private record Customer(CustomerTraits traits, double rate, PurchaseHistory history, int days) {
        /** Browsing lasts to the window's end, or a little beyond the dropout of a churned customer. */
        double activeEnd() {
            return history.churned() ? Math.min(days, history.churnedAt() + LINGERING_DAYS) : days;
        }
    }

    /** What a customer's sessions are made from. */
    private record Visitor(int user, PlantedSegment segment, double engagement, double[] preferences,
                           int primaryDevice, DeterministicRandom random, RandomDataGenerator draws) {
    }

    /** Pages of a session being built; times are relative to its start until {@link #session} places it. */
    private static final class SessionDraft {
        final List<PageView> pages = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        final List<String> viewed = new ArrayList<>();
        long elapsed;

        /** Adds a page of the given type with what it shows; returns the product shown or -1. */
        int view(int page, Visitor visitor, RealisticGenerationRun run) {
            if (page == GenerationRun.PRODUCT_DETAIL) {
                int product = run.preferredProduct(visitor);
                productPage(run.catalogue.productIds[product],
                        run.catalogue.categoryIds[run.catalogue.products[product].category], visitor);
                return product;
            }
            String category = page == GenerationRun.CATEGORY_LISTING
                    ? run.catalogue.categoryIds[visitor.random.weighted(visitor.preferences)] : null;
            page(page, null, category, visitor);
            return -1;
        }

        void productPage(String productId, String categoryId, Visitor visitor) {
            if (!viewed.contains(productId)) {
                viewed.add(productId);
            }
            page(GenerationRun.PRODUCT_DETAIL, productId, categoryId, visitor);
        }

        /** Seconds on a page: 10 plus an exponential with mean 40 x engagement, at most 150 in all. */
        void page(int page, String productId, String categoryId, Visitor visitor) {
            int duration = 10 + (int) Math.min(140, -Math.log1p(-visitor.random.nextDouble()) * 40 * visitor.engagement);
            offsets.add((int) elapsed);
            pages.add(new PageView(null, Vocabulary.PAGE_TYPES.get(page), productId, categoryId, duration));
            elapsed += duration;
        }

        Session session(long start, Map<String, CartItem> cart, String status, Visitor visitor,
                        RealisticGenerationRun run) {
            List<PageView> placed = new ArrayList<>(pages.size());
            for (int i = 0; i < pages.size(); i++) {
                PageView page = pages.get(i);
                placed.add(new PageView(Instant.ofEpochSecond(start + offsets.get(i)), page.pageType(),
                        page.productId(), page.categoryId(), page.viewDuration()));
            }
            DeterministicRandom random = visitor.random;
            String sessionId = "sess_" + GenerationRun.hex(
                    GenerationRun.permute(run.sessionsWritten, run.sessionIdKey, 40), 10);
            GeoData place = random.chance(0.9) ? run.userPlaces[visitor.user] : random.pick(GenerationRun.PLACES);
            SessionGeo geo = new SessionGeo(place.city(), place.state(), place.country(), random.between(1, 223)
                    + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.between(1, 254));
            int device = random.chance(0.85) ? visitor.primaryDevice
                    : random.weighted(GenerationRun.cumulative(visitor.segment.deviceWeights));
            String referrer = Vocabulary.REFERRERS.get(
                    random.weighted(GenerationRun.cumulative(visitor.segment.referrerWeights)));
            long end = start + elapsed;
            run.lastActive[visitor.user] = Math.max(run.lastActive[visitor.user], end);
            return new Session(sessionId, run.userIds[visitor.user], Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(end), (int) elapsed, geo, deviceProfile(device, random), viewed, placed,
                    cart, status, referrer);
        }

        /** Operating system by device (iOS or Android on mobiles and tablets), browser by operating system. */
        private static DeviceProfile deviceProfile(int device, DeterministicRandom random) {
            String type = Vocabulary.DEVICE_TYPES.get(device);
            boolean desktop = "desktop".equals(type);
            String os = desktop ? (random.chance(0.65) ? "Windows" : "macOS") : (random.chance(0.55) ? "iOS" : "Android");
            double[] browserWeights = switch (os) {                       // Chrome, Safari, Firefox, Edge
                case "iOS", "macOS" -> new double[] {0.25, 0.70, 0.04, 0.01};
                case "Android" -> new double[] {0.85, 0, 0.10, 0.05};
                default -> new double[] {0.60, 0, 0.15, 0.25};
            };
            String browser = Vocabulary.BROWSERS.get(random.weighted(GenerationRun.cumulative(browserWeights)));
            return new DeviceProfile(type, os, browser);
        }
    }
}
