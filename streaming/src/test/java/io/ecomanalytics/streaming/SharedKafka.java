package io.ecomanalytics.streaming;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Passes one {@link EmbeddedKafka}, started on first use and stopped when the JUnit run ends, to every test that takes
 * one: a broker start costs seconds. Tests keep apart by topic or by reading only what they wrote.
 */
final class SharedKafka implements ParameterResolver {

    private record Resource(EmbeddedKafka kafka) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            kafka.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedKafka.class.getName(), key -> new Resource(EmbeddedKafka.start()),
                        Resource.class)
                .kafka();
    }
}
