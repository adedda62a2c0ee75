package io.github.camelvideo.emulator.fal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.Blob;
import io.github.camelvideo.emulator.core.ErrorStyle;
import io.github.camelvideo.emulator.core.FaultHooks;
import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.JobSummary;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.core.MediaDownload;
import io.github.camelvideo.emulator.core.RequestDigest;
import io.github.camelvideo.emulator.core.Surface;
import io.github.camelvideo.emulator.media.MediaLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fal.ai's queue API for the Kling and Veo 3.1 endpoints, below {@code /fal} (standing in for {@code https://queue.fal.run}):
 * {@code POST /fal/{endpointId}} submits, {@code GET /fal/{owner}/{alias}/requests/{id}/status[?logs=1]} reads the
 * status ({@code IN_QUEUE} with a {@code queue_position} that falls as earlier requests start, {@code IN_PROGRESS}
 * with optional logs, {@code COMPLETED} with metrics), {@code GET /fal/{owner}/{alias}/requests/{id}} the result
 * ({@code {"video": {"url", "content_type", "file_name", "file_size"}}}, or the error the request ended with) and
 * {@code PUT .../cancel} cancels. Results are public MP4s below {@code /fal-media/}, fetched without a key, rendered at
 * the requested shape, tier and length. Authentication is {@code Authorization: Key <key>}. A submit with
 * {@code ?fal_webhook=<url>} is announced there once it has ended, signed as fal signs ({@link FalWebhookSender});
 * the signing key's JWKS is public at {@code GET /fal/.well-known/jwks.json}.
 */
public final class FalQueueApi implements Surface {

    private static final Logger LOG = LoggerFactory.getLogger(FalQueueApi.class);
    /** Where the queue lives below the emulator's root. */
    public static final String PREFIX = "/fal";
    private static final String MEDIA = "/fal-media/";
    private static final Pattern REQUEST = Pattern.compile("/fal/([^/]+/[^/]+)/requests/([^/]+)(/status|/cancel)?");
    private static final Pattern VIDEO = Pattern.compile("/fal-media/([^/]+)\\.mp4");

    private final FalSettings settings;
    private final MediaLibrary media;
    private final FaultHooks faults;
    private final MediaDownload download;
    private final FalWebhookSender webhooks;
    private final Map<String, QueuedRequest> requests = new ConcurrentHashMap<>();

    /**
     * Creates the surface.
     *
     * @param faults   the fault plan consulted for request fates and downloads
     * @param webhooks sends the webhooks of requests submitted with {@code fal_webhook}
     */
    public FalQueueApi(FalSettings settings, MediaLibrary media, FaultHooks faults, FalWebhookSender webhooks) {
        this.settings = settings;
        this.media = media;
        this.faults = faults;
        this.download = new MediaDownload(faults);
        this.webhooks = webhooks;
    }

    /** The sender of the webhooks, with its fault plan and the deliveries made. */
    public FalWebhookSender webhooks() {
        return webhooks;
    }

