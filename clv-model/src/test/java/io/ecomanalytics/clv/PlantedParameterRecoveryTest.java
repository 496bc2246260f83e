package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecomanalytics.data.Behaviour;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realistic generator's planted BG/NBD and Gamma-Gamma parameters (read from {@code ground_truth/}) are
 * recovered by this module's fitters from the dataset's transactions: each planted value lies within three standard
 * errors of its estimate. 20,000 customers with 5 purchases each on average over the 90-day window.
 */
class PlantedParameterRecoveryTest {

    private static final int CUSTOMERS = 20_000;

    @TempDir
    static Path folder;

    static JsonNode planted;
    static List<CustomerSummary> summaries;

    @BeforeAll
    static void generate() {
        GeneratorSpec spec = GeneratorSpec.scale("small").withBehaviour(Behaviour.REALISTIC).withSeed(2024)
                .withUsers(CUSTOMERS).withProducts(2_000).withTransactions(5L * CUSTOMERS)
                .withSessions(2L * CUSTOMERS);
        DatasetGenerator.generate(spec, folder, ProgressListener.NONE);
        planted = PlantedDatasets.parameters(folder);
        summaries = PlantedDatasets.continuousSummaries(folder, spec.periodEnd());
    }

    @Test
    void everyCustomerIsInTheCohortAndTheTruthIsInDays() {
        assertThat(summaries).hasSize(CUSTOMERS);
        assertThat(planted.path("time_unit").asText()).isEqualTo("days");
    }

    @Test
    void bgNbdFitRecoversThePlantedParameters() {
        BgNbdFit fit = BgNbdFitter.fit(summaries);
        JsonNode truth = planted.path("bg_nbd");
        BgNbdParameters estimate = fit.parameters();
        BgNbdFit.StandardErrors errors = fit.standardErrors();
        System.out.println(report("r", truth.path("r").asDouble(), estimate.r(), errors.r())
                + report("alpha", truth.path("alpha").asDouble(), estimate.alpha(), errors.alpha())
                + report("a", truth.path("a").asDouble(), estimate.a(), errors.a())
                + report("b", truth.path("b").asDouble(), estimate.b(), errors.b()));
        assertWithinThreeStandardErrors("r", truth.path("r").asDouble(), estimate.r(), errors.r());
        assertWithinThreeStandardErrors("alpha", truth.path("alpha").asDouble(), estimate.alpha(), errors.alpha());
        assertWithinThreeStandardErrors("a", truth.path("a").asDouble(), estimate.a(), errors.a());
        assertWithinThreeStandardErrors("b", truth.path("b").asDouble(), estimate.b(), errors.b());
    }

    @Test
    void gammaGammaFitRecoversThePlantedParameters() {
        GammaGammaFit fit = GammaGammaFitter.fit(summaries);
        JsonNode truth = planted.path("gamma_gamma");
        GammaGammaParameters estimate = fit.parameters();
        GammaGammaFit.StandardErrors errors = fit.standardErrors();
        System.out.println(report("p", truth.path("p").asDouble(), estimate.p(), errors.p())
                + report("q", truth.path("q").asDouble(), estimate.q(), errors.q())
                + report("gamma", truth.path("gamma").asDouble(), estimate.gamma(), errors.gamma()));
        assertWithinThreeStandardErrors("p", truth.path("p").asDouble(), estimate.p(), errors.p());
        assertWithinThreeStandardErrors("q", truth.path("q").asDouble(), estimate.q(), errors.q());
        assertWithinThreeStandardErrors("gamma", truth.path("gamma").asDouble(), estimate.gamma(), errors.gamma());
    }

    private static void assertWithinThreeStandardErrors(String name, double planted, double fitted, double error) {
        assertThat(error).as("standard error of %s", name).isPositive().isFinite();
        assertThat(planted).as("planted %s against the fit %s ± 3 x %s", name, fitted, error)
                .isBetween(fitted - 3 * error, fitted + 3 * error);
    }

    private static String report(String name, double planted, double fitted, double error) {
        return String.format(Locale.ROOT, "%s: planted %.4f, fitted %.4f ± %.4f (%.2f SE)%n", name, planted, fitted,
                error, (planted - fitted) / error);
    }
}
