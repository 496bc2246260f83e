package io.ecomanalytics.hbase;

import io.ecomanalytics.data.CartItem;
import io.ecomanalytics.data.DeviceProfile;
import io.ecomanalytics.data.PageView;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.SessionGeo;
import io.ecomanalytics.data.Vocabulary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Sessions with random but valid content, from a seeded {@link Random}, for property-style tests. */
final class RandomSessions {
    private static final Instant FIRST_START = Instant.parse("2024-01-01T00:00:00Z");

    private final Random random;

    RandomSessions(long seed) {
        this.random = new Random(seed);
    }

    Session next(String userId) {
        String sessionId = String.format("sess_%010x", random.nextLong() & 0xff_ffff_ffffL);
        Instant start = FIRST_START.plusSeconds(random.nextInt(90 * 86_400));
        int duration = 30 + random.nextInt(3571);
        List<PageView> views = new ArrayList<>();
        List<String> viewed = new ArrayList<>();
        Map<String, CartItem> cart = new LinkedHashMap<>();
        int pages = 4 + random.nextInt(13);
        for (int i = 0; i < pages; i++) {
            String type = pick(Vocabulary.PAGE_TYPES);
            String product = null;
            String category = null;
            if (type.equals("product_detail")) {
                product = String.format("prod_%05d", 1 + random.nextInt(50));
                category = String.format("cat_%03d", 1 + random.nextInt(5));
                if (!viewed.contains(product)) {
                    viewed.add(product);
                }
                if (random.nextInt(10) < 3) {
                    cart.put(product, new CartItem(1 + random.nextInt(3),
                            BigDecimal.valueOf(100 + random.nextInt(99_900), 2)));
                }
            } else if (type.equals("category_listing")) {
                category = String.format("cat_%03d", 1 + random.nextInt(5));
            }
            views.add(new PageView(start.plusSeconds(i * 30L), type, product, category, 5 + random.nextInt(200)));
        }
        return new Session(sessionId, userId, start, start.plusSeconds(duration), duration,
                new SessionGeo("City " + random.nextInt(20), "ST", pick(List.of("USA", "Canada", "Ireland")),
                        random.nextInt(256) + "." + random.nextInt(256) + ".7.9"),
                new DeviceProfile(pick(Vocabulary.DEVICE_TYPES), pick(Vocabulary.OPERATING_SYSTEMS),
                        pick(Vocabulary.BROWSERS)),
                viewed, views, cart, pick(Vocabulary.CONVERSION_STATUSES), pick(Vocabulary.REFERRERS));
    }

    List<Session> sessions(int count, int users) {
        List<Session> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sessions.add(next(String.format("user_%06d", 1 + random.nextInt(users))));
        }
        return sessions;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