    @Override
    public String name() {
        return "fal";
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX + "/") || path.startsWith(MEDIA);
    }

    @Override
    public Optional<ApiResponse> authenticate(ApiRequest request) {
        if (request.path().startsWith(MEDIA) || request.path().equals(FalWebhookSender.JWKS_PATH)) {
            return Optional.empty(); // fal's media URLs and its webhook keys are public
        }
        String header = request.header("authorization");
        if (header == null || header.isBlank()) {
            return Optional.of(FalError.request(401, "Missing authorization header: send Authorization: Key"
                    + " <FAL_KEY>", null).toResponse());
        }
        if (!header.startsWith("Key ") || header.substring(4).isBlank()) {
            return Optional.of(FalError.request(401, "Invalid authorization header: expected 'Key <FAL_KEY>'", null)
                    .toResponse());
        }
        if (settings.key() != null && !settings.key().equals(header.substring(4).trim())) {
            return Optional.of(FalError.request(401, "Invalid API key", null).toResponse());
        }
        return Optional.empty();
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (FalError e) {
            return e.toResponse();
        } catch (RuntimeException | IOException e) {
            LOG.warn("Unexpected failure serving {} {}", request.method(), request.path(), e);
            return FalError.STYLE.serverError();
        }
    }

    @Override
    public ErrorStyle errors() {
        return FalError.STYLE;
    }

    private ApiResponse route(ApiRequest request) throws IOException {
        String path = request.path();
        Matcher video = VIDEO.matcher(path);
        if (video.matches() && request.method().equals("GET")) {
            return video(video.group(1), request);
        }
        if (path.equals(FalWebhookSender.JWKS_PATH)) {
            if (!request.method().equals("GET")) {
                throw FalError.request(405, "Method not allowed", null);
            }
            return ApiResponse.json(200, webhooks.jwks());
        }
        Matcher m = REQUEST.matcher(path);
        if (m.matches()) {
            QueuedRequest queued = find(m.group(1), m.group(2));
            String action = m.group(3) == null ? "" : m.group(3);
            return switch (request.method() + " " + action) {
                case "GET /status" -> ApiResponse.json(200, status(queued, "1".equals(request.queryParam("logs"))));
                case "GET " -> result(queued);
                case "PUT /cancel" -> cancel(queued);
                default -> throw FalError.request(405, "Method not allowed", null);
            };
        }
        if (request.method().equals("POST") && path.startsWith(PREFIX + "/")) {
            return submit(path.substring(PREFIX.length() + 1), request);
        }
        throw FalError.request(404, "Not found: " + request.method() + " " + path, null);
    }

    private ApiResponse submit(String endpointId, ApiRequest request) {
        boolean kling = endpointId.startsWith("fal-ai/kling-video/")
                        && (endpointId.endsWith("/text-to-video") || endpointId.endsWith("/image-to-video"));
        if (!kling && !VeoInput.serves(endpointId)) {
            throw FalError.request(404, "Application '" + endpointId + "' not found", null);
        }
        JsonNode body;
        try {
            body = ApiResponse.JSON.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw FalError.request(400, "The request body is not a JSON object", "bad_request");
        }
        URI webhook = webhookUrl(request.queryParam("fal_webhook"));
        String[] parts = endpointId.split("/");
        QueuedRequest queued = new QueuedRequest(UUID.randomUUID().toString(), endpointId, parts[0] + "/" + parts[1],
                now(), faults.nextJobFate(),
                kling ? KlingInput.check(endpointId, body) : VeoInput.check(endpointId, body), RequestDigest.of(request), -1);
        requests.put(queued.id(), queued);
        if (queued.fate().kind() == JobFate.Kind.COMPLETE && queued.input().problems().isEmpty()) {
            media.prefetch(io.github.camelvideo.emulator.media.Footage.fresh(queued.input().width(),
                    queued.input().height(), queued.input().seconds()));
        }
        if (webhook != null) {
            webhooks.submitted(queued.id(), webhook, finishAt(queued), () -> webhookBody(queued.id()));
        }
        LOG.debug("Queued {} on {} ({}x{} {} s, fate {})", queued.id(), endpointId, queued.input().width(),
                queued.input().height(), queued.input().seconds(), queued.fate().kind());
        Map<String, Object> answer = urls(queued);
        answer.put("status", "IN_QUEUE");
        answer.put("queue_position", queuePosition(queued));
        return ApiResponse.json(200, answer);
    }

    /** The {@code fal_webhook} of a submit: an absolute http(s) URL, or {@code null} when none is given. */
    private static URI webhookUrl(String given) {
        if (given == null) {
            return null;
        }
        try {
            URI uri = new URI(given);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw FalError.request(400, "Invalid fal_webhook: an absolute http or https URL is expected", "bad_request");
    }

    /** When a request ends on the emulator's clock, or -1 when it never does. */
    private long finishAt(QueuedRequest queued) {
        boolean never = queued.fate().kind() == JobFate.Kind.NEVER_FINISH && queued.input().problems().isEmpty();
        return never ? -1 : queued.createdAtMillis() + settings.jobDuration().toMillis();
    }

    /** fal's webhook body of an ended request: its result as {@code payload}, or its error. */
    private byte[] webhookBody(String id) {
        QueuedRequest queued = requests.get(id);
        ApiResponse result;
        try {
            result = result(queued);
        } catch (FalError e) {
            result = e.toResponse();
        } catch (IOException | RuntimeException e) {
            result = FalError.STYLE.serverError();
        }
        JsonNode payload;
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            result.body().writeTo(out);
            payload = ApiResponse.JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            payload = null;
        }
        return result.status() == 200 ? FalWebhookSender.body(id, "OK", payload, null)
                : FalWebhookSender.body(id, "ERROR", payload, "Invalid status code: " + result.status());
    }

    private QueuedRequest find(String app, String id) {
        QueuedRequest queued = requests.get(id);
        if (queued == null || !queued.app().equals(app)) {
            throw FalError.request(404, "Request " + id + " not found", null);
        }
        return queued;
    }

    private Map<String, Object> status(QueuedRequest queued, boolean logs) {
        JobTimeline.Point point = point(queued);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("request_id", queued.id());
        answer.putAll(urls(queued));
        switch (point.phase()) {
            case QUEUED -> {
                answer.put("status", "IN_QUEUE");
                answer.put("queue_position", queuePosition(queued));
            }
            case RUNNING -> {
                answer.put("status", "IN_PROGRESS");
                answer.put("logs", logs ? List.of(log("Generating video: " + point.progress() + "%")) : null);
            }
            default -> {
                answer.put("status", "COMPLETED");
                answer.put("logs", logs ? List.of(log("Video generated")) : null);
                answer.put("metrics", Map.of("inference_time", settings.jobDuration().toMillis() / 1000.0));
            }
        }
        return answer;
    }

    private Map<String, Object> log(String message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("message", message);
        line.put("level", "INFO");
        line.put("source", "user");
        line.put("timestamp", java.time.Instant.ofEpochMilli(now()).toString());
        return line;
    }

    private ApiResponse result(QueuedRequest queued) throws IOException {
        JobTimeline.Point point = point(queued);
        if (!point.phase().isDone()) {
            throw FalError.request(400, "Request is still in progress", null);
        }
        if (queued.cancelled()) {
            throw FalError.request(499, "The request was cancelled by the client", "client_cancelled");
        }
        if (!queued.input().problems().isEmpty()) {
            throw FalError.model(queued.input().problems());
        }
        JobFate fate = queued.fate();
        if (fate.kind() == JobFate.Kind.FILTER) {
            Map<String, Object> item = FalError.item("prompt", "The content was flagged by a content checker.",
                    "content_policy_violation");
            item.put("url", "https://docs.fal.ai/errors#content_policy_violation");
            item.put("input", queued.input().prompt());
            item.put("categories", fate.filterReasons());
            throw FalError.model(List.of(item));
        }
        if (fate.kind() == JobFate.Kind.FAIL) {
            throw FalError.request(failureStatus(fate.errorCode()), fate.errorMessage(), fate.errorCode());
        }
        Path file = media.video(queued.input().width(), queued.input().height(), queued.input().seconds());
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("url", settings.rootUrl() + MEDIA + queued.id() + ".mp4");
        video.put("content_type", "video/mp4");
        video.put("file_name", "output.mp4");
        video.put("file_size", Files.size(file));
        return ApiResponse.json(200, Map.of("video", video));
    }

    /** A failure code that is an HTTP error status is the result's status; any other code answers 500. */
    private static int failureStatus(String code) {
        try {
            int status = Integer.parseInt(code);
            return status >= 400 && status <= 599 ? status : 500;
        } catch (NumberFormatException e) {
            return switch (code) {
                case "request_timeout", "startup_timeout" -> 504;
                case "runner_incomplete_response" -> 502;
                default -> code.startsWith("runner_") && !code.equals("runner_server_error") ? 503 : 500;
            };
        }
    }

    private ApiResponse cancel(QueuedRequest queued) {
        JobTimeline.Point point = point(queued);
        if (point.phase().isDone()) {
            return ApiResponse.json(400, Map.of("status", "ALREADY_COMPLETED"));
        }
        requests.put(queued.id(), queued.cancelledAt(now()));
        return ApiResponse.json(202, Map.of("status", "CANCELLATION_REQUESTED"));
    }

    private ApiResponse video(String id, ApiRequest request) throws IOException {
        QueuedRequest queued = requests.get(id);
        if (queued == null || point(queued).phase() != JobTimeline.Phase.SUCCEEDED || queued.cancelled()
                || !queued.input().problems().isEmpty()) {
            throw FalError.request(404, "File not found", null);
        }
        Path file = media.video(queued.input().width(), queued.input().height(), queued.input().seconds());
        return download.serve(request, Blob.of(file), "video/mp4", FalError.STYLE);
    }

    private Map<String, Object> urls(QueuedRequest queued) {
        String base = settings.rootUrl() + PREFIX + "/" + queued.app() + "/requests/" + queued.id();
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("request_id", queued.id());
        urls.put("response_url", base);
        urls.put("status_url", base + "/status");
        urls.put("cancel_url", base + "/cancel");
        return urls;
    }

    /** How many requests submitted before this one still wait: it falls as they start. */
    private int queuePosition(QueuedRequest queued) {
        int ahead = 0;
        for (QueuedRequest other : requests.values()) {
            if (other.createdAtMillis() < queued.createdAtMillis()
                    && point(other).phase() == JobTimeline.Phase.QUEUED) {
                ahead++;
            }
        }
        return ahead;
    }

    private JobTimeline.Point point(QueuedRequest queued) {
        if (queued.cancelled()) {
            return new JobTimeline.Point(JobTimeline.Phase.FAILED, 0, queued.cancelledAtMillis());
        }
        JobFate fate = queued.fate();
        if (!queued.input().problems().isEmpty() && fate.kind() == JobFate.Kind.NEVER_FINISH) {
            fate = JobFate.COMPLETE; // a refused input ends at once whatever the plan says
        }
        return JobTimeline.at(queued.createdAtMillis(), fate, settings.jobDuration().toMillis(), now());
    }

    /** The number of requests submitted. */
    public int count() {
        return requests.size();
    }

    /** The requests, oldest first, as the admin API lists jobs. */
    public List<JobSummary> jobs() {
        List<JobSummary> all = new ArrayList<>();
        for (QueuedRequest q : requests.values()) {
            JobTimeline.Point point = point(q);
            String state = switch (point.phase()) {
                case QUEUED -> "IN_QUEUE";
                case RUNNING -> "IN_PROGRESS";
                default -> "COMPLETED";
            };
            all.add(new JobSummary(q.id(), name(), state.toLowerCase(Locale.ROOT), point.progress(),
                    q.createdAtMillis(), point.finishedAtMillis() < 0 ? null : point.finishedAtMillis(),
                    q.endpointId(), q.input().seconds(), q.requestDigest()));
        }
        all.sort(Comparator.comparingLong(JobSummary::createdAtMillis));
        return all;
    }

    private long now() {
        return settings.clock().millis();
    }
}
