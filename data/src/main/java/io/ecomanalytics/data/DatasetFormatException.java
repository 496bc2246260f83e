package io.ecomanalytics.data;

/**
 * A dataset file is not a readable JSON array (broken JSON, truncated file or archive, bytes that are not UTF-8, an
 * empty file). Unlike a bad record, which is rejected and counted, this stops the read: nothing after the fault can be
 * trusted to be aligned with record boundaries.
 */
public final class DatasetFormatException extends RuntimeException {

    private final String file;
    private final long line;
    private final long column;

    DatasetFormatException(String file, long line, long column, String problem, Throwable cause) {
        super(file + " line " + line + ", column " + column + ": " + problem
                + ". The file must hold one JSON array of objects; repair it or generate the dataset again.", cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file name (without folder). */
    public String file() {
        return file;
    }

    /** The 1-based line of the fault. */
    public long line() {
        return line;
    }

    /** The 1-based column of the fault. */
    public long column() {
        return column;
    }
}
