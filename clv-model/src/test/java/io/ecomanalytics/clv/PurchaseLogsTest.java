package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurchaseLogsTest {

    @TempDir
    Path directory;

    @Test
    void readsTransactionsCsvWithDatesAndDateTimes() throws IOException {
        Path file = write("customer_id,timestamp,amount\n"
                + "u1,2024-03-01,10.5\n"
                + "\n"
                + "u1,2024-03-02T23:30:00,4\n"
                + "u2,2024-03-02T23:30:00-02:00,7.25\n");
        assertThat(PurchaseLogs.readTransactionsCsv(file)).containsExactly(
                new Purchase("u1", LocalDate.of(2024, 3, 1), 10.5),
                new Purchase("u1", Instant.parse("2024-03-02T23:30:00Z"), 4.0),
                new Purchase("u2", Instant.parse("2024-03-03T01:30:00Z"), 7.25));
    }

    @Test
    void readsQuotedIdsExactlyAsWritten() throws IOException {
        Path file = write("customer_id,timestamp,amount\n"
                + "\"Smith, Jane\",2024-03-01,1\n"
                + "\"say \"\"hi\"\"\",2024-03-01,2\n"
                + " Zoë ,2024-03-01,3\n");
        assertThat(PurchaseLogs.readTransactionsCsv(file)).extracting(Purchase::customerId)
                .containsExactly("Smith, Jane", "say \"hi\"", " Zoë ");
    }

    @Test
    void namesTheLineOfARowWithTooManyFields() throws IOException {
        Path file = write("customer_id,timestamp,amount\nu1,2024-03-01,5\nSmith, Jane,2024-03-01,5\n");
        assertThatThrownBy(() -> PurchaseLogs.readTransactionsCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 3: line has 4 fields; expected 3 (customer_id,timestamp,amount; quote a"
                        + " value that holds a comma, as in RFC 4180)");
    }

    @Test
    void namesTheLineOfAnUnclosedQuote() throws IOException {
        Path file = write("customer_id,timestamp,amount\nu1,2024-03-01,5\n\"u2,2024-03-01,5\n");
        assertThatThrownBy(() -> PurchaseLogs.readTransactionsCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " line 3: line is not valid CSV: ");
    }

    @Test
    void readsTheCdnowSampleLayoutWithTheSampleIdAsCustomer() {
        var purchases = PurchaseLogs.readCdnow(CdnowData.resource("CDNOW_sample.txt"));
        assertThat(purchases).hasSize(6919);
        assertThat(purchases.get(0)).isEqualTo(new Purchase("0001", LocalDate.of(1997, 1, 1), 29.33));
    }

    @Test
    void readsTheCdnowMasterLayout() throws IOException {
        Path file = write(" customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n");
        assertThat(PurchaseLogs.readCdnow(file))
                .containsExactly(new Purchase("00001", LocalDate.of(1997, 1, 1), 11.77));
    }

    @Test
    void namesFileLineAndFieldOfABadAmount() throws IOException {
        Path file = write("customer_id,timestamp,amount\nu1,2024-03-01,ten\n");
        assertThatThrownBy(() -> PurchaseLogs.readTransactionsCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 2: amount 'ten' is not a number");
    }

    @Test
    void namesFileAndLineOfANegativeAmount() throws IOException {
        Path file = write("customer_id,timestamp,amount\nu1,2024-03-01,-5\n");
        assertThatThrownBy(() -> PurchaseLogs.readTransactionsCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " line 2: purchase of customer u1 at 2024-03-01T00:00:00Z has amount"
                        + " -5.0;");
    }

    @Test
    void rejectsAMissingHeaderAndBadTimestamps() throws IOException {
        Path headerless = write("u1,2024-03-01,5\n");
        assertThatThrownBy(() -> PurchaseLogs.readTransactionsCsv(headerless))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(headerless + " line 1: header is 'u1,2024-03-01,5'; a transactions CSV starts with the"
                        + " header 'customer_id,timestamp,amount'");
        Path badTime = write("customer_id,timestamp,amount\nu1,03/01/2024,5\n");
        assertThatThrownBy(() -> PurchaseLogs.readTransactionsCsv(badTime))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(badTime + " line 2: timestamp '03/01/2024' is not an ISO-8601 date");
        Path badCdnow = write(" 00004 0001 1997-01-01  2   29.33\n");
        assertThatThrownBy(() -> PurchaseLogs.readCdnow(badCdnow))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(badCdnow + " line 1: date '1997-01-01' is not a date in the form yyyymmdd");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(directory, "log", ".txt");
        Files.writeString(file, content);
        return file;
    }
}
