package io.github.camelvideo.sora.kie;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Sora slugs on Kie, as data: the model picks the variant, the longest model prefix applying. */
class KieSoraModelsTest {

    private final KieSoraModels models = KieSoraModels.builtIn();

    @Test
    void theModelAndOperationPickTheSlug() {
        assertThat(models.slugOf("sora-2", "textToVideo")).isEqualTo("sora-2-text-to-video");
        assertThat(models.slugOf("sora-2", "imageToVideo")).isEqualTo("sora-2-image-to-video");
        assertThat(models.slugOf("sora-2-pro", "textToVideo")).isEqualTo("sora-2-pro-text-to-video");
        assertThat(models.slugOf("sora-2-pro-2025-10-06", "imageToVideo")).isEqualTo("sora-2-pro-image-to-video");
        assertThat(models.slugOf("sora-2-pro", "storyboard")).isEqualTo("sora-2-pro-storyboard");
        assertThat(models.find("sora-2", "storyboard")).isEmpty();
        assertThat(models.watermarkRemover()).isEqualTo("sora-watermark-remover");
    }

    @Test
    void sizeTiersArePro() {
        assertThat(models.hasSizeTiers("sora-2-pro")).isTrue();
        assertThat(models.hasSizeTiers("sora-2")).isFalse();
        assertThat(models.tierOf("1080x1920")).isEqualTo("high");
        assertThat(models.tierOf("1280x720")).isEqualTo("standard");
        assertThat(models.tierOf(null)).isEqualTo("standard");
        assertThat(KieSoraProvider.aspectRatio("720x1280")).isEqualTo("portrait");
        assertThat(KieSoraProvider.aspectRatio(null)).isEqualTo("landscape");
    }

    @Test
    void anUnknownModelIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> models.slugOf("kling-v3", "textToVideo"))
                .isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("kling-v3").hasMessageContaining("sora-2, sora-2-pro");
        assertThat(KieSoraModels.rules().numbers("sora-2-pro", "storyboardSeconds")).containsOnly(10, 15, 25);
    }
}
