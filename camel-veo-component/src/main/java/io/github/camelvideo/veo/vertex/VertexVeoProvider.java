package io.github.camelvideo.veo.vertex;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.error.VideoDownloadException;
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
 * Veo on Vertex AI: {@code POST …/projects/{p}/locations/{l}/publishers/google/models/{m}:predictLongRunning} and
 * {@code POST …:fetchPredictOperation} with an OAuth2 bearer token. Results come inline as base64 (decoded while the
 * response is read) or as {@code gs://} objects, read through the Cloud Storage JSON API with the same token.
 */
public final class VertexVeoProvider extends GoogleVeoProvider {

    public static final String NAME = "vertex";
    /** The Cloud Storage JSON API's address. */
    public static final String DEFAULT_STORAGE_URL = "https://storage.googleapis.com";

    private final String baseUrl;
    private final String storageUrl;
    private final String projectId;
    private final String location;
    private final AccessTokens tokens;

    /**
     * @param baseUrl        API base up to the version, such as {@code https://us-central1-aiplatform.googleapis.com/v1}
     * @param storageUrl     Cloud Storage base, such as {@value #DEFAULT_STORAGE_URL}
     * @param spoolDirectory where inline results are decoded
     */
    public VertexVeoProvider(HttpTransport http, String baseUrl, String storageUrl, String projectId,
                             String location, AccessTokens tokens, Path spoolDirectory) {
        super(http, NAME, spoolDirectory);
        this.baseUrl = BaseUrls.normalize(baseUrl, "baseUrl");
        this.storageUrl = BaseUrls.normalize(storageUrl, "storageBaseUrl");
        this.projectId = projectId;
        this.location = location;
        this.tokens = tokens;
    }

    /** The regional endpoint of a location ({@code global} has none). */
    public static String defaultBaseUrl(String location) {
        return "global".equals(location) ? "https://aiplatform.googleapis.com/v1"
                : "https://" + location + "-aiplatform.googleapis.com/v1";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<JobStatus> submit(VeoRequest request) {
        String model = "projects/" + projectId + "/locations/" + location + "/publishers/google/models/"
                       + request.model();
        return submitted(post(model + ":predictLongRunning", PredictBody.of(request, true)), request);
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        // the operation is fetched through the model it belongs to: its name up to "/operations/"
        int at = ref.id().indexOf("/operations/");
        String model = at < 0 ? ref.id() : ref.id().substring(0, at);
        return polled(post(model + ":fetchPredictOperation", Map.of("operationName", ref.id())), ref);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        DownloadSource inline = inlineSource(status);
        if (inline != null) {
            return inline;
        }
        String uri = videoUri(status);
        String token = tokens.current();
        if (uri == null || !uri.startsWith("gs://") || token == null) {
            throw new VideoDownloadException("Result of job " + status.ref().id() + " cannot be fetched: "
                                             + (token == null ? "no valid access token" : "unexpected URI " + uri),
                    NAME, status.ref().id(), false, null);
        }
        return new DownloadSource(storageObject(uri), Map.of("Authorization", "Bearer " + token), false);
    }

    /**
     * Reads the publisher model's description ({@code publishers.models.get}): free, and refused without a valid
     * access token.
     */
    @Override
    public CompletionStage<Void> checkAccess(String model) {
        return tokens.token().thenCompose(token -> api.call(api.http().newRequest()
                .uri(URI.create(baseUrl + "/publishers/google/models/" + model))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                null)).thenApply(response -> null);
    }

    /** {@code gs://bucket/object} as a Cloud Storage JSON API media URL. */
    URI storageObject(String gsUri) {
        String path = gsUri.substring("gs://".length());
        int slash = path.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("Not a gs://bucket/object URI: " + gsUri);
        }
        String bucket = path.substring(0, slash);
        String object = URLEncoder.encode(path.substring(slash + 1), StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(storageUrl + "/storage/v1/b/" + bucket + "/o/" + object + "?alt=media");
    }

    private CompletionStage<HttpRequest> post(String path, Object body) {
        return tokens.token().thenApply(token -> api.http().newRequest()
                .uri(URI.create(baseUrl + "/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(JsonApi.json(body)).build());
    }

    @Override
    public String toString() {
        return "VertexVeoProvider[" + baseUrl + ", project=" + projectId + ", location=" + location + "]";
    }
}
