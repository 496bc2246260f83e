package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes records of one entity as a single JSON array, one record at a time, UTF-8, gzip-compressed when the file
 * name ends in {@code .gz}. The output depends only on the records, the layout and the line ending (gzip headers
 * carry no timestamp), so equal inputs give byte-identical files.
 *
 * @param <T> the record type
 */
final class JsonArrayWriter<T> implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final RecordCodec<T> codec;
    private final JsonGenerator generator;
    private final LineEnding lineEnding;
    private long recordsWritten;

    private JsonArrayWriter(Path file, EntityType<T> type, JsonLayout layout, LineEnding lineEnding)
            throws IOException {
        this.file = file;
        this.codec = type.codec();
        this.lineEnding = lineEnding;
        OutputStream output = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
        if (file.getFileName().toString().endsWith(".gz")) {
            output = new GZIPOutputStream(output, BUFFER_BYTES);
        }
        this.generator = JsonFactories.FACTORY.createGenerator(output, JsonEncoding.UTF8);
        generator.setPrettyPrinter(layout == JsonLayout.PRETTY ? pretty(lineEnding) : new OneRecordPerLine(lineEnding));
        generator.writeStartArray();
    }

    /** Creates (or replaces) {@code file} and writes the array's opening bracket. */
    public static <T> JsonArrayWriter<T> open(Path file, EntityType<T> type, JsonLayout layout,
                                              LineEnding lineEnding) {
        try {
            return new JsonArrayWriter<>(file, type, layout, lineEnding);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create dataset file " + file + ": check the folder exists and is "
                    + "writable", e);
        }
    }

    /** Appends one record to the array. */
    public void write(T record) {
        try {
            codec.write(generator, record);
            recordsWritten++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write record " + recordsWritten + " to " + file, e);
        }
    }

    /** How many records were written so far. */
    public long recordsWritten() {
        return recordsWritten;
    }

    /** Closes the array, ends the file with a line ending and closes it. */
    @Override
    public void close() {
        try {
            generator.writeEndArray();
            generator.writeRaw(lineEnding.characters());
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish dataset file " + file, e);
        }
    }

    private static PrettyPrinter pretty(LineEnding lineEnding) {
        DefaultIndenter indenter = new DefaultIndenter("  ", lineEnding.characters());
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** Compact records, each on its own line directly inside the top-level array. */
    private static final class OneRecordPerLine implements PrettyPrinter {

        private final String lineEnding;
        private int depth;

        OneRecordPerLine(LineEnding lineEnding) {
            this.lineEnding = lineEnding.characters();
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(lineEnding);
        }

        @Override
        public void writeStartObject(JsonGenerator generator) throws IOException {
            depth++;
            generator.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
            depth--;
            generator.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(',');
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(':');
        }

        @Override
        public void writeStartArray(JsonGenerator generator) throws IOException {
            depth++;
            generator.writeRaw('[');
            if (depth == 1) {
                generator.writeRaw(lineEnding);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator generator, int values) throws IOException {
            if (depth == 1 && values > 0) {
                generator.writeRaw(lineEnding);
            }
            depth--;
            generator.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(',');
            if (depth == 1) {
                generator.writeRaw(lineEnding);
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator generator) {
            // Nothing between '[' and the first value beyond what writeStartArray wrote.
        }

        @Override
        public void beforeObjectEntries(JsonGenerator generator) {
            // Compact: nothing between '{' and the first field.
        }
    }
}
