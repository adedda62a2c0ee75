package io.github.camelvideo.emulator.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.camelvideo.emulator.core.FaultHooks;
import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.Toggle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a valid request produces, checked without rendering (4k and 1080p renders are slow). */
class VeoRequestsTest {

    private final CloudStorage storage = new CloudStorage();
    private final VeoOperations operations = new VeoOperations(new GoogleSettings(Duration.ofSeconds(1),
            Duration.ofHours(1), null, null, Clock.systemUTC(), "http://127.0.0.1:1"), null, FaultHooks.NONE, storage, new Toggle(true));

    private VeoRequest parse(Dialect dialect, String model, String parameters) {
        String body = "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":" + parameters + "}";
        return VeoRequests.parse(dialect, model, body.getBytes(StandardCharsets.UTF_8), operations, storage);
    }

    @ParameterizedTest
    @CsvSource({
        "720p, 16:9, 1280, 720",
        "720p, 9:16, 720, 1280",
        "1080p, 16:9, 1920, 1080",
        "1080p, 9:16, 1080, 1920",
        "4k, 16:9, 3840, 2160",
        "4k, 9:16, 2160, 3840"})
    void resolutionAndAspectRatioGiveTheFrameSize(String resolution, String aspectRatio, int width, int height) {
        for (Dialect dialect : Dialect.values()) {
            VeoRequest request = parse(dialect, "veo-3.1-generate-001",
                    "{\"resolution\":\"" + resolution + "\",\"aspectRatio\":\"" + aspectRatio + "\",\"durationSeconds\":8}");

            assertThat(request.rendition()).isEqualTo(Rendition.fresh(width, height, 8));
            assertThat(request.samples()).isEqualTo(1);
        }
    }

    @Test
    void durationDefaultsToEightAndAcceptsNumericStrings() {
        assertThat(parse(Dialect.GEMINI, "veo-3.0-generate-001", "{}").rendition().seconds()).isEqualTo(8);
        assertThat(parse(Dialect.GEMINI, "veo-3.0-generate-001", "{\"durationSeconds\":\"4\"}").rendition().seconds())
                .isEqualTo(4);
        assertThat(parse(Dialect.GEMINI, "veo-2.0-generate-001", "{\"durationSeconds\":5.0}").rendition().seconds())
                .isEqualTo(5);
    }

    @Test
    void vertexKeepsTheStorageUriAndVeo2TheSampleCount() {
        VeoRequest request = parse(Dialect.VERTEX, "veo-2.0-generate-001",
                "{\"storageUri\":\"gs://bucket/out/\",\"sampleCount\":3,\"durationSeconds\":6}");

        assertThat(request.storageUri()).isEqualTo("gs://bucket/out/");
        assertThat(request.samples()).isEqualTo(3);
        assertThat(request.rendition()).isEqualTo(Rendition.fresh(1280, 720, 6));
    }

    @Test
    void outputObjectsGoUnderTheOperationId() {
        VeoOperation op = new VeoOperation("projects/p/locations/l/publishers/google/models/m/operations/u-1", "u-1",
                Dialect.VERTEX, 0, JobFate.COMPLETE, Rendition.fresh(1280, 720, 4),
                List.of(), "gs://b/a/b//", 2);

        assertThat(VeoOperations.outputObject(op, 1).toString()).isEqualTo("gs://b/a/b/u-1/sample_1.mp4");
        assertThat(VeoOperations.outputObject(new VeoOperation(op.name(), op.id(), op.dialect(), 0, op.fate(),
                op.rendition(), op.fileIds(), "gs://b", 1), 0).toString()).isEqualTo("gs://b/u-1/sample_0.mp4");
    }

    @Test
    void fileUrisAreRecognised() {
        assertThat(VeoOperations.fileIdOf("http://127.0.0.1:9/v1beta/files/abc123:download?alt=media")).isEqualTo("abc123");
        assertThat(VeoOperations.fileIdOf("files/abc123")).isEqualTo("abc123");
        assertThat(VeoOperations.fileIdOf("gs://bucket/files/x.mp4")).isNull();
    }
}
