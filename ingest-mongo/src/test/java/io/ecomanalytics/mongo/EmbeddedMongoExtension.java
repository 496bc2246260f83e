package io.ecomanalytics.mongo;

import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded MongoDB-protocol server per test JVM, started by the first test class that needs it and closed when
 * the whole run ends (through the root context's store). Injects the {@link EmbeddedMongoServer} and
 * {@link MongoSettings} naming a database of the test class's own, so classes never see each other's data.
 */
final class EmbeddedMongoExtension implements ParameterResolver {
    private static final Object LOCK = new Object();
    private static EmbeddedMongoServer server;

    static EmbeddedMongoServer server(ExtensionContext context) {
        synchronized (LOCK) {
            if (server == null) {
                EmbeddedMongoServer started = EmbeddedMongoServer.start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(EmbeddedMongoExtension.class.getName(),
                                (ExtensionContext.Store.CloseableResource) started::close);
                server = started;
            }
            return server;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedMongoServer.class || type == MongoSettings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmbeddedMongoServer shared = server(context);
        if (parameter.getParameter().getType() == EmbeddedMongoServer.class) {
            return shared;
        }
        String database = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        return MongoSettings.of(shared.connectionString(), database);
    }
}
