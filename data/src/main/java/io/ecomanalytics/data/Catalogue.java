package io.ecomanalytics.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The generated categories and products, shared by both behaviours: drawn from the run's random stream in a fixed
 * order (so the {@code uniform} behaviour keeps its byte-identical output), products holding their stock while it
 * changes.
 */
final class Catalogue {

    private static final long DAY = 86_400;
    private static final double ACTIVE_SHARE = 0.92;

    private static final List<String> CATEGORY_NAMES = List.of("Electronics", "Books", "Clothing", "Home & Kitchen",
            "Sports & Outdoors", "Beauty", "Toys & Games", "Grocery", "Automotive", "Health", "Jewelry", "Garden",
            "Pet Supplies", "Office Products", "Music", "Movies", "Baby", "Tools", "Shoes", "Video Games",
            "Furniture", "Appliances", "Arts & Crafts", "Luggage", "Software", "Watches", "Industrial",
            "Collectibles", "Handmade", "Musical Instruments");
    private static final List<String> SUBCATEGORY_KINDS = List.of("Essentials", "Premium", "Accessories", "Basics",
            "Deluxe", "Classics", "Pro", "Kids");
    private static final List<String> ADJECTIVES = List.of("Smart", "Classic", "Ultra", "Eco", "Compact", "Deluxe",
            "Portable", "Wireless", "Vintage", "Modern", "Ergonomic", "Premium", "Rugged", "Slim", "Handcrafted");
    private static final List<String> NOUNS = List.of("Lamp", "Backpack", "Speaker", "Mug", "Jacket", "Watch",
            "Blender", "Notebook", "Chair", "Headphones", "Kettle", "Sneakers", "Camera", "Desk", "Bottle", "Puzzle",
            "Drill", "Scarf", "Router", "Cookbook");
    final String[] categoryIds;
    final String[] productIds;
    final ProductDraft[] products;
    final int[] activeProducts;
    final List<Category> categories = new ArrayList<>();

    /** Draws the categories, then the products, from {@code random}. */
    Catalogue(GeneratorSpec spec, DeterministicRandom random, long periodStart) {
        categoryIds = new String[spec.categories()];
        productIds = new String[spec.products()];
        products = new ProductDraft[spec.products()];
        makeCategories(random);
        makeProducts(random, spec, periodStart);
        activeProducts = IntStream.range(0, products.length).filter(i -> products[i].active).toArray();
    }

    private void makeCategories(DeterministicRandom random) {
        for (int i = 0; i < categoryIds.length; i++) {
            categoryIds[i] = String.format("cat_%03d", i + 1);
            String name = i < CATEGORY_NAMES.size() ? CATEGORY_NAMES.get(i) : "Category " + (i + 1);
            int count = random.between(2, 5);
            List<Subcategory> subcategories = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                double margin = random.between(10, 40) / 100.0;
                subcategories.add(new Subcategory(String.format("sub_%03d_%02d", i + 1, j + 1),
                        name + " " + SUBCATEGORY_KINDS.get((i + j) % SUBCATEGORY_KINDS.size()), margin));
            }
            categories.add(new Category(categoryIds[i], name, subcategories));
        }
    }

    private void makeProducts(DeterministicRandom random, GeneratorSpec spec, long periodStart) {
        // A transaction takes about 3 items x 2 units: stock starts at 2 to 8 times that expected demand, so a few
        // popular products sell out late in the window (and are then skipped) while most never do.
        long demand = 6 * spec.transactions() / spec.products();
        int stockFloor = (int) Math.max(10, Math.min(1_000_000, 2 * demand));
        int stockCeiling = (int) Math.max(50, Math.min(4_000_000, 8 * demand));
        for (int i = 0; i < products.length; i++) {
            productIds[i] = String.format("prod_%05d", i + 1);
            String name = random.pick(ADJECTIVES) + " " + random.pick(NOUNS);
            int category = random.nextInt(categoryIds.length);
            long created = periodStart - DAY - random.nextLong(365 * DAY);
            long cents = random.between(500, 50_000);
            int changes = random.between(0, 3);
            List<PriceHistoryEntry> history = new ArrayList<>();
            history.add(new PriceHistoryEntry(BigDecimal.valueOf(cents, 2), Instant.ofEpochSecond(created)));
            long changeDate = created;
            for (int c = 0; c < changes; c++) {
                changeDate += 1 + random.nextLong(Math.max(1, (periodStart - changeDate) / 2));
                cents = Math.max(100, cents * random.between(80, 120) / 100);
                history.add(new PriceHistoryEntry(BigDecimal.valueOf(cents, 2), Instant.ofEpochSecond(changeDate)));
            }
            boolean active = random.chance(ACTIVE_SHARE);
            products[i] = new ProductDraft(name, category, BigDecimal.valueOf(cents, 2), random.between(stockFloor, stockCeiling),
                    active || i == 0, history, created);
        }
    }

    /** Writes {@code categories.json}. */
    void writeCategories(JsonArrayWriter<Category> writer) {
        categories.forEach(writer::write);
    }

    /** Writes {@code products.json} with each product's final stock. */
    void writeProducts(JsonArrayWriter<Product> writer) {
        for (int i = 0; i < products.length; i++) {
            ProductDraft draft = products[i];
            writer.write(new Product(productIds[i], draft.name, categoryIds[draft.category], draft.price,
                    draft.stock, draft.active, draft.history, Instant.ofEpochSecond(draft.created)));
        }
    }

    /** A product while stock changes; written once generation is over. */
    static final class ProductDraft {
        final String name;
        final int category;
        final BigDecimal price;
        final boolean active;
        final List<PriceHistoryEntry> history;
        final long created;
        int stock;

        ProductDraft(String name, int category, BigDecimal price, int stock, boolean active,
                     List<PriceHistoryEntry> history, long created) {
            this.name = name;
            this.category = category;
            this.price = price;
            this.stock = stock;
            this.active = active;
            this.history = history;
            this.created = created;
        }
    }
}
