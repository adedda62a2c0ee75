package io.github.camelvideo.core.validate;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRulesTest {

    private final ModelRules rules = new ModelRules()
            .allow("sora-2", "size", "720x1280", "1280x720")
            .allow("sora-2-pro", "size", "720x1280", "1280x720", "1792x1024");

    @Test
    void errorNamesFieldValueModelAndAllowedValues() {
        assertThatThrownBy(() -> rules.check("sora-2", "size", "1792x1024"))
                .isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("size").hasMessageContaining("1792x1024").hasMessageContaining("sora-2")
                .hasMessageContaining("720x1280, 1280x720")
                .extracting("field").isEqualTo("size");
    }

    @Test
    void longestFamilyAppliesAndUnknownModelsOrFieldsPass() {
        assertThatCode(() -> rules.check("sora-2-pro-2025-10-06", "size", "1792x1024")).doesNotThrowAnyException();
        assertThatCode(() -> rules.check("my-own-model", "size", "5x5")).doesNotThrowAnyException();
        assertThatCode(() -> rules.check("sora-2", "seconds", "7")).doesNotThrowAnyException();
    }
}
