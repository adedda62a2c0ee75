package io.github.camelvideo.core.protocol.kie;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.BaseUrls;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.webhook.WebhookEvent;
import io.github.camelvideo.core.webhook.WebhookEvents;

/**
 * Kie's Veo 3.1 API (not the market): {@code POST {base}/api/v1/veo/generate} or {@code /extend} answers
 * {@code data.taskId}; {@code GET /api/v1/veo/record-info?taskId=} reads the task ({@link KieVeoRecord}). A higher
 * resolution is a step after success: 1080p is read from {@code GET /api/v1/veo/get-1080p-video?taskId=&index=0},
 * which answers an error until it is ready; 4k is a task of its own, created by {@code POST /api/v1/veo/get-4k-video}
 * and read by its own id. Callbacks (of either task) are hints only, followed by a {@code record-info} read.
 */
public final class KieVeo {

    /** JobRef attribute: the model the task was created with. */
    public static final String MODEL = "model";
    /** JobRef attribute: the length the task makes, in seconds. */
    public static final String SECONDS = "seconds";
    /** JobRef attribute: the resolution wanted, {@code 1080p} or {@code 4k}; absent for the plain 720p result. */
    public static final String RESOLUTION = "resolution";
    /** JobRef attribute: the id of the 4k task, once it was asked for. */
    public static final String FOUR_K_TASK = "fourKTaskId";
    /** The resolution fetched by {@code get-1080p-video}. */
    public static final String FULL_HD = "1080p";
    /** The resolution made by a {@code get-4k-video} task. */
    public static final String FOUR_K = "4k";

    private static final int MAX_REMEMBERED_4K_TASKS = 10_000;

