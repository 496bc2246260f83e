package io.ecomanalytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdPatternTest {

    @ParameterizedTest
    @ValueSource(strings = {"user_000001", "user_123456789"})
    void userIdsOfTheDatasetsFormPass(String id) {
        assertThat(IdPattern.USER.require(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "user_", "user_00000", "user_0000000000", "user_000001_", "user_000001\n",
        "user_٠٠٠٠٠١", "{\"$gt\": \"\"}", ".*", "user_00000.", " user_000001"})
    void anythingElseIsABadRequest(String id) {
        assertThatThrownBy(() -> IdPattern.USER.require(id)).isInstanceOf(ApiException.class)
                .hasMessageContaining("is not a valid user_id")
                .extracting(error -> ((ApiException) error).status()).isEqualTo(400);
    }

    @Test
    void theMessageShowsALongOrControlValueSafely() {
        assertThatThrownBy(() -> IdPattern.CATEGORY.require("cat_1\r\n" + "x".repeat(100)))
                .hasMessage("'cat_1??xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not a valid category_id; expected the"
                        + " dataset's form, e.g. cat_001");
    }
}
