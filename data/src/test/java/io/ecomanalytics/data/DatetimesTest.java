package io.ecomanalytics.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DateTimeException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatetimesTest {

    @ParameterizedTest
    @CsvSource({
            "2024-03-01T12:30:05, 2024-03-01T12:30:05Z",
            "2024-03-01T12:30:05.5, 2024-03-01T12:30:05.500Z",
            "2024-03-01T12:30:05.123456, 2024-03-01T12:30:05.123456Z",
            "2024-03-01T12:30:05.123456789, 2024-03-01T12:30:05.123456789Z",
            "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
            "2024-03-01T14:30:05+02:00, 2024-03-01T12:30:05Z",
            "1969-12-31T23:59:59, 1969-12-31T23:59:59Z"})
    void naiveTimesAreReadAsUtc(String text, String utc) {
        assertThat(Datetimes.parse(text)).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-01T12:30:05Z, 2024-03-01T12:30:05",
            "2024-03-01T12:30:05.500Z, 2024-03-01T12:30:05.500",
            "2024-03-01T12:30:05.000123Z, 2024-03-01T12:30:05.000123",
            "2024-03-01T12:30:05.000000001Z, 2024-03-01T12:30:05.000000001",
            "2000-02-29T00:00:00Z, 2000-02-29T00:00:00",
            "1969-12-31T23:59:59Z, 1969-12-31T23:59:59"})
    void formatIsNaiveIsoLikeLocalDateTime(String instant, String text) {
        assertThat(Datetimes.format(Instant.parse(instant))).isEqualTo(text);
    }

    @Test
    void malformedTimesSayWhatIsWrong() {
        assertThatThrownBy(() -> Datetimes.parse("2024-03-01 12:30:05"))
                .isInstanceOf(DateTimeException.class)
                .hasMessage("'2024-03-01 12:30:05' is not an ISO-8601 datetime like 2024-03-01T12:30:05");
        assertThatThrownBy(() -> Datetimes.parse("2024-02-30T00:00:00"))
                .isInstanceOf(DateTimeException.class)
                .hasMessage("Invalid date 'FEBRUARY 30'");
        assertThatThrownBy(() -> Datetimes.parse("2024-03-01T24:00:00"))
                .isInstanceOf(DateTimeException.class)
                .hasMessage("'2024-03-01T24:00:00' has an invalid time of day");
        assertThatThrownBy(() -> Datetimes.parse("2024-03-01T12:30:05."))
                .isInstanceOf(DateTimeException.class)
                .hasMessage("'2024-03-01T12:30:05.' has 0 fraction digits; 1 to 9 are allowed");
    }
}
