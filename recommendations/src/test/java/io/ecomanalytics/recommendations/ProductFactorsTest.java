package io.ecomanalytics.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecomanalytics.recommendations.ProductFactors.ScoredProduct;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A customer's top k from factors worked by hand: scores are dot products of rank-2 vectors. */
class ProductFactorsTest {
    // Customer (1, 2): p1 (3, 0) -> 3, p2 (0, 2) -> 4, p3 (1, 1) -> 3, p4 (-1, 0) -> -1, p5 (2, 1) -> 4.
    private final ProductFactors products = new ProductFactors(List.of("p1", "p2", "p3", "p4", "p5"),
            List.of(new float[] {3, 0}, new float[] {0, 2}, new float[] {1, 1}, new float[] {-1, 0},
                    new float[] {2, 1}));
    private final float[] customer = {1, 2};

    @Test
    void theHighestDotProductsComeFirstAndTiesGoToTheSmallerProductId() {
        assertThat(products.topK(customer, Set.of(), 4)).containsExactly(new ScoredProduct("p2", 4),
                new ScoredProduct("p5", 4), new ScoredProduct("p1", 3), new ScoredProduct("p3", 3));
    }

    @Test
    void excludedProductsMakeRoomForTheNextBest() {
        assertThat(products.topK(customer, Set.of("p2", "p1"), 3)).containsExactly(new ScoredProduct("p5", 4),
                new ScoredProduct("p3", 3), new ScoredProduct("p4", -1));
    }

    @Test
    void aListIsShortWhenTooFewProductsAreLeft() {
        assertThat(products.topK(customer, Set.of("p1", "p2", "p3"), 10)).containsExactly(
                new ScoredProduct("p5", 4), new ScoredProduct("p4", -1));
    }

    @Test
    void vectorsOfAnotherRankAreRefused() {
        assertThatThrownBy(() -> products.topK(new float[] {1, 2, 3}, Set.of(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("factor vectors of rank 3 and 2");
    }
}
