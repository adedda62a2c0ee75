package io.github.camelvideo.core.protocol.fal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.BaseUrls;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.ProviderCalls;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.support.Maps;

/**
 * fal.ai's queue API, for any model endpoint: {@code POST {base}/{endpointId}} with the model's input as JSON and
 * {@code Authorization: Key ...}; the answer's {@code request_id}, {@code status_url}, {@code response_url} and
 * {@code cancel_url} are kept in the {@link JobRef}'s attributes; the status ({@code IN_QUEUE} with its
 * {@code queue_position}, {@code IN_PROGRESS}, {@code COMPLETED}) is read from the status URL, and a completed
 * request's result (or the error it ended with) from the response URL. Providers of the components build the input
 * and name the endpoint; this class does the rest of the wire protocol.
 *
 * <p>With a webhook URL, each submit asks fal to POST the request's end there ({@code ?fal_webhook=<url>}); the
 * delivery is verified and read by {@link FalWebhooks}' protocol.
 *
 * <p>The returned URLs are followed only when they lie on the configured base URL's origin, so the key is never sent
 * elsewhere; otherwise (and for a request known only by its id) they are built from the endpoint id's
 * {@code owner/alias}, as fal's queue lays them out: the subpath of the endpoint id is used on submit only.
 */
public final class FalQueue {

    /** fal's queue address. */
    public static final String DEFAULT_BASE_URL = "https://queue.fal.run";
    /** The status word of a request waiting for a runner. */
    public static final String IN_QUEUE = "IN_QUEUE";
    /** The status word of a request a runner works on. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** The status word of a request that ended, with a result or an error. */
    public static final String COMPLETED = "COMPLETED";

    /** JobRef attribute: the endpoint id the request was submitted to. */
    public static final String ENDPOINT_ID = "endpointId";
    /** JobRef attribute: the status URL the submit answer gave. */
    public static final String STATUS_URL = "statusUrl";
    /** JobRef attribute: the result URL the submit answer gave. */
    public static final String RESPONSE_URL = "responseUrl";
    /** JobRef attribute: the cancel URL the submit answer gave. */
    public static final String CANCEL_URL = "cancelUrl";
    /** JobRef attribute: the model the component asked for, reported on the job's status. */
    public static final String MODEL = "model";
    /** JobRef attribute: the requested length in seconds, reported on the job's status. */
    public static final String SECONDS = "seconds";

    private final HttpTransport http;
    private final String provider;
    private final String baseUrl;
    private final String apiKey;
    private final String webhookUrl;

    /**
     * A queue whose requests are polled only.
     *
     * @param provider the provider name used in job handles and errors, such as {@code fal}
     * @param baseUrl  the queue's base, {@value #DEFAULT_BASE_URL} or an emulator's
     * @param apiKey   the fal key, sent as {@code Authorization: Key ...}; never logged
     */
    public FalQueue(HttpTransport http, String provider, String baseUrl, String apiKey) {
        this(http, provider, baseUrl, apiKey, null);
    }

    /**
     * @param provider   the provider name used in job handles and errors, such as {@code fal}
     * @param baseUrl    the queue's base, {@value #DEFAULT_BASE_URL} or an emulator's
     * @param apiKey     the fal key, sent as {@code Authorization: Key ...}; never logged
     * @param webhookUrl where fal is asked to POST each request's end ({@code fal_webhook}, see {@link FalWebhooks}),
     *                   or {@code null} when push completion is off
     */
    public FalQueue(HttpTransport http, String provider, String baseUrl, String apiKey, String webhookUrl) {
        this.http = http;
        this.provider = provider;
        this.baseUrl = BaseUrls.normalize(baseUrl, "baseUrl");
        this.apiKey = apiKey;
        this.webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl;
    }

