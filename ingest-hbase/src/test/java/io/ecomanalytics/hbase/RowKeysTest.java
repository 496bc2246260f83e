package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

class RowKeysTest {
    private static final int SAMPLES = 20_000;

    @Test
    void aKeyIsReadableWithTheUserTheUtcSecondAndSixteenHexDigits() {
        byte[] key = RowKeys.encode("user_000042", Instant.parse("2024-03-01T12:30:05.750Z"), "sess_0123456789");

        String text = new String(key, StandardCharsets.UTF_8);
        assertThat(text).matches("user_000042_20240301123005_[0-9a-f]{16}");
        assertThat(RowKeys.decode(key)).isEqualTo(new RowKeys.RowKey("user_000042",
                Instant.parse("2024-03-01T12:30:05Z"), text.substring(text.length() - 16)));
    }

    @Test
    void theSameSessionAlwaysGetsTheSameKeyAndTwoSessionsInOneSecondGetTwo() {
        Instant start = Instant.parse("2024-03-01T12:30:05Z");
        byte[] first = RowKeys.encode("user_000001", start, "sess_aaaaaaaaaa");

        assertThat(RowKeys.encode("user_000001", start, "sess_aaaaaaaaaa")).isEqualTo(first);
        assertThat(RowKeys.encode("user_000001", start.plusMillis(400), "sess_bbbbbbbbbb")).isNotEqualTo(first);
    }

    @Test
    void randomKeysRoundTripAndSortByUserThenTime() {
        Random random = new Random(20_261_126L);
        List<Sample> samples = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            String user = String.format("user_%06d", random.nextInt(500));
            Instant start = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            String session = "sess_" + Long.toHexString(random.nextLong());
            byte[] key = RowKeys.encode(user, start, session);
            RowKeys.RowKey decoded = RowKeys.decode(key);
            assertThat(decoded.userId()).isEqualTo(user);
            assertThat(decoded.startSecond()).isEqualTo(Instant.ofEpochSecond(start.getEpochSecond()));
            assertThat(key).hasSize(user.length() + 1 + 14 + 1 + 16);
            keys.add(new String(key, StandardCharsets.UTF_8));
            samples.add(new Sample(user, start.getEpochSecond(), key));
        }
        assertThat(keys).as("distinct sessions get distinct keys").hasSize(SAMPLES);

        List<Sample> byKey = new ArrayList<>(samples);
        byKey.sort((a, b) -> Bytes.BYTES_COMPARATOR.compare(a.key, b.key));
        for (int i = 1; i < byKey.size(); i++) {
            Sample previous = byKey.get(i - 1);
            Sample current = byKey.get(i);
            int users = previous.user.compareTo(current.user);
            assertThat(users).as("user order at %d", i).isLessThanOrEqualTo(0);
            if (users == 0) {
                assertThat(previous.second).as("time order within user %s", current.user)
                        .isLessThanOrEqualTo(current.second);
            }
        }
    }

    @Test
    void theUserPrefixSelectsExactlyThatUsersKeys() {
        Random random = new Random(7L);
        List<String> users = List.of("user_000001", "user_000010", "user_000100", "user_0000011", "u");
        for (int i = 0; i < SAMPLES; i++) {
            String owner = users.get(random.nextInt(users.size()));
            byte[] key = RowKeys.encode(owner, Instant.ofEpochSecond(random.nextInt(2_000_000_000)),
                    "s" + random.nextLong());
            for (String user : users) {
                assertThat(Bytes.startsWith(key, RowKeys.userPrefix(user)))
                        .as("key of %s against prefix of %s", owner, user).isEqualTo(user.equals(owner));
            }
        }
    }

    @Test
    void theTimeBoundSplitsAUsersKeysAtTheSecond() {
        Random random = new Random(11L);
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000), random.nextInt(1_000_000_000));
            Instant bound = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000));
            byte[] key = RowKeys.encode("user_000007", start, "sess_" + i);
            int comparison = Bytes.BYTES_COMPARATOR.compare(key, RowKeys.userTimeBound("user_000007", bound));
            assertThat(comparison >= 0).as("%s against bound %s", start, bound)
                    .isEqualTo(start.getEpochSecond() >= bound.getEpochSecond());
        }
    }

    @Test
    void aUserIdWithUnderscoresDecodesFromTheFixedWidthTail() {
        byte[] key = RowKeys.encode("shop_eu_20240301123005_x", Instant.parse("1999-12-31T23:59:59Z"), "s");

        assertThat(RowKeys.decode(key).userId()).isEqualTo("shop_eu_20240301123005_x");
        assertThat(RowKeys.decode(key).startSecond()).isEqualTo(Instant.parse("1999-12-31T23:59:59Z"));
    }

    @Test
    void keysThatCannotBeWrittenOrReadSayWhy() {
        assertThatThrownBy(() -> RowKeys.encode("", Instant.EPOCH, "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A session without a user_id has no row key; every session needs one");
        assertThatThrownBy(() -> RowKeys.encode("u", Instant.parse("+10000-01-01T00:00:00Z"), "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lies outside the years 0000-9999");
        assertThatThrownBy(() -> RowKeys.decode("user_1_2024".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Row key 'user_1_2024' is not <user_id>_<yyyyMMddHHmmss>_<16 hex digits>; it was not "
                        + "written by this loader");
        byte[] notHex = Arrays.copyOf(RowKeys.encode("u", Instant.EPOCH, "s"), 33);
        notHex[32] = 'z';
        assertThatThrownBy(() -> RowKeys.decode(notHex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which is not 16 hex digits");
    }

    private record Sample(String user, long second, byte[] key) {
    }
}
