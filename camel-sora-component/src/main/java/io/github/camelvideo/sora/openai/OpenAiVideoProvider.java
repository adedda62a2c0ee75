package io.github.camelvideo.sora.openai;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.http.BaseUrls;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.http.MultipartBody;
import io.github.camelvideo.core.http.ServerHints;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobDeletion;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobListing;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.core.support.Maps;
import io.github.camelvideo.core.webhook.OpenAiWebhookEvents;
import io.github.camelvideo.core.webhook.WebhookProtocol;

/**
 * The OpenAI Videos API ({@code /videos}) as a {@link VideoProvider}: OpenAI itself or any compatible server.
 * Translates requests and video objects; the engine does the rest.
 */
public final class OpenAiVideoProvider implements SoraProvider, JobListing, JobDeletion {

    public static final String NAME = "openai";
    /** The environment variable holding the webhook signing secret when the webhookSecret option is not set. */
    public static final String WEBHOOK_SECRET_ENV = "OPENAI_WEBHOOK_SECRET";

    /** Page size of the reconciliation search: the API's largest. */
    static final int RECONCILE_PAGE = 100;
    /** The most pages the reconciliation search reads: a busy account's window may hold more, then it gives up. */
    static final int RECONCILE_PAGES = 5;

    private final JsonApi api;
    private final String baseUrl;
    private final String apiKey;