    private final KieHttp http;
    private final String baseUrl;
    private final Supplier<String> callBackUrls;
    /** 4k task id to the generation task a job is known by, so that a 4k callback wakes the right job. */
    private final Map<String, String> fourKJobs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED_4K_TASKS;
        }
    });

    /**
     * @param baseUrl      the API's base, {@link KieMarket#DEFAULT_BASE_URL} or an emulator's
     * @param callBackUrls the callback URL of each new task (a fresh per-task token each), or {@code null} for none
     */
    public KieVeo(KieHttp http, String baseUrl, Supplier<String> callBackUrls) {
        this.http = http;
        this.baseUrl = BaseUrls.normalize(baseUrl, "baseUrl");
        this.callBackUrls = callBackUrls;
    }

    /**
     * Creates a generation task from a body of Kie's fields ({@code prompt}, {@code model}, {@code imageUrls},
     * {@code generationType}, ...); the callback URL is added here.
     *
     * @param attributes what the job's status reports later ({@link #MODEL}, {@link #SECONDS}, {@link #RESOLUTION})
     */
    public CompletionStage<JobStatus> generate(Map<String, Object> body, Map<String, String> attributes) {
        return create("/api/v1/veo/generate", body, attributes);
    }

    /** Creates an extension task: {@code taskId} (the earlier Veo task), {@code prompt} and optional fields. */
    public CompletionStage<JobStatus> extend(Map<String, Object> body, Map<String, String> attributes) {
        return create("/api/v1/veo/extend", body, attributes);
    }

    private CompletionStage<JobStatus> create(String path, Map<String, Object> fields, Map<String, String> attrs) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        if (callBackUrls != null) {
            body.put("callBackUrl", callBackUrls.get());
        }
        return post(path, body, null).thenApply(id -> {
            JobRef ref = new JobRef(http.provider(), id, attrs);
            return status(ref, KieVeoRecord.created(id), null);
        });
    }

    private CompletionStage<String> post(String path, Map<String, Object> body, String jobId) {
        var request = http.authorized(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(JsonApi.json(body)).build();
        return http.call(request, jobId).thenApply(data -> {
            String id = KieRecord.taskId(data);
            if (id == null) {
                throw new VideoServerException(http.provider() + " accepted " + path
                                               + " but its answer names no taskId", http.provider(), jobId, null,
                        200, null);
            }
            return id;
        });
    }

    /**
     * Reads a job: its generation task, then the step its resolution needs once that succeeded (the 1080p read, or
     * the 4k task, asked for once and then read by its own id).
     */
    public CompletionStage<JobStatus> recordInfo(JobRef ref) {
        String fourK = ref.attributes().get(FOUR_K_TASK);
        if (fourK != null) {
            fourKJobs.put(fourK, ref.id());
            return read(fourK, ref.id()).thenApply(r -> status(ref, r.succeeded() ? r.withVideo(r.videoUrl(), FOUR_K)
                    : r, "4k_" + word(r)));
        }
        return read(ref.id(), ref.id()).thenCompose(record -> {
            if (!record.succeeded()) {
                return CompletableFuture.completedFuture(status(ref, record, null));
            }
            return switch (String.valueOf(ref.attributes().get(RESOLUTION))) {
                case FULL_HD -> fullHd(ref, record);
                case FOUR_K -> askFourK(ref, record);
                default -> CompletableFuture.completedFuture(status(ref, record, null));
            };
        });
    }

    private CompletionStage<KieVeoRecord> read(String taskId, String jobId) {
        var request = http.authorized(URI.create(baseUrl + "/api/v1/veo/record-info?taskId=" + encode(taskId)))
                .GET().build();
        return http.call(request, jobId).thenApply(KieVeoRecord::of);
    }

    /** The 1080p version: not made for fallback videos, and an error answer until it is ready. */
    private CompletionStage<JobStatus> fullHd(JobRef ref, KieVeoRecord record) {
        if (record.fallbackFlag()) {
            return CompletableFuture.completedFuture(new JobStatus(ref, JobState.FAILED, "success", null,
                    ref.attributes().get(MODEL), seconds(ref), record.resolution(), null, new JobError("no_1080p",
                    "the video was made by Kie's fallback model, which has no 1080p version; ask for 720p",
                    ErrorCategory.INVALID_REQUEST, null), null, record));
        }
        var request = http.authorized(URI.create(baseUrl + "/api/v1/veo/get-1080p-video?taskId=" + encode(ref.id())
                                                 + "&index=0")).GET().build();
        return http.call(request, ref.id()).handle((data, error) -> {
            String url = error == null ? url(data) : null;
            if (error != null && !notReady(error)) {
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            // Kie calls back the generation, never the 1080p version: it is polled for, even with push on
            return url == null ? pending(ref, record, "1080p_pending").asUnannounced()
                    : status(ref, record.withVideo(url, FULL_HD), null);
        });
    }

    /** Asks for the 4k task once; the job then follows that task. */
    private CompletionStage<JobStatus> askFourK(JobRef ref, KieVeoRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", ref.id());
        body.put("index", 0);
        if (callBackUrls != null) {
            body.put("callBackUrl", callBackUrls.get());
        }
        return post("/api/v1/veo/get-4k-video", body, ref.id()).thenApply(fourK -> {
            fourKJobs.put(fourK, ref.id());
            Map<String, String> attributes = new LinkedHashMap<>(ref.attributes());
            attributes.put(FOUR_K_TASK, fourK);
            return pending(new JobRef(ref.provider(), ref.id(), attributes), record, "4k_created");
        });
    }

    /**
     * Whether a failed 1080p read means "not ready yet": Kie answers an error code until the version exists. Refused
     * keys and credits, rate limits and transport failures are what they say.
     */
    private static boolean notReady(Throwable error) {
        Throwable cause = Failures.unwrap(error);
        return cause instanceof VideoRequestInvalidException || cause instanceof VideoServerException;
    }

    /** The 1080p answer's shape is not documented: {@code resultUrl}, then {@code resultUrls[0]}, then the record's. */
    private static String url(JsonNode data) {
        if (data.path("resultUrl").isTextual() && !data.path("resultUrl").asText().isBlank()) {
            return data.path("resultUrl").asText();
        }
        for (JsonNode holder : new JsonNode[] {data, data.path("response"), data.path("info")}) {
            var urls = KieVeoRecord.urls(holder.path("resultUrls"));
            if (!urls.isEmpty()) {
                return urls.get(0);
            }
        }
        return null;
    }

    /** Where a finished job's video is: the fetched resolution's URL, or the first result URL; no key needed. */
    public DownloadSource downloadSource(JobStatus status) {
        if (status.body() instanceof KieVeoRecord record && record.videoUrl() != null) {
            return new DownloadSource(URI.create(record.videoUrl()), Map.of(), true);
        }
        throw new VideoException("Kie Veo task " + status.ref().id() + " has no video to download", http.provider(),
                status.ref().id(), null, false, null);
    }

    /**
     * The reader of Veo callbacks (generation, extension and 4k): the task they name, a 4k task mapped to the job
     * that asked for it.
     */
    public WebhookEvents events() {
        WebhookEvents kie = KieCallbacks.events();
        return body -> {
            WebhookEvent event = kie.read(body);
            String job = fourKJobs.getOrDefault(event.jobId(), event.jobId());
            return new WebhookEvent(event.id(), KieCallbacks.TYPE_PREFIX + "veo", job);
        };
    }

    private JobStatus pending(JobRef ref, KieVeoRecord record, String word) {
        return new JobStatus(ref, JobState.RUNNING, word, null, ref.attributes().get(MODEL), seconds(ref),
                record.resolution(), null, null, null, record);
    }

    private static JobStatus status(JobRef ref, KieVeoRecord record, String word) {
        return new JobStatus(ref, state(record), word != null ? word : word(record), null,
                ref.attributes().get(MODEL), seconds(ref), record.resolution(), null, error(record), null, record);
    }

    private static JobState state(KieVeoRecord record) {
        if (record.successFlag() == null) {
            return JobState.QUEUED;
        }
        if (record.failed() || record.successFlag() == KieVeoRecord.SUCCESS && record.videoUrl() == null) {
            return JobState.FAILED;
        }
        return record.succeeded() ? JobState.SUCCEEDED : JobState.RUNNING;
    }

    /** The provider's status word: created, generating, success, failed or upstream_failed. */
    private static String word(KieVeoRecord record) {
        if (record.successFlag() == null) {
            return "created";
        }
        return switch (record.successFlag()) {
            case KieVeoRecord.SUCCESS -> "success";
            case KieVeoRecord.FAILED -> "failed";
            case KieVeoRecord.UPSTREAM_FAILED -> "upstream_failed";
            default -> "generating";
        };
    }

    private static JobError error(KieVeoRecord record) {
        if (record.failed()) {
            String code = record.errorCode() != null ? record.errorCode() : word(record);
            String message = record.errorMessage() != null ? record.errorMessage()
                    : record.successFlag() == KieVeoRecord.UPSTREAM_FAILED
                    ? "the task was created but its generation failed upstream" : "the generation failed";
            return KieErrors.jobError(code, message);
        }
        return record.successFlag() != null && record.successFlag() == KieVeoRecord.SUCCESS
               && record.videoUrl() == null ? new JobError("no_result", "the task succeeded but its response names"
                                                                        + " no resultUrls", ErrorCategory.PROVIDER, null)
                : null;
    }

    private static Integer seconds(JobRef ref) {
        String seconds = ref.attributes().get(SECONDS);
        return seconds == null ? null : Integer.valueOf(seconds);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KieVeo[" + baseUrl + "]";
    }
}
