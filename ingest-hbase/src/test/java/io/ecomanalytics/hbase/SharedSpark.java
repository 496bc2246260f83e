package io.ecomanalytics.hbase;

import io.ecomanalytics.transforms.LocalTestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** One local SparkSession for the whole test JVM, stopped when the JUnit run ends. */
final class SharedSpark implements ParameterResolver {

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
                        LocalTestSpark.session("ingest-hbase-tests")), Resource.class)
                .spark();
    }
}
