package io.ecomanalytics.runner;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.ecomanalytics.data.GeneratorSpec;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns before a long run in a JVM that compiles with C1 only. {@code .mvn/jvm.config} sets
 * {@code -XX:TieredStopAtLevel=1} because the default {@code small} run is short: on two cores the C2 compiler's work
 * costs more than its faster code repays. A long run is the other way round.
 */
final class CompilerHint {
    private static final Logger LOG = LoggerFactory.getLogger(CompilerHint.class);
    private static final long SMALL_TRANSACTIONS = GeneratorSpec.scale("small").transactions();

    private CompilerHint() {
    }

    /** Logs the hint when the run reads a given dataset or generates one larger than {@code small}. */
    static void beforeRun(PipelineSettings settings) {
        if (longRun(settings) && clientCompilerOnly()) {
            LOG.warn("This JVM compiles with C1 only (-XX:TieredStopAtLevel=1, from .mvn/jvm.config), which suits the"
                    + " short default run; a run on a larger or given dataset is faster with the C2 compiler: set"
                    + " MAVEN_OPTS=\"-XX:TieredStopAtLevel=4\"");
        }
    }

    /** A given dataset may be of any size; a generated one is long to process beyond {@code small}. */
    static boolean longRun(PipelineSettings settings) {
        return settings.data().isPresent() || settings.generatorSpec().transactions() > SMALL_TRANSACTIONS;
    }

    private static boolean clientCompilerOnly() {
        try {
            return "1".equals(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("TieredStopAtLevel").getValue());
        } catch (IllegalArgumentException e) {
            // A JVM without tiered compilation: there is nothing to advise.
            return false;
        }
    }
}
