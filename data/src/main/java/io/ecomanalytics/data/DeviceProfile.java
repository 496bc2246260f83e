package io.ecomanalytics.data;

/**
 * The device of a session.
 *
 * @param type    {@code type}, one of {@link Vocabulary#DEVICE_TYPES}
 * @param os      {@code os}, one of {@link Vocabulary#OPERATING_SYSTEMS}
 * @param browser {@code browser}, one of {@link Vocabulary#BROWSERS}
 */
public record DeviceProfile(String type, String os, String browser) {
}
