package io.github.camelvideo.emulator.kie;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.github.camelvideo.emulator.media.Footage;
import io.github.camelvideo.emulator.media.MediaLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kie.ai's Veo 3.1 API (the one apart from the market), below {@code /kie/api/v1/veo}: {@code POST generate}
 * ({@link KieVeoInput}) and {@code POST extend} ({@code {taskId, prompt, seeds?, watermark?, callBackUrl?}}, 7 s more
 * of an earlier task's video) answer {@code data.taskId}; {@code GET record-info?taskId=} answers the task:
 * {@code successFlag} 0 generating, 1 success with {@code response {resultUrls, originUrls, resolution}}, 2 failed
 * with {@code errorCode}/{@code errorMessage}, 3 created but failed upstream (a job failed with code 501), times as
 * {@code "yyyy-MM-dd HH:mm:ss"} strings, and 422 for records older than 14 days. {@code GET get-1080p-video} answers
 * code 400 until the 1080p version is ready (half a job duration after the video), then {@code data.resultUrl};
 * {@code POST get-4k-video} creates a 4k task of its own (asking again answers the same task). A task's end is POSTed
 * to its {@code callBackUrl}, signed when the account has a webhookHmacKey ({@link KieCallbackSender}). Results are
 * public below {@code /kie-media/veo/}; content-policy failures end with errorCode 400.
 */
public final class KieVeoApi implements Surface {

    private static final Logger LOG = LoggerFactory.getLogger(KieVeoApi.class);
    /** Where the API lives below the emulator's root. */
    public static final String PREFIX = KieMarketApi.PREFIX + "/api/v1/veo/";
    private static final String MEDIA = "/kie-media/veo/";
    private static final Pattern VIDEO = Pattern.compile("/kie-media/veo/([\\w-]+?)(_1080p|_origin)?\\.mp4");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Duration RETENTION = Duration.ofDays(14);
    private static final int EXTENSION_SECONDS = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The Veo API's wording of the codes it adds to Kie's: 400 is a content refusal, 451 an image fetch failure. */
    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ApiResponse error(int status, String message) {
            return switch (status) {
                case 400 -> KieError.of(400, "Your prompt was flagged by Website as violating content policies")
                        .toResponse();
                case 451 -> KieError.of(451, "Failed to fetch the image: check that the URL is public").toResponse();
                default -> KieError.STYLE.error(status, message);
            };
        }

        @Override
        public ApiResponse serverError(String message) {
            return KieError.STYLE.serverError(message);
        }

        @Override
        public ApiResponse serverError() {
            return KieError.STYLE.serverError();
        }

        @Override
        public ApiResponse rateLimited(int retryAfterSeconds) {
            return KieError.STYLE.rateLimited(retryAfterSeconds);
        }
    };

    private final KieSettings settings;
    private final MediaLibrary media;
    private final FaultHooks faults;
    private final MediaDownload download;
    private final KieCallbackSender callbacks;
    private final Map<String, KieVeoTask> tasks = new ConcurrentHashMap<>();
    /** The 4k task of each task asked for one. */
    private final Map<String, String> fourK = new ConcurrentHashMap<>();

    public KieVeoApi(KieSettings settings, MediaLibrary media, FaultHooks faults, KieCallbackSender callbacks) {
        this.settings = settings;
        this.media = media;
        this.faults = faults;
        this.download = new MediaDownload(faults);
        this.callbacks = callbacks;
    }

    @Override
    public String name() {
        return "kie-veo";
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX) || path.startsWith(MEDIA);
    }

    @Override
    public Optional<ApiResponse> authenticate(ApiRequest request) {
        if (request.path().startsWith(MEDIA)) {
            return Optional.empty(); // result URLs are public
        }
        return KieWire.refusedKey(request, settings);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return KieWire.serve(request, this::route, STYLE, LOG);
    }

    @Override
    public ErrorStyle errors() {
        return STYLE;
    }

    private ApiResponse route(ApiRequest request) throws IOException {
        Matcher video = VIDEO.matcher(request.path());
        if (video.matches() && request.method().equals("GET")) {
            return video(video.group(1), video.group(2), request);
        }
        String call = request.method() + " " + request.path().substring(PREFIX.length() - 1);
        return switch (call) {
            case "POST /generate" -> generate(request);
            case "POST /extend" -> extend(request);
            case "GET /record-info" -> ok("success", record(find(request.queryParam("taskId"), true)));
            case "GET /get-1080p-video" -> fullHd(request);
            case "POST /get-4k-video" -> fourK(request);
            default -> throw KieError.of(404, "Not Found: " + request.method() + " " + request.path());
        };
    }

    private ApiResponse generate(ApiRequest request) {
        JsonNode body = KieWire.jsonObject(request);
        KieVeoInput input = KieVeoInput.check(body);
        if (!input.problems().isEmpty()) {
            throw KieError.of(422, String.join("; ", input.problems()));
        }
        int width = input.landscape() ? 1280 : 720;
        int height = input.landscape() ? 720 : 1280;
        KieVeoTask task = create("veo_task_", KieVeoTask.Kind.GENERATE, input.model(), request,
                Footage.fresh(width, height, KieVeoInput.SECONDS), input.landscape(), null, body);
        return ok("success", Map.of("taskId", task.taskId()));
    }

    private ApiResponse extend(ApiRequest request) {
        JsonNode body = KieWire.jsonObject(request);
        List<String> problems = new ArrayList<>();
        if (body.path("prompt").asText("").isBlank()) {
            problems.add("prompt is required");
        }
        KieVeoInput.checkSeeds(body.path("seeds"), problems);
        if (!problems.isEmpty()) {
            throw KieError.of(422, String.join("; ", problems));
        }
        KieVeoTask source = succeeded(body.path("taskId").asText(null));
        if (source.kind() == KieVeoTask.Kind.FOUR_K) {
            throw KieError.of(422, "A 4K task cannot be extended: extend the original task");
        }
        KieVeoTask task = create("veo_extend_task_", KieVeoTask.Kind.EXTEND, source.model(), request,
                source.footage().continued(EXTENSION_SECONDS), source.landscape(), source.taskId(), body);
        return ok("success", Map.of("taskId", task.taskId()));
    }

    private ApiResponse fullHd(ApiRequest request) {
        KieVeoTask task = find(request.queryParam("taskId"), false);
        if (task.kind() == KieVeoTask.Kind.FOUR_K || !"0".equals(String.valueOf(request.queryParam("index")))) {
            throw KieError.of(422, "index must be 0 and taskId a generation or extension task");
        }
        JobTimeline.Point point = point(task);
        if (point.phase() == JobTimeline.Phase.FAILED) {
            throw KieError.of(422, "The task failed: it has no 1080P video");
        }
        if (point.phase() != JobTimeline.Phase.SUCCEEDED || now() < point.finishedAtMillis() + fullHdDelay()) {
            throw KieError.of(400, "1080P is processing. It should be ready in 1-2 minutes. Please check back"
                                   + " shortly.");
        }
        return ok("success", Map.of("resultUrl", url(task.taskId(), "_1080p")));
    }

    private ApiResponse fourK(ApiRequest request) {
        JsonNode body = KieWire.jsonObject(request);
        KieVeoTask source = succeeded(body.path("taskId").asText(null));
        if (source.kind() == KieVeoTask.Kind.FOUR_K || body.path("index").asInt(0) != 0) {
            throw KieError.of(422, "index must be 0 and taskId a generation or extension task");
        }
        String existing = fourK.get(source.taskId());
        if (existing != null) {
            return ok("success", Map.of("taskId", existing));
        }
        Footage footage = Footage.fresh(source.landscape() ? 3840 : 2160, source.landscape() ? 2160 : 3840,
                source.footage().seconds());
        KieVeoTask task = create("veo_4k_task_", KieVeoTask.Kind.FOUR_K, source.model(), request, footage,
                source.landscape(), source.taskId(), body);
        fourK.put(source.taskId(), task.taskId());
        return ok("success", Map.of("taskId", task.taskId()));
    }

    private KieVeoTask create(String prefix, KieVeoTask.Kind kind, String model, ApiRequest request,
                              Footage footage, boolean landscape, String source, JsonNode body) {
        String callBackUrl = KieWire.callBackUrl(body.path("callBackUrl"));
        String taskId = prefix + HexFormat.of().formatHex(randomBytes());
        KieVeoTask task = new KieVeoTask(taskId, kind, model, new String(request.body(), StandardCharsets.UTF_8),
                footage, landscape, source, now(), faults.nextJobFate(), callBackUrl, RequestDigest.of(request));
        tasks.put(taskId, task);
        if (task.fate().kind() == JobFate.Kind.COMPLETE && kind != KieVeoTask.Kind.FOUR_K) {
            media.prefetch(footage);
        }
        if (callBackUrl != null) {
            callbacks.created(taskId, URI.create(callBackUrl), finishAt(task), () -> callbackBody(taskId));
        }
        LOG.debug("Created {} ({} {}x{} {} s, fate {})", taskId, model, footage.width(), footage.height(),
                footage.seconds(), task.fate().kind());
        return task;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private KieVeoTask succeeded(String taskId) {
        KieVeoTask task = find(taskId, false);
        if (point(task).phase() != JobTimeline.Phase.SUCCEEDED) {
            throw KieError.of(422, "Task " + taskId + " has not generated a video successfully");
        }
        return task;
    }

    private KieVeoTask find(String taskId, boolean retained) {
        KieVeoTask task = taskId == null ? null : tasks.get(taskId);
        if (task == null) {
            throw KieError.of(404, "Task " + taskId + " not found");
        }
        if (retained && now() - task.createdAtMillis() > RETENTION.toMillis()) {
            throw KieError.of(422, "The record of task " + taskId + " is older than 14 days and was deleted");
        }
        return task;
    }

    /** The task's data object, as record-info answers it. */
    private Map<String, Object> record(KieVeoTask task) {
        JobTimeline.Point point = point(task);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.taskId());
        data.put("paramJson", task.param());
        data.put("completeTime", point.phase().isDone() ? TIME.format(Instant.ofEpochMilli(point.finishedAtMillis()))
                : null);
        data.put("response", point.phase() == JobTimeline.Phase.SUCCEEDED ? result(task, "response") : null);
        data.put("successFlag", successFlag(task, point));
        data.put("errorCode", point.phase() == JobTimeline.Phase.FAILED ? Integer.valueOf(errorCode(task.fate()))
                : null);
        data.put("errorMessage", point.phase() == JobTimeline.Phase.FAILED ? errorMessage(task.fate()) : "");
        data.put("createTime", TIME.format(Instant.ofEpochMilli(task.createdAtMillis())));
        data.put("fallbackFlag", false);
        return data;
    }

    private Map<String, Object> result(KieVeoTask task, String holder) {
        Map<String, Object> result = new LinkedHashMap<>();
        if ("response".equals(holder)) {
            result.put("taskId", task.taskId());
        }
        result.put("resultUrls", List.of(url(task.taskId(), "")));
        result.put(task.kind() == KieVeoTask.Kind.FOUR_K ? "imageUrls" : "originUrls", task.landscape()
                || task.kind() == KieVeoTask.Kind.FOUR_K ? List.of() : List.of(url(task.taskId(), "_origin")));
        result.put("resolution", task.kind() == KieVeoTask.Kind.FOUR_K ? "4k" : "720p");
        return result;
    }

    private static int successFlag(KieVeoTask task, JobTimeline.Point point) {
        return switch (point.phase()) {
            case SUCCEEDED -> 1;
            case FAILED -> "501".equals(task.fate().errorCode()) ? 3 : 2;
            default -> 0;
        };
    }

    private static String errorCode(JobFate fate) {
        if (fate.kind() == JobFate.Kind.FILTER) {
            return "400";
        }
        return fate.errorCode() != null && fate.errorCode().matches("\\d{3}") ? fate.errorCode() : "501";
    }

    private static String errorMessage(JobFate fate) {
        return fate.kind() == JobFate.Kind.FILTER
                ? "Your prompt was flagged by Website as violating content policies: " + String.join(", ",
                        fate.filterReasons())
                : fate.errorMessage();
    }

    /** A callback: Veo's own shape ({@code info}, not {@code response}), and the 4k one for 4k tasks. */
    private byte[] callbackBody(String taskId) {
        KieVeoTask task = tasks.get(taskId);
        JobTimeline.Point point = point(task);
        boolean success = point.phase() == JobTimeline.Phase.SUCCEEDED;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", taskId);
        String msg;
        if (task.kind() == KieVeoTask.Kind.FOUR_K) {
            data.put("creditsConsumed", success ? 120 : 0);
            msg = success ? "4K Video generated successfully." : "4K Video generation failed.";
        } else {
            data.put("promptJson", task.param());
            data.put("fallbackFlag", false);
            msg = success ? "Veo3.1 video generated successfully." : errorMessage(task.fate());
        }
        data.put("info", success ? result(task, "info") : null);
        try {
            return ApiResponse.JSON.writeValueAsBytes(KieWire.envelope(success ? 200 : Integer.parseInt(
                    errorCode(task.fate())), msg, data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse video(String taskId, String variant, ApiRequest request) throws IOException {
        KieVeoTask task = tasks.get(taskId);
        if (task == null || point(task).phase() != JobTimeline.Phase.SUCCEEDED
            || "_1080p".equals(variant) && task.kind() == KieVeoTask.Kind.FOUR_K) {
            throw KieError.of(404, "File not found");
        }
        Footage footage = task.footage();
        if ("_1080p".equals(variant)) {
            footage = Footage.fresh(task.landscape() ? 1920 : 1080, task.landscape() ? 1080 : 1920,
                    footage.seconds());
        }
        Path file = media.video(footage);
        return download.serve(request, Blob.of(file), "video/mp4", STYLE);
    }

    private String url(String taskId, String variant) {
        return settings.rootUrl() + MEDIA + taskId + variant + ".mp4";
    }

    private long fullHdDelay() {
        return settings.jobDuration().toMillis() / 2;
    }

    private static ApiResponse ok(String msg, Object data) {
        return ApiResponse.json(200, KieWire.envelope(200, msg, data));
    }

    /** When a task ends on the emulator's clock, or -1 when it never does. */
    private long finishAt(KieVeoTask task) {
        return task.fate().kind() == JobFate.Kind.NEVER_FINISH ? -1
                : task.createdAtMillis() + settings.jobDuration().toMillis();
    }

    private JobTimeline.Point point(KieVeoTask task) {
        return JobTimeline.at(task.createdAtMillis(), task.fate(), settings.jobDuration().toMillis(), now());
    }

    /** The number of tasks created. */
    public int count() {
        return tasks.size();
    }

    /** The tasks, oldest first, as the admin API lists jobs. */
    public List<JobSummary> jobs() {
        List<JobSummary> all = new ArrayList<>();
        for (KieVeoTask task : tasks.values()) {
            JobTimeline.Point point = point(task);
            all.add(new JobSummary(task.taskId(), name(), String.valueOf(successFlag(task, point)),
                    point.progress(), task.createdAtMillis(),
                    point.finishedAtMillis() < 0 ? null : point.finishedAtMillis(), task.model(),
                    task.footage().seconds(), task.requestDigest()));
        }
        all.sort(Comparator.comparingLong(JobSummary::createdAtMillis));
        return all;
    }

    private long now() {
        return settings.clock().millis();
    }
}
