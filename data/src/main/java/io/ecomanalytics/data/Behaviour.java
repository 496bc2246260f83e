package io.ecomanalytics.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the generator makes customers behave. */
public enum Behaviour {
    /**
     * Planted, heterogeneous customers (the data module's README, "Realistic behaviour"): BG/NBD purchases and
     * dropout, Gamma-Gamma order values, Dirichlet category preferences, engagement that goes with value, a weekly
     * rhythm and a seasonal swell; the truth is written to {@code ground_truth/}.
     */
    REALISTIC,
    /** The original course generator: every user draws from the same uniform distributions. */
    UNIFORM;

    /** The name as the command line spells it. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The behaviour named {@code value} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Behaviour parse(String value) {
        for (Behaviour behaviour : values()) {
            if (behaviour.optionValue().equalsIgnoreCase(value.trim())) {
                return behaviour;
            }
        }
        throw new IllegalArgumentException("Unknown behaviour '" + value + "'; use "
                + Arrays.stream(values()).map(Behaviour::optionValue).collect(Collectors.joining(" or ")));
    }
}
