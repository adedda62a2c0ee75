package io.github.camelvideo.veo.gemini;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.http.BaseUrls;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.veo.google.GoogleVeoProvider;
import io.github.camelvideo.veo.google.PredictBody;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Veo on the Gemini API: {@code POST {base}/models/{model}:predictLongRunning} and {@code GET {base}/{operation}}
 * with the {@code x-goog-api-key} header; the video is fetched from the sample's file URI with the same key,
 * following the redirect to the bytes.
 */
public final class GeminiVeoProvider extends GoogleVeoProvider {

    public static final String NAME = "gemini";
    /** The Gemini API's address. */
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

    private static final String KEY_HEADER = "x-goog-api-key";

    private final String baseUrl;
    private final String apiKey;

    /**
     * @param baseUrl        API base, such as {@value #DEFAULT_BASE_URL}
     * @param apiKey         the API key; never logged
     * @param spoolDirectory where inline results are decoded
     */
    public GeminiVeoProvider(HttpTransport http, String baseUrl, String apiKey, Path spoolDirectory) {
        super(http, NAME, spoolDirectory);
        this.baseUrl = BaseUrls.normalize(baseUrl, "baseUrl");
        this.apiKey = apiKey;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<JobStatus> submit(VeoRequest request) {
        return submitted(CompletableFuture.completedFuture(api.http().newRequest()
                .uri(URI.create(baseUrl + "/models/" + request.model() + ":predictLongRunning"))
                .header(KEY_HEADER, apiKey).header("Content-Type", "application/json")
                .POST(JsonApi.json(PredictBody.of(request, false))).build()), request);
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return polled(CompletableFuture.completedFuture(api.http().newRequest()
                .uri(URI.create(baseUrl + "/" + ref.id())).header(KEY_HEADER, apiKey)
                .header("Accept", "application/json").GET().build()), ref);
    }

    /** Reads the model's description ({@code models.get}): free, and refused without a valid key. */
    @Override
    public CompletionStage<Void> checkAccess(String model) {
        return api.call(api.http().newRequest().uri(URI.create(baseUrl + "/models/" + model))
                .header(KEY_HEADER, apiKey).header("Accept", "application/json").GET().build(), null)
                .thenApply(response -> null);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        DownloadSource inline = inlineSource(status);
        return inline != null ? inline
                : new DownloadSource(URI.create(videoUri(status)), Map.of(KEY_HEADER, apiKey), true);
    }

    @Override
    public String toString() {
        return "GeminiVeoProvider[" + baseUrl + "]";
    }
}
