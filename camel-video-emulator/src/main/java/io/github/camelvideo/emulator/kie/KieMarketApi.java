package io.github.camelvideo.emulator.kie;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
import io.github.camelvideo.emulator.core.MediaTypes;
import io.github.camelvideo.emulator.core.RequestDigest;
import io.github.camelvideo.emulator.core.Surface;
import io.github.camelvideo.emulator.media.Footage;
import io.github.camelvideo.emulator.media.MediaLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kie.ai's market API and its file upload API, below {@code /kie} (standing in for {@code https://api.kie.ai} and
 * {@code https://kieai.redpandaai.co}): {@code POST /kie/api/v1/jobs/createTask} with {@code {model, input,
 * callBackUrl}} answers {@code {"code":200,"msg":"success","data":{"taskId"}}}; {@code GET
 * /kie/api/v1/jobs/recordInfo?taskId=} the task ({@code state} {@code waiting}, {@code queuing},
 * {@code generating}, then {@code success} with {@code resultJson}, a JSON <em>string</em> {@code
 * {"resultUrls":[...]}}, or {@code fail} with {@code failCode}/{@code failMsg}); {@code POST
 * /kie/api/file-base64-upload} stores a data URI and answers its {@code downloadUrl}. Authentication is
 * {@code Authorization: Bearer <key>}; every error is Kie's code envelope. Results and uploads are public below
 * {@code /kie-media/}. A task's end is POSTed to its {@code callBackUrl} ({@link KieCallbackSender}). Models: Kling
 * ({@link KlingMarketInput}) and Sora 2 ({@link SoraMarketInput}; answered as paused with {@link #soraPaused}).
 */
public final class KieMarketApi implements Surface {

    private static final Logger LOG = LoggerFactory.getLogger(KieMarketApi.class);
    /** Where the APIs live below the emulator's root. */
    public static final String PREFIX = "/kie";
    private static final String MEDIA = "/kie-media/";
    private static final Pattern VIDEO = Pattern.compile("/kie-media/videos/([^/]+)\\.mp4");
    private static final Pattern FILE = Pattern.compile("/kie-media/files/([^/]+)");
    /** Kie's answer to a task of a paused model. */
    static final String PAUSED = "This interface is temporarily paused";
    /** The code it came with (Kie's validation error). */
    static final int PAUSED_CODE = 422;
    /** Share of the queued time a task spends {@code waiting} before it is {@code queuing}. */
    private static final double WAITING_SHARE = 0.03;

    private record Upload(byte[] bytes, String mimeType) {
    }

    private final KieSettings settings;
    private final MediaLibrary media;
    private final FaultHooks faults;
    private final MediaDownload download;
    private final KieCallbackSender callbacks;
    private final Map<String, KieTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicLong lastIdMillis = new AtomicLong();
    private final AtomicBoolean soraPaused = new AtomicBoolean();

    public KieMarketApi(KieSettings settings, MediaLibrary media, FaultHooks faults, KieCallbackSender callbacks) {
        this.settings = settings;
        this.media = media;
        this.faults = faults;
        this.download = new MediaDownload(faults);
        this.callbacks = callbacks;
    }

    /**
     * Whether the Sora slugs are answered as paused ({@value #PAUSED}, code {@value #PAUSED_CODE}), as Kie has done
     * since 2026-06; by default they are served, so that clients can be tested end to end.
     */
    public void soraPaused(boolean paused) {
        soraPaused.set(paused);
    }

    /** The sender of the callbacks and the deliveries made. */
    public KieCallbackSender callbacks() {
        return callbacks;
    }

    @Override
    public String name() {
        return "kie";
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX + "/") || path.startsWith(MEDIA);
    }

    @Override
    public Optional<ApiResponse> authenticate(ApiRequest request) {
        if (request.path().startsWith(MEDIA)) {
            return Optional.empty(); // result and upload URLs are public
        }
        return KieWire.refusedKey(request, settings);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return KieWire.serve(request, this::route, KieError.STYLE, LOG);
    }

    @Override
    public ErrorStyle errors() {
        return KieError.STYLE;
    }

    private ApiResponse route(ApiRequest request) throws IOException {
        String path = request.path();
        String call = request.method() + " " + path;
        Matcher video = VIDEO.matcher(path);
        if (video.matches() && request.method().equals("GET")) {
            return video(video.group(1), request);
        }
        Matcher file = FILE.matcher(path);
        if (file.matches() && request.method().equals("GET")) {
            Upload upload = uploads.get(file.group(1));
            if (upload == null) {
                throw KieError.of(404, "File not found");
            }
            return ApiResponse.bytes(200, upload.mimeType(), upload.bytes());
        }
        return switch (call) {
            case "POST /kie/api/v1/jobs/createTask" -> createTask(request);
            case "GET /kie/api/v1/jobs/recordInfo" -> ApiResponse.json(200, KieWire.envelope(200, "success",
                    record(find(request.queryParam("taskId")))));
            case "POST /kie/api/file-base64-upload" -> upload(request);
            default -> throw KieError.of(404, "Not Found: " + call);
        };
    }

    private ApiResponse createTask(ApiRequest request) {
        JsonNode body = KieWire.jsonObject(request);
        String model = body.path("model").asText("");
        boolean sora = SoraMarketInput.MODELS.containsKey(model);
        if (!KlingMarketInput.MODELS.containsKey(model) && !sora) {
            throw KieError.of(422, "model " + (model.isEmpty() ? "is required" : "'" + model + "' is not supported"));
        }
        if (sora && soraPaused.get()) {
            throw KieError.of(PAUSED_CODE, PAUSED); // as Kie answered for every Sora slug from 2026-06
        }
        JsonNode input = body.path("input");
        if (!input.isObject()) {
            throw KieError.of(422, "input is required and must be an object");
        }
        MarketInput checked = sora ? SoraMarketInput.check(model, input) : KlingMarketInput.check(model, input);
        if (!checked.problems().isEmpty()) {
            throw KieError.of(422, String.join("; ", checked.problems()));
        }
        String callBackUrl = KieWire.callBackUrl(body.path("callBackUrl"));
        String taskId = "task_" + (model.contains("/") ? model.substring(0, model.indexOf('/')) : model) + "_"
                        + nextIdMillis();
        KieTask task = new KieTask(taskId, model, new String(request.body(), java.nio.charset.StandardCharsets.UTF_8),
                checked, now(), faults.nextJobFate(), callBackUrl, RequestDigest.of(request));
        tasks.put(taskId, task);
        if (task.fate().kind() == JobFate.Kind.COMPLETE) {
            media.prefetch(Footage.fresh(checked.width(), checked.height(), checked.seconds()));
        }
        if (callBackUrl != null) {
            callbacks.created(taskId, URI.create(callBackUrl), finishAt(task), () -> callbackBody(taskId));
        }
        LOG.debug("Created {} ({}x{} {} s, fate {})", taskId, checked.width(), checked.height(), checked.seconds(),
                task.fate().kind());
        return ApiResponse.json(200, KieWire.envelope(200, "success", Map.of("taskId", taskId)));
    }

    /** Ids carry the creation millisecond as Kie's do; one a millisecond keeps them unique. */
    private long nextIdMillis() {
        return lastIdMillis.updateAndGet(last -> Math.max(last + 1, now()));
    }

    private ApiResponse upload(ApiRequest request) {
        JsonNode body = KieWire.jsonObject(request);
        String data = body.path("base64Data").asText("");
        int comma = data.indexOf(',');
        if (!data.startsWith("data:") || comma < 0 || !data.substring(0, comma).endsWith(";base64")) {
            throw KieError.of(422, "base64Data must be a data URI: data:<mime>;base64,<data>");
        }
        if (body.path("uploadPath").asText("").isBlank()) {
            throw KieError.of(422, "uploadPath is required");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw KieError.of(422, "base64Data is not valid base64");
        }
        String given = body.path("fileName").asText("");
        String fileName = given.isBlank() ? UUID.randomUUID() + extension(bytes) : given.replaceAll("[^\\w.-]", "_");
        String stored = body.path("uploadPath").asText().replaceAll("[^\\w-]", "_") + "-" + fileName;
        // the upload host sets the type from the file's name, not from its bytes
        String mimeType = mimeType(fileName);
        uploads.put(stored, new Upload(bytes, mimeType));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("fileName", fileName);
        file.put("filePath", body.path("uploadPath").asText() + "/" + fileName);
        file.put("downloadUrl", settings.rootUrl() + MEDIA + "files/" + stored);
        file.put("fileSize", bytes.length);
        file.put("mimeType", mimeType);
        file.put("uploadedAt", Instant.ofEpochMilli(now()).toString());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.putAll(KieWire.envelope(200, "File uploaded successfully", file));
        return ApiResponse.json(200, answer);
    }

    private static String extension(byte[] bytes) {
        String type = MediaTypes.imageType(bytes);
        return type == null ? ".bin" : "." + type.substring(type.indexOf('/') + 1).replace("jpeg", "jpg");
    }

    private static String mimeType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return name.endsWith(".mp4") ? "video/mp4" : "application/octet-stream";
    }

    private KieTask find(String taskId) {
        KieTask task = taskId == null ? null : tasks.get(taskId);
        if (task == null) {
            throw KieError.of(404, "Task " + taskId + " not found");
        }
        return task;
    }

    /** The task's data object, as recordInfo answers it and its callback carries it. */
    private Map<String, Object> record(KieTask task) {
        JobTimeline.Point point = point(task);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.taskId());
        data.put("model", task.model());
        data.put("state", state(task, point));
        data.put("param", task.param());
        data.put("resultJson", point.phase() == JobTimeline.Phase.SUCCEEDED
                ? "{\"resultUrls\":[\"" + settings.rootUrl() + MEDIA + "videos/" + task.taskId() + ".mp4\"]}" : "");
        data.put("failCode", point.phase() == JobTimeline.Phase.FAILED ? failCode(task.fate()) : "");
        data.put("failMsg", point.phase() == JobTimeline.Phase.FAILED ? failMsg(task.fate()) : "");
        boolean done = point.phase().isDone();
        data.put("costTime", done ? point.finishedAtMillis() - task.createdAtMillis() : null);
        data.put("completeTime", done ? point.finishedAtMillis() : null);
        data.put("createTime", task.createdAtMillis());
        data.put("updateTime", done ? point.finishedAtMillis() : now());
        return data;
    }

    /** Waiting just after creation, queuing for the rest of the queued time, then generating. */
    private String state(KieTask task, JobTimeline.Point point) {
        return switch (point.phase()) {
            case QUEUED -> now() - task.createdAtMillis() < settings.jobDuration().toMillis() * WAITING_SHARE
                    ? "waiting" : "queuing";
            case RUNNING -> "generating";
            case SUCCEEDED -> "success";
            case FAILED -> "fail";
        };
    }

    private static String failCode(JobFate fate) {
        return fate.kind() == JobFate.Kind.FILTER ? "400" : fate.errorCode();
    }

    private static String failMsg(JobFate fate) {
        return fate.kind() == JobFate.Kind.FILTER
                ? "The content was flagged by content moderation (content policy): " + String.join(", ",
                        fate.filterReasons())
                : fate.errorMessage();
    }

    private byte[] callbackBody(String taskId) {
        KieTask task = tasks.get(taskId);
        Map<String, Object> data = record(task);
        boolean success = "success".equals(data.get("state"));
        try {
            return ApiResponse.JSON.writeValueAsBytes(KieWire.envelope(success ? 200 : 501,
                    success ? "Playground task completed successfully." : "Playground task failed.", data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse video(String taskId, ApiRequest request) throws IOException {
        KieTask task = tasks.get(taskId);
        if (task == null || point(task).phase() != JobTimeline.Phase.SUCCEEDED) {
            throw KieError.of(404, "File not found");
        }
        Path file = media.video(task.input().width(), task.input().height(), task.input().seconds());
        return download.serve(request, Blob.of(file), "video/mp4", KieError.STYLE);
    }

    /** When a task ends on the emulator's clock, or -1 when it never does. */
    private long finishAt(KieTask task) {
        return task.fate().kind() == JobFate.Kind.NEVER_FINISH ? -1
                : task.createdAtMillis() + settings.jobDuration().toMillis();
    }

    private JobTimeline.Point point(KieTask task) {
        return JobTimeline.at(task.createdAtMillis(), task.fate(), settings.jobDuration().toMillis(), now());
    }

    /** The number of tasks created. */
    public int count() {
        return tasks.size();
    }

    /** The tasks, oldest first, as the admin API lists jobs. */
    public List<JobSummary> jobs() {
        List<JobSummary> all = new ArrayList<>();
        for (KieTask task : tasks.values()) {
            JobTimeline.Point point = point(task);
            all.add(new JobSummary(task.taskId(), name(), state(task, point), point.progress(),
                    task.createdAtMillis(), point.finishedAtMillis() < 0 ? null : point.finishedAtMillis(),
                    task.model(), task.input().seconds(), task.requestDigest()));
        }
        all.sort(Comparator.comparingLong(JobSummary::createdAtMillis));
        return all;
    }

    private long now() {
        return settings.clock().millis();
    }
}
