package io.ecomanalytics.mongo;

import io.ecomanalytics.transforms.LocalTestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one local SparkSession of the test JVM, created by the first test class that asks for it and stopped when the
 * whole run ends (through the root context's store), so that the JVM exits promptly.
 */
final class SharedSpark implements ParameterResolver {
    private static final Object LOCK = new Object();
    private static SparkSession session;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        synchronized (LOCK) {
            if (session == null) {
                SparkSession started = LocalTestSpark.session("ingest-mongo-tests");
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedSpark.class.getName(),
                        (ExtensionContext.Store.CloseableResource) started::stop);
                session = started;
            }
            return session;
        }
    }
}
