package io.ecomanalytics.data;

/** The line separator the dataset generator writes. Readers accept both. */
public enum LineEnding {
    /** {@code \n}. */
    LF("\n"),
    /** {@code \r\n}. */
    CRLF("\r\n");

    private final String characters;

    LineEnding(String characters) {
        this.characters = characters;
    }

    /** The separator itself. */
    public String characters() {
        return characters;
    }
}
