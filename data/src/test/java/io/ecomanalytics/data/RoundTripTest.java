package io.ecomanalytics.data;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    @TempDir
    Path folder;

    static Stream<Arguments> layouts() {
        List<Arguments> arguments = new ArrayList<>();
        for (JsonLayout layout : JsonLayout.values()) {
            for (LineEnding ending : LineEnding.values()) {
                for (String extension : List.of(".json", ".json.gz")) {
                    arguments.add(Arguments.of(layout, ending, extension));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("layouts")
    void everyEntityReadsBackEqual(JsonLayout layout, LineEnding ending, String extension) {
        assertRoundTrip(EntityType.USERS, List.of(SampleRecords.user()), layout, ending, extension);
        assertRoundTrip(EntityType.PRODUCTS, List.of(SampleRecords.product()), layout, ending, extension);
        assertRoundTrip(EntityType.CATEGORIES, List.of(SampleRecords.category()), layout, ending, extension);
        assertRoundTrip(EntityType.TRANSACTIONS,
                List.of(SampleRecords.transaction(), SampleRecords.standaloneTransaction()), layout, ending, extension);
        assertRoundTrip(EntityType.SESSIONS, List.of(SampleRecords.session(), SampleRecords.session()), layout,
                ending, extension);
        assertRoundTrip(EntityType.SESSIONS, List.of(), layout, ending, extension);
    }

    private <T> void assertRoundTrip(EntityType<T> type, List<T> records, JsonLayout layout, LineEnding ending,
                                     String extension) {
        Path file = folder.resolve(type.name() + records.size() + extension);
        try (JsonArrayWriter<T> writer = JsonArrayWriter.open(file, type, layout, ending)) {
            records.forEach(writer::write);
        }
        List<T> read = new ArrayList<>();
        try (RecordStream<T> stream = DatasetFiles.readFile(file, type)) {
            stream.forEachRemaining(read::add);
        }
        assertThat(read).isEqualTo(records);
    }
}