    /**
     * Submits one video request to the queue, its status to report the model and the length asked for.
     *
     * @param endpointId the model endpoint, such as {@code fal-ai/kling-video/v3/pro/text-to-video}
     * @param input      the model's input fields
     * @param model      the model the request is for, as the route named it
     * @param seconds    the video's length, or {@code null} when the model decides
     */
    public CompletionStage<JobStatus> submitVideo(String endpointId, Map<String, Object> input, String model,
                                                  Integer seconds) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        attributes.put(MODEL, model);
        attributes.put(SECONDS, String.valueOf(seconds));
        return submit(endpointId, input, attributes);
    }

    /**
     * Submits one request to the queue.
     *
     * @param endpointId the model endpoint, such as {@code fal-ai/kling-video/v3/pro/text-to-video}
     * @param input      the model's input fields
     * @param attributes what the job's status should report later ({@link #MODEL}, {@link #SECONDS})
     */
    public CompletionStage<JobStatus> submit(String endpointId, Map<String, Object> input,
                                             Map<String, String> attributes) {
        HttpRequest request = authorized(submitUri(endpointId))
                .header("Content-Type", "application/json").POST(JsonApi.json(input)).build();
        return call(request, null).thenApply(response -> {
            JsonNode answer = read(response, null);
            String id = text(answer, "request_id");
            if (id == null) {
                throw new VideoServerException(provider + " accepted the request but its answer names no request_id",
                        provider, null, null, response.statusCode(), null);
            }
            Map<String, String> attrs = new LinkedHashMap<>(attributes);
            attrs.put(ENDPOINT_ID, endpointId);
            Maps.putIfSet(attrs, STATUS_URL, text(answer, "status_url"));
            Maps.putIfSet(attrs, RESPONSE_URL, text(answer, "response_url"));
            Maps.putIfSet(attrs, CANCEL_URL, text(answer, "cancel_url"));
            JobRef ref = new JobRef(provider, id, attrs);
            String status = text(answer, "status") != null ? text(answer, "status") : IN_QUEUE;
            return status(ref, state(status), new FalJob(id, endpointId, status, position(answer), null, null,
                    null), null);
        });
    }

    /** {@code {base}/{endpointId}}, with {@code ?fal_webhook=<url>} when push completion is on, as fal documents. */
    private URI submitUri(String endpointId) {
        String uri = baseUrl + "/" + endpointPath(endpointId);
        return URI.create(webhookUrl == null ? uri : uri + "?fal_webhook=" + encode(webhookUrl));
    }

    /** A handle on a request known by its id only, such as one a route fetches again. */
    public JobRef ref(String endpointId, String requestId, Map<String, String> attributes) {
        Map<String, String> attrs = new LinkedHashMap<>(attributes);
        attrs.put(ENDPOINT_ID, endpointId);
        return new JobRef(provider, requestId, attrs);
    }

    /** Reads the request's status; a completed request's result or error is read at once. */
    public CompletionStage<JobStatus> poll(JobRef ref) {
        HttpRequest request = authorized(statusUri(ref)).GET().build();
        return call(request, ref.id()).thenCompose(response -> {
            JsonNode answer = read(response, ref.id());
            String status = text(answer, "status");
            if (COMPLETED.equals(status)) {
                return result(ref);
            }
            FalJob job = new FalJob(ref.id(), endpoint(ref), status, position(answer), null, null, null);
            JobError ended = endedOtherwise(status, answer);
            return CompletableFuture.completedFuture(status(ref, ended != null ? JobState.FAILED : state(status),
                    job, ended));
        });
    }

    /**
     * fal documents three status words; wrappers describe {@code FAILED} and {@code CANCELED} too, which are read as
     * the end of the request when a server sends them.
     */
    private static JobError endedOtherwise(String status, JsonNode answer) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "FAILED", "ERROR" -> new JobError(text(answer, "error_type") != null ? text(answer, "error_type")
                    : status, text(answer, "error") != null ? text(answer, "error") : "the request failed",
                    ErrorCategory.PROVIDER, null);
            case "CANCELED", "CANCELLED" -> new JobError(status, "the request was cancelled", ErrorCategory.UNKNOWN,
                    null);
            default -> null;
        };
    }

    private CompletionStage<JobStatus> result(JobRef ref) {
        HttpRequest request = authorized(responseUri(ref)).GET().build();
        return send(request, ref.id()).thenApply(response -> {
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                JsonNode result = read(response, ref.id());
                String url = result.path("video").path("url").isTextual() ? result.path("video").path("url").asText()
                        : null;
                FalJob job = new FalJob(ref.id(), endpoint(ref), COMPLETED, null, url, result, null);
                if (url == null) {
                    return status(ref, JobState.FAILED, job, new JobError("no_video", "the result names no"
                                                                                      + " video.url",
                            ErrorCategory.PROVIDER, null));
                }
                return status(ref, JobState.SUCCEEDED, job, null);
            }
            FalError error = FalErrors.parse(code, response.headers(), response.body());
            if (!FalErrors.isOutcome(error)) {
                throw FalErrors.toException(provider, ref.id(), error, response.headers());
            }
            FalJob job = new FalJob(ref.id(), endpoint(ref), COMPLETED, null, null, null, error);
            return status(ref, JobState.FAILED, job, FalErrors.jobError(error));
        });
    }

    /** Where a finished request's video is: a public URL, fetched without the key. */
    public DownloadSource downloadSource(JobStatus status) {
        String url = status.body() instanceof FalJob job ? job.videoUrl() : null;
        if (url == null) {
            throw new VideoException("fal request " + status.ref().id() + " has no video to download",
                    provider, status.ref().id(), null, false, null);
        }
        return new DownloadSource(URI.create(url), Map.of(), true);
    }

    private JobStatus status(JobRef ref, JobState state, FalJob job, JobError error) {
        String seconds = ref.attributes().get(SECONDS);
        return new JobStatus(ref, state, job.status(), null, ref.attributes().get(MODEL),
                seconds == null ? null : Integer.valueOf(seconds), null, null, error, null, job);
    }

    private URI statusUri(JobRef ref) {
        String given = ref.attributes().get(STATUS_URL);
        return onBase(given) ? URI.create(given) : URI.create(requestsUrl(ref) + "/status");
    }

    private URI responseUri(JobRef ref) {
        String given = ref.attributes().get(RESPONSE_URL);
        return onBase(given) ? URI.create(given) : URI.create(requestsUrl(ref));
    }

    /** {@code {base}/{owner}/{alias}/requests/{id}}: the endpoint id's subpath is not part of it. */
    private String requestsUrl(JobRef ref) {
        String endpoint = endpoint(ref);
        if (endpoint == null) {
            throw new VideoException("The fal request " + ref.id() + " names no endpoint id: its status cannot be"
                                     + " read", provider, ref.id(), null, false, null);
        }
        String[] parts = endpointPath(endpoint).split("/");
        String app = parts.length >= 2 ? parts[0] + "/" + parts[1] : parts[0];
        return baseUrl + "/" + app + "/requests/" + encode(ref.id());
    }

    private boolean onBase(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI given = URI.create(url);
            URI base = URI.create(baseUrl);
            return base.getScheme().equalsIgnoreCase(given.getScheme())
                   && base.getHost().equalsIgnoreCase(given.getHost()) && base.getPort() == given.getPort()
                   && given.getPath() != null && given.getPath().startsWith(base.getPath());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String endpoint(JobRef ref) {
        return ref.attributes().get(ENDPOINT_ID);
    }

    private static String endpointPath(String endpointId) {
        String e = endpointId.trim();
        while (e.startsWith("/")) {
            e = e.substring(1);
        }
        return e;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder authorized(URI uri) {
        return http.newRequest().uri(uri).header("Authorization", "Key " + apiKey)
                .header("Accept", "application/json");
    }

    /** Sends a request; a 2xx answer completes the stage, an error answer fails it with the typed exception. */
    private CompletionStage<HttpResponse<byte[]>> call(HttpRequest request, String jobId) {
        return send(request, jobId).thenApply(response -> {
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return response;
            }
            throw FalErrors.toException(provider, jobId,
                    FalErrors.parse(code, response.headers(), response.body()), response.headers());
        });
    }

    private CompletionStage<HttpResponse<byte[]>> send(HttpRequest request, String jobId) {
        return ProviderCalls.send(http, request, provider, jobId);
    }

    private JsonNode read(HttpResponse<byte[]> response, String jobId) {
        return ProviderCalls.jsonObject(response, provider, jobId);
    }

    private static Integer position(JsonNode answer) {
        JsonNode p = answer.path("queue_position");
        return p.isNumber() ? p.asInt() : null;
    }

    private static JobState state(String status) {
        if (IN_QUEUE.equals(status) || status == null) {
            return JobState.QUEUED;
        }
        return JobState.RUNNING;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    @Override
    public String toString() {
        return "FalQueue[" + baseUrl + "]";
    }
}
