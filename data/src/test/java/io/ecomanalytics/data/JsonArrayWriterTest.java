package io.ecomanalytics.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonArrayWriterTest {

    private static final User FIRST = new User("user_000001", new GeoData("Lyon", "ARA", "France"),
            Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T10:30:00.250Z"));
    private static final User SECOND = new User("user_000002", new GeoData("Oslo", "Oslo", "Norway"),
            Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"));

    @TempDir
    Path folder;

    @Test
    void oneRecordPerLineWithTheChosenLineEnding() throws IOException {
        String first = "{\"user_id\":\"user_000001\",\"geo_data\":{\"city\":\"Lyon\",\"state\":\"ARA\",\"country\":"
                + "\"France\"},\"registration_date\":\"2024-01-01T00:00:00\",\"last_active\":\"2024-02-01T10:30:00.250\"}";
        String second = "{\"user_id\":\"user_000002\",\"geo_data\":{\"city\":\"Oslo\",\"state\":\"Oslo\",\"country\":"
                + "\"Norway\"},\"registration_date\":\"2024-01-02T00:00:00\",\"last_active\":\"2024-01-03T00:00:00\"}";

        assertThat(write("lf.json", JsonLayout.ONE_RECORD_PER_LINE, LineEnding.LF))
                .isEqualTo("[\n" + first + ",\n" + second + "\n]\n");
        assertThat(write("crlf.json", JsonLayout.ONE_RECORD_PER_LINE, LineEnding.CRLF))
                .isEqualTo("[\r\n" + first + ",\r\n" + second + "\r\n]\r\n");
    }

    @Test
    void prettyIsIndentedByTwoSpacesWithASpaceAfterColons() throws IOException {
        String expected = """
                [
                  {
                    "user_id": "user_000001",
                    "geo_data": {
                      "city": "Lyon",
                      "state": "ARA",
                      "country": "France"
                    },
                    "registration_date": "2024-01-01T00:00:00",
                    "last_active": "2024-02-01T10:30:00.250"
                  },
                  {
                    "user_id": "user_000002",
                    "geo_data": {
                      "city": "Oslo",
                      "state": "Oslo",
                      "country": "Norway"
                    },
                    "registration_date": "2024-01-02T00:00:00",
                    "last_active": "2024-01-03T00:00:00"
                  }
                ]
                """;
        assertThat(write("pretty.json", JsonLayout.PRETTY, LineEnding.LF)).isEqualTo(expected);
        assertThat(write("pretty-crlf.json", JsonLayout.PRETTY, LineEnding.CRLF))
                .isEqualTo(expected.replace("\n", "\r\n"));
    }

    @Test
    void gzipOutputIsTheSameTextAndByteIdenticalAcrossRuns() throws IOException {
        String plain = write("plain.json", JsonLayout.ONE_RECORD_PER_LINE, LineEnding.LF);
        write("first.json.gz", JsonLayout.ONE_RECORD_PER_LINE, LineEnding.LF);
        write("second.json.gz", JsonLayout.ONE_RECORD_PER_LINE, LineEnding.LF);

        try (InputStream input = new GZIPInputStream(Files.newInputStream(folder.resolve("first.json.gz")))) {
            assertThat(new String(input.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        assertThat(Files.readAllBytes(folder.resolve("second.json.gz")))
                .isEqualTo(Files.readAllBytes(folder.resolve("first.json.gz")));
    }

    private String write(String name, JsonLayout layout, LineEnding ending) throws IOException {
        Path file = folder.resolve(name);
        try (JsonArrayWriter<User> writer = JsonArrayWriter.open(file, EntityType.USERS, layout, ending)) {
            writer.write(FIRST);
            writer.write(SECOND);
            assertThat(writer.recordsWritten()).isEqualTo(2);
        }
        return name.endsWith(".gz") ? "" : Files.readString(file, StandardCharsets.UTF_8);
    }
}
