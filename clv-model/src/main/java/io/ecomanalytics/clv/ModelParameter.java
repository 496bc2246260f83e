package io.ecomanalytics.clv;

import java.util.Locale;

/** The parameters of the two CLV models, each with the model it belongs to. */
public enum ModelParameter {
    /** BG/NBD: shape of the purchase-rate Gamma. */
    R(Model.BG_NBD),
    /** BG/NBD: rate of the purchase-rate Gamma; scales with the time unit. */
    ALPHA(Model.BG_NBD),
    /** BG/NBD: first shape of the dropout Beta. */
    A(Model.BG_NBD),
    /** BG/NBD: second shape of the dropout Beta. */
    B(Model.BG_NBD),
    /** Gamma-Gamma: shape of an order value around the customer's spend rate. */
    P(Model.GAMMA_GAMMA),
    /** Gamma-Gamma: shape of the spend rates across customers. */
    Q(Model.GAMMA_GAMMA),
    /** Gamma-Gamma: rate of the spend rates across customers. */
    GAMMA(Model.GAMMA_GAMMA);

    /** The two models. */
    public enum Model {
        BG_NBD,
        GAMMA_GAMMA;

        /** {@code bg_nbd} or {@code gamma_gamma}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Model model;

    ModelParameter(Model model) {
        this.model = model;
    }

    public Model model() {
        return model;
    }

    /** {@code r}, {@code alpha}, ..., as in the published papers and the run summary. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
