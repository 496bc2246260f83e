package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The one Jackson factory of the module (factories are thread-safe and cache symbol tables). */
final class JsonFactories {

    /** Money is written as plain decimals ({@code 1200.50}), never in exponent notation. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonFactories() {
    }
}
