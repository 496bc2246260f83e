package io.ecomanalytics.hbase;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One in-process HBase for the whole test JVM: started by the first test class that asks for it, stopped when the
 * JUnit run ends (the root store closes it). Test classes use their own table names.
 */
final class SharedHBase implements ParameterResolver {

    private record Resource(EmbeddedHBase hbase) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            hbase.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedHBase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedHBase.class.getName(), key -> new Resource(EmbeddedHBase.start()),
                        Resource.class)
                .hbase();
    }
}
