package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rejects as JSON lines; see {@link RejectSink#jsonLines(Path)}. */
final class JsonLinesRejectSink implements RejectSink {

    private final Path file;
    private final JsonGenerator generator;

    JsonLinesRejectSink(Path file) {
        this.file = file;
        try {
            generator = JsonFactories.FACTORY.createGenerator(
                    new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8);
            generator.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create reject file " + file + ": check the folder exists and is "
                    + "writable", e);
        }
    }

    @Override
    public void accept(Reject reject) {
        try {
            generator.writeStartObject();
            generator.writeStringField("file", reject.position().file());
            generator.writeNumberField("record_index", reject.position().recordIndex());
            generator.writeNumberField("line", reject.position().line());
            generator.writeNumberField("column", reject.position().column());
            generator.writeStringField("rule", reject.rule().wireName());
            generator.writeStringField("field", reject.field());
            generator.writeStringField("message", reject.message());
            generator.writeStringField("raw_record", reject.rawRecord());
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to reject file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            generator.writeRaw('\n');
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish reject file " + file, e);
        }
    }
}
