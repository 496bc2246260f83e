package io.ecomanalytics.runner;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delegates to its parent and remembers the names the parent could not load. Spark compiles generated code with
 * Janino, which probes every simple name against each imported package through the thread's context class loader;
 * each miss walks all the jars of the class path (some 360) in vain. The profile of a default run found about a tenth
 * of the CPU time there. A class path does not grow while a command runs, so a miss stays a miss.
 */
final class LookupCachingClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    LookupCachingClassLoader(ClassLoader parent) {
        super(parent);
    }

    /** {@code loader} wrapped, unless it is one already or null (a thread without a context class loader). */
    static ClassLoader around(ClassLoader loader) {
        return loader == null || loader instanceof LookupCachingClassLoader ? loader
                : new LookupCachingClassLoader(loader);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            // Without a cause, as the parent's own miss: Janino takes a miss with a cause for a failure.
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }
}
