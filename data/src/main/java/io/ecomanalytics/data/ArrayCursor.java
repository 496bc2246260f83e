package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Walks the elements of the single JSON array in one file ({@code .json} or {@code .json.gz}), leaving the parser on
 * each element's first token. Anything that breaks the array's structure becomes a {@link DatasetFormatException}
 * with the file, line and column.
 */
final class ArrayCursor implements Closeable {

    private static final int GZIP_BUFFER_BYTES = 1 << 16;

    private final String fileName;
    private final JsonParser parser;
    private long elementIndex = -1;
    private long line;
    private long column;
    private long startByte;
    private boolean finished;

    ArrayCursor(Path file) {
        this.fileName = file.getFileName().toString();
        InputStream input = null;
        try {
            input = Files.newInputStream(file);
            if (fileName.endsWith(".gz")) {
                input = new GZIPInputStream(input, GZIP_BUFFER_BYTES);
            }
            this.parser = JsonFactories.FACTORY.createParser(input);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Dataset file " + file + " does not exist", e);
        } catch (IOException e) {
            closeQuietly(input);
            throw malformedOrUnreadable(e, file);
        }
        JsonToken first = advance();
        if (first == null) {
            close();
            throw new DatasetFormatException(fileName, 1, 1,
                    "the file is empty; expected a JSON array (write [] for a file without records)", null);
        }
        if (first != JsonToken.START_ARRAY) {
            DatasetFormatException error = formatError(parser.currentTokenLocation(),
                    "expected a JSON array ('[') at the start of the file but found " + JsonFields.describe(first),
                    null);
            close();
            throw error;
        }
    }

    String fileName() {
        return fileName;
    }

    JsonParser parser() {
        return parser;
    }

    /**
     * Moves to the next element of the array, or returns false at its end after checking nothing follows the
     * closing bracket.
     */
    boolean nextElement() {
        if (finished) {
            return false;
        }
        JsonToken token = advance();
        if (token == JsonToken.END_ARRAY) {
            finished = true;
            JsonToken trailing = advance();
            if (trailing != null) {
                throw formatError(parser.currentTokenLocation(),
                        "found " + JsonFields.describe(trailing) + " after the closing ']' of the array; a file holds "
                                + "exactly one array", null);
            }
            return false;
        }
        if (token == null) {
            throw formatError(parser.currentLocation(), "unexpected end of input: the array is not closed with ']'",
                    null);
        }
        elementIndex++;
        JsonLocation location = parser.currentTokenLocation();
        line = location.getLineNr();
        column = location.getColumnNr();
        startByte = location.getByteOffset();
        return true;
    }

    /** The position of the element the cursor is on. */
    RecordPosition position() {
        return new RecordPosition(fileName, elementIndex, line, column);
    }

    /** The byte offset of the current element's first token. */
    long startByte() {
        return startByte;
    }

    /** The byte offset just after the last token read. */
    long currentByte() {
        return parser.currentLocation().getByteOffset();
    }

    /** Skips the rest of the current element, wherever inside it the parser is, and returns to array level. */
    void skipRestOfElement() {
        try {
            // Depth 1 is the dataset's array itself; anything deeper is still inside the element.
            while (parser.getParsingContext().getNestingDepth() > 1) {
                if (parser.nextToken() == null) {
                    throw formatError(parser.currentLocation(), "unexpected end of input inside a record", null);
                }
            }
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Turns a parser failure into the format error of this file. */
    DatasetFormatException malformed(IOException e) {
        JsonLocation location = e instanceof JsonProcessingException processing && processing.getLocation() != null
                ? processing.getLocation()
                : parser.currentLocation();
        String problem = e instanceof JsonProcessingException processing
                ? "malformed JSON: " + processing.getOriginalMessage()
                : "unreadable input: " + e;
        return formatError(location, problem, e);
    }

    private JsonToken advance() {
        try {
            return parser.nextToken();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private DatasetFormatException formatError(JsonLocation location, String problem, Throwable cause) {
        return new DatasetFormatException(fileName, Math.max(1, location.getLineNr()),
                Math.max(1, location.getColumnNr()), problem, cause);
    }

    private static RuntimeException malformedOrUnreadable(IOException e, Path file) {
        return new DatasetFormatException(file.getFileName().toString(), 1, 1,
                "cannot open the file (" + e + "); a .gz file must be gzip-compressed", e);
    }

    private static void closeQuietly(InputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // The open already failed; that failure is the one worth reporting.
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + fileName, e);
        }
    }
}
