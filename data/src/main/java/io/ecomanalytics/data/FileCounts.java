package io.ecomanalytics.data;

/**
 * How one file's records ended: {@code read = accepted + rejected}.
 *
 * @param file     the file name
 * @param entity   the entity name, e.g. {@code sessions}
 * @param read     records read (array elements)
 * @param accepted records that passed every rule
 * @param rejected records sent to the reject sink
 */
public record FileCounts(String file, String entity, long read, long accepted, long rejected) {

    /** True when every record read was either accepted or rejected. */
    public boolean reconciles() {
        return read == accepted + rejected;
    }
}
