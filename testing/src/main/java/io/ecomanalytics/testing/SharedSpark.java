package io.ecomanalytics.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that passes one local SparkSession ({@link LocalTestSpark}) to every test that takes a
 * {@code SparkSession} parameter. The session is shared by the whole test JVM and stopped when the JUnit run ends, so
 * that the JVM exits promptly.
 */
public final class SharedSpark implements ParameterResolver {

    private record Resource(SparkSession spark) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            spark.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedSpark.class.getName(), key -> new Resource(
                        LocalTestSpark.session("tests")), Resource.class)
                .spark();
    }
}
