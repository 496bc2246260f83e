package io.ecomanalytics.data;

/**
 * Where a record starts in its file.
 *
 * @param file        the file name (without folder), e.g. {@code sessions_3.json}
 * @param recordIndex the 0-based index of the record in that file's array
 * @param line        the 1-based line of the record's opening brace
 * @param column      the 1-based column of the record's opening brace
 */
public record RecordPosition(String file, long recordIndex, long line, long column) {

    @Override
    public String toString() {
        return file + " record " + recordIndex + " (line " + line + ", column " + column + ")";
    }
}