    /**
     * @param baseUrl API base, such as {@code https://api.openai.com/v1}
     * @param apiKey  bearer token; never logged
     */
    public OpenAiVideoProvider(HttpTransport http, String baseUrl, String apiKey) {
        this.api = new JsonApi(http, NAME);
        this.baseUrl = BaseUrls.normalize(baseUrl, "baseUrl");
        this.apiKey = apiKey;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<JobStatus> submit(SoraRequest request) {
        HttpRequest http = switch (request.kind()) {
            case CREATE -> request.image() != null ? multipartCreate(request) : jsonCreate(request);
            case REMIX -> post("/videos/" + encode(request.sourceVideoId()) + "/remix",
                    Map.of("prompt", request.prompt()));
            case EXTEND -> post("/videos/extensions", extendBody(request));
            case STORYBOARD, REMOVE_WATERMARK -> throw new io.github.camelvideo.core.error.VideoRequestInvalidException(
                    "Invalid kind '" + request.kind() + "': the OpenAI Videos API makes no such job with provider "
                    + NAME + ". Allowed: CREATE, REMIX, EXTEND", "kind");
        };
        return api.call(http, request.sourceVideoId()).thenApply(this::toStatus);
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return api.call(get("/videos/" + encode(ref.id())), ref.id()).thenApply(this::toStatus);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        URI uri = URI.create(baseUrl + "/videos/" + encode(status.ref().id()) + "/content?variant="
                             + encode(variant == null ? "video" : variant));
        return new DownloadSource(uri, Map.of("Authorization", "Bearer " + apiKey, "Accept", "application/binary"),
                false);
    }

    @Override
    public boolean canReconcile() {
        return true;
    }

    /**
     * Reads the newest videos ({@code GET /videos?order=desc}) back to {@code since} and returns those the request
     * could have created: same kind, prompt, and the model, seconds and size the request set (a field the request left
     * to the server's default is not compared). An extension's {@code seconds} is the stitched total, so extensions
     * are matched on the prompt alone.
     */
    @Override
    public CompletionStage<List<JobStatus>> reconcile(SoraRequest request, Instant since) {
        return reconcile(request.requestFields(), since);
    }

    /** As {@link #reconcile(SoraRequest, Instant)}, for the request fields a job record kept. */
    @Override
    public CompletionStage<List<JobStatus>> reconcile(Map<String, String> request, Instant since) {
        if (request.get("prompt") == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return searchPage(request, since, null, 1, new ArrayList<>());
    }

    private CompletionStage<List<JobStatus>> searchPage(Map<String, String> request, Instant since, String after,
                                                        int page, List<JobStatus> found) {
        return list(after, RECONCILE_PAGE, "desc").thenCompose(list -> {
            List<SoraVideo> data = list.getData() == null ? List.of() : list.getData();
            boolean older = false;
            for (SoraVideo v : data) {
                if (v.getCreatedAt() != null && v.getCreatedAt() < since.getEpochSecond()) {
                    older = true;
                    break;
                }
                if (matches(request, v)) {
                    found.add(toStatus(v, null));
                }
            }
            if (older || !list.isHasMore() || data.isEmpty() || page >= RECONCILE_PAGES) {
                return CompletableFuture.completedFuture(found);
            }
            return searchPage(request, since, data.get(data.size() - 1).getId(), page + 1, found);
        });
    }

    /** Whether the video could have been created by the request with these fields, as far as the video tells. */
    static boolean matches(Map<String, String> request, SoraVideo v) {
        if (!Objects.equals(request.get("prompt"), v.getPrompt())) {
            return false;
        }
        String kind = request.getOrDefault("kind", SoraRequest.Kind.CREATE.name());
        boolean remix = SoraRequest.Kind.REMIX.name().equals(kind);
        if (remix && !Objects.equals(request.get("sourceVideoId"), v.getRemixedFromVideoId())) {
            return false;
        }
        if (!remix && v.getRemixedFromVideoId() != null) {
            return false;
        }
        if (SoraRequest.Kind.EXTEND.name().equals(kind)) {
            return true;
        }
        String seconds = request.get("seconds");
        return (request.get("model") == null || request.get("model").equals(v.getModel()))
               && (seconds == null || Integer.valueOf(seconds).equals(parseSeconds(v.getSeconds())))
               && (request.get("size") == null || request.get("size").equals(v.getSize()));
    }

    /** One page of the video list. */
    @Override
    public CompletionStage<SoraVideoList> list(String after, int limit, String order) {
        StringBuilder query = new StringBuilder("?limit=").append(limit).append("&order=").append(encode(order));
        if (after != null && !after.isBlank()) {
            query.append("&after=").append(encode(after));
        }
        return api.call(get("/videos" + query), null).thenApply(r -> api.read(r, SoraVideoList.class));
    }

    @Override
    public boolean canCheckAccess() {
        return true;
    }

    /** Lists one video ({@code GET /videos?limit=1}): free, and refused without a valid key. */
    @Override
    public CompletionStage<Void> checkAccess(String model) {
        return list(null, 1, "desc").thenApply(page -> null);
    }

    /** Deletes a completed or failed video. */
    @Override
    public CompletionStage<SoraVideoDeleted> delete(String videoId) {
        HttpRequest request = authorized("/videos/" + encode(videoId)).DELETE().build();
        return api.call(request, videoId).thenApply(r -> api.read(r, SoraVideoDeleted.class));
    }

    private HttpRequest jsonCreate(SoraRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", r.prompt());
        Maps.putIfSet(body, "model", r.model());
        // the API takes seconds as a string ("4", "8", ...)
        Maps.putIfSet(body, "seconds", r.seconds() == null ? null : r.seconds().toString());
        Maps.putIfSet(body, "size", r.size());
        if (r.imageUrl() != null) {
            body.put("input_reference", Map.of("image_url", r.imageUrl()));
        }
        return post("/videos", body);
    }

    private HttpRequest multipartCreate(SoraRequest r) {
        MultipartBody form = new MultipartBody()
                .field("prompt", r.prompt())
                .field("model", r.model())
                .field("seconds", r.seconds())
                .field("size", r.size())
                .file("input_reference", "input_reference." + r.image().type().extension(),
                        r.image().type().contentType(), r.image().bytes());
        return authorized("/videos").header("Content-Type", form.contentType()).POST(form.publisher()).build();
    }

    private static Map<String, Object> extendBody(SoraRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", r.prompt());
        Maps.putIfSet(body, "seconds", r.seconds() == null ? null : r.seconds().toString());
        body.put("video", Map.of("id", r.sourceVideoId()));
        return body;
    }

    private HttpRequest post(String path, Object body) {
        return authorized(path).header("Content-Type", "application/json").POST(JsonApi.json(body)).build();
    }

    private HttpRequest get(String path) {
        return authorized(path).GET().build();
    }

    private HttpRequest.Builder authorized(String path) {
        return api.http().newRequest().uri(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    JobStatus toStatus(HttpResponse<byte[]> response) {
        SoraVideo video = api.read(response, SoraVideo.class);
        Duration pollAfter = ServerHints.pollAfter(response.headers()).orElse(null);
        return toStatus(video, pollAfter);
    }

    /** Maps a video object to the engine's job status. */
    public static JobStatus toStatus(SoraVideo v, Duration pollAfter) {
        return new JobStatus(JobRef.of(NAME, v.getId()), state(v.getStatus()), v.getStatus(), v.getProgress(),
                v.getModel(), parseSeconds(v.getSeconds()), v.getSize(),
                v.getExpiresAt() == null ? null : Instant.ofEpochSecond(v.getExpiresAt()), error(v), pollAfter, v);
    }

    private static JobState state(String status) {
        if (status == null) {
            return JobState.RUNNING;
        }
        return switch (status) {
            case "queued" -> JobState.QUEUED;
            case "completed" -> JobState.SUCCEEDED;
            case "failed" -> JobState.FAILED;
            default -> JobState.RUNNING;
        };
    }

    private static JobError error(SoraVideo v) {
        if (v.getError() == null) {
            return null;
        }
        String code = v.getError().get("code") == null ? null : String.valueOf(v.getError().get("code"));
        String message = String.valueOf(v.getError().getOrDefault("message", ""));
        return new JobError(code, message, category(code, message), null);
    }

    /**
     * The API's failure codes for videos are not documented; moderation failures are recognised by the words
     * their codes and messages use.
     */
    static ErrorCategory category(String code, String message) {
        String text = ((code == null ? "" : code) + " " + message).toLowerCase(Locale.ROOT);
        if (text.contains("moderation") || text.contains("content_policy") || text.contains("content policy")
            || text.contains("safety") || text.contains("policy_violation")) {
            return ErrorCategory.CONTENT_POLICY;
        }
        if (text.contains("rate_limit") || text.contains("quota")) {
            return ErrorCategory.RATE_LIMIT;
        }
        if (text.contains("invalid")) {
            return ErrorCategory.INVALID_REQUEST;
        }
        return ErrorCategory.PROVIDER;
    }

    private static Integer parseSeconds(String seconds) {
        if (seconds == null) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** OpenAI's webhooks: Standard Webhooks signatures, {@code video.completed} and {@code video.failed} events. */
    @Override
    public WebhookProtocol webhookProtocol() {
        return WebhookProtocol.standardWebhooks(NAME, WEBHOOK_SECRET_ENV, new OpenAiWebhookEvents());
    }

    @Override
    public String toString() {
        return "OpenAiVideoProvider[" + baseUrl + "]";
    }
}
