package io.github.camelvideo.emulator.kling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.github.camelvideo.emulator.media.Footage;
import io.github.camelvideo.emulator.media.MediaLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kling's own API (Kuaishou) below {@code /kling} (standing in for {@code https://api-singapore.klingai.com}):
 * {@code POST /kling/v1/videos/text2video|image2video|omni-video} creates a task, {@code GET
 * /kling/v1/videos/{path}/{task_id or external_task_id}} reads it and {@code GET /kling/v1/videos/{path}?pageNum=&pageSize=}
 * lists them, every answer in Kling's envelope {@code {code, message, request_id, data}}. A task is
 * {@code submitted}, then {@code processing}, then {@code succeed} with {@code task_result.videos[{id, url,
 * duration}]} (the duration a string) or {@code failed} with {@code task_status_msg}, on the emulator's clock.
 * Videos are public MP4s below {@code /kling-media/}, rendered at the requested shape, tier and length (the summed
 * shots of a multi-shot task). Every API request carries {@code Authorization: Bearer <JWT>} (see
 * {@link KlingTokens}).
 *
 * <p>Faults: a job failure planned with a Kling service code (1000–1999, such as 1102, 1301 or 1303) refuses the
 * create with that code and its HTTP status; any other planned failure fails the task with its message; a filtered
 * job fails with Kling's risk-control message; injected 5xx and 429 answers use the envelope (5000, 1303).
 */
public final class KlingVideoApi implements Surface {

    private static final Logger LOG = LoggerFactory.getLogger(KlingVideoApi.class);
    /** Where the API lives below the emulator's root. */
    public static final String PREFIX = "/kling";
    private static final String MEDIA = "/kling-media/";
    private static final Pattern CREATE = Pattern.compile("/kling/v1/videos/([a-z0-9-]+)");
    private static final Pattern READ = Pattern.compile("/kling/v1/videos/([a-z0-9-]+)/([^/]+)");
    private static final Pattern VIDEO = Pattern.compile("/kling-media/([^/]+)\\.mp4");
    /** The failure message of a task refused by content risk control. */
    static final String RISK_CONTROL = "Failure to pass the risk control system";

    private final KlingSettings settings;
    private final MediaLibrary media;
    private final FaultHooks faults;
    private final MediaDownload download;
    private final KlingTokens tokens;
    private final Map<String, KlingJob> jobs = new ConcurrentHashMap<>();
    private final KlingCallbackSender callbacks;

    /** @param callbacks sends the callbacks of tasks created with a {@code callback_url} */
    public KlingVideoApi(KlingSettings settings, MediaLibrary media, FaultHooks faults,
                         KlingCallbackSender callbacks) {
        this.settings = settings;
        this.callbacks = callbacks;
        this.media = media;
        this.faults = faults;
        this.download = new MediaDownload(faults);
        this.tokens = new KlingTokens(settings);
    }

    @Override
    public String name() {
        return "kling";
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX + "/") || path.startsWith(MEDIA);
    }

    @Override
    public Optional<ApiResponse> authenticate(ApiRequest request) {
        if (request.path().startsWith(MEDIA)) {
            return Optional.empty(); // Kling's result URLs are public
        }
        try {
            tokens.check(request.header("authorization"));
            return Optional.empty();
        } catch (KlingError e) {
            return Optional.of(e.toResponse());
        }
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (KlingError e) {
            return e.toResponse();
        } catch (RuntimeException | IOException e) {
            LOG.warn("Unexpected failure serving {} {}", request.method(), request.path(), e);
            return KlingError.STYLE.serverError();
        }
    }

    @Override
    public ErrorStyle errors() {
        return KlingError.STYLE;
    }

    private ApiResponse route(ApiRequest request) throws IOException {
        String path = request.path();
        Matcher m;
        if ((m = VIDEO.matcher(path)).matches() && request.method().equals("GET")) {
            return video(m.group(1), request);
        }
        if ((m = CREATE.matcher(path)).matches() && KlingCreate.known(m.group(1))) {
            return switch (request.method()) {
                case "POST" -> create(m.group(1), request);
                case "GET" -> list(m.group(1), request);
                default -> throw new KlingError(1200, "Method not allowed: " + request.method());
            };
        }
        if ((m = READ.matcher(path)).matches() && KlingCreate.known(m.group(1)) && request.method().equals("GET")) {
            return ApiResponse.json(200, KlingError.ok(task(find(m.group(1), m.group(2)))));
        }
        throw new KlingError(1202, "Not found: " + request.method() + " " + path);
    }

    private ApiResponse create(String path, ApiRequest request) {
        JsonNode body;
        try {
            body = ApiResponse.JSON.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new KlingError(1200, "Invalid request: the body is not a JSON object");
        }
        KlingCreate create = KlingCreate.check(path, body);
        JobFate fate = faults.nextJobFate();
        Integer code = serviceCode(fate);
        if (code != null) {
            throw new KlingError(code, fate.errorMessage() == null ? "Refused" : fate.errorMessage());
        }
        if (create.externalId() != null && jobs.values().stream()
                .anyMatch(j -> create.externalId().equals(j.create().externalId()))) {
            throw new KlingError(1201, "Invalid request parameters: external_task_id is already used");
        }
        KlingJob job = new KlingJob(UUID.randomUUID().toString(), path, create, now(), fate,
                RequestDigest.of(request));
        jobs.put(job.id(), job);
        if (create.callback() != null) {
            long duration = settings.jobDuration().toMillis();
            callbacks.created(job.id(), callbackUrl(create.callback()), job.createdAtMillis() + duration / 10,
                    fate.kind() == JobFate.Kind.NEVER_FINISH ? -1 : job.createdAtMillis() + duration,
                    () -> task(job));
        }
        if (fate.kind() == JobFate.Kind.COMPLETE) {
            media.prefetch(Footage.fresh(create.width(), create.height(), create.seconds()));
        }
        LOG.debug("Created Kling task {} on {} ({}x{} {} s, {} shots, fate {})", job.id(), path, create.width(),
                create.height(), create.seconds(), create.shots(), fate.kind());
        return ApiResponse.json(200, KlingError.ok(task(job)));
    }

    /** The sender of the callbacks, with the deliveries made. */
    public KlingCallbackSender callbacks() {
        return callbacks;
    }

    private static java.net.URI callbackUrl(String given) {
        try {
            java.net.URI uri = new java.net.URI(given);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw new KlingError(1201, "Invalid request parameters: callback_url must be an absolute http(s) URL");
    }

    /** A planned failure whose code is a Kling service code refuses the create itself. */
    private static Integer serviceCode(JobFate fate) {
        if (fate.kind() != JobFate.Kind.FAIL || fate.errorCode() == null) {
            return null;
        }
        try {
            int code = Integer.parseInt(fate.errorCode());
            return code >= 1000 && code <= 1999 || code >= 5000 && code <= 5002 ? code : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ApiResponse list(String path, ApiRequest request) {
        int pageNum = page(request.queryParam("pageNum"), 1, 1000, "pageNum");
        int pageSize = page(request.queryParam("pageSize"), 30, 500, "pageSize");
        List<KlingJob> all = new ArrayList<>(jobs.values().stream().filter(j -> j.path().equals(path)).toList());
        all.sort(Comparator.comparingLong(KlingJob::createdAtMillis).reversed());
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = (pageNum - 1) * pageSize; i < Math.min(all.size(), pageNum * pageSize); i++) {
            page.add(task(all.get(i)));
        }
        return ApiResponse.json(200, KlingError.ok(page));
    }

    private static int page(String value, int otherwise, int max, String name) {
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new KlingError(1201, "Invalid request parameters: " + name + " must be 1 to " + max);
    }

    private KlingJob find(String path, String id) {
        KlingJob job = jobs.get(id);
        if (job == null) {
            job = jobs.values().stream().filter(j -> id.equals(j.create().externalId())).findFirst().orElse(null);
        }
        if (job == null || !job.path().equals(path)) {
            throw new KlingError(1202, "Task not found: " + id);
        }
        return job;
    }

    /** The task object of Kling's answers (and of its callbacks). */
    Map<String, Object> task(KlingJob job) {
        JobTimeline.Point point = point(job);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task_id", job.id());
        task.put("task_status", switch (point.phase()) {
            case QUEUED -> "submitted";
            case RUNNING -> "processing";
            case SUCCEEDED -> "succeed";
            case FAILED -> "failed";
        });
        if (point.phase() == JobTimeline.Phase.FAILED) {
            task.put("task_status_msg", job.fate().kind() == JobFate.Kind.FILTER ? RISK_CONTROL
                    : job.fate().errorMessage());
        } else {
            task.put("task_status_msg", "");
        }
        Map<String, Object> info = new LinkedHashMap<>();
        if (job.create().externalId() != null) {
            info.put("external_task_id", job.create().externalId());
        }
        task.put("task_info", info);
        if (point.phase() == JobTimeline.Phase.SUCCEEDED) {
            Map<String, Object> video = new LinkedHashMap<>();
            video.put("id", job.id() + "-video");
            video.put("url", settings.rootUrl() + MEDIA + job.id() + ".mp4");
            video.put("duration", Integer.toString(job.create().seconds()));
            task.put("task_result", Map.of("videos", List.of(video)));
            task.put("final_unit_deduction", Integer.toString(job.create().seconds()));
        }
        task.put("created_at", job.createdAtMillis());
        task.put("updated_at", point.finishedAtMillis() > 0 ? point.finishedAtMillis() : now());
        return task;
    }

    private ApiResponse video(String id, ApiRequest request) throws IOException {
        KlingJob job = jobs.get(id);
        if (job == null || point(job).phase() != JobTimeline.Phase.SUCCEEDED) {
            throw new KlingError(1202, "File not found");
        }
        Path file = media.video(job.create().width(), job.create().height(), job.create().seconds());
        return download.serve(request, Blob.of(file), "video/mp4", KlingError.STYLE);
    }

    private JobTimeline.Point point(KlingJob job) {
        return JobTimeline.at(job.createdAtMillis(), job.fate(), settings.jobDuration().toMillis(), now());
    }

    /** The number of tasks created. */
    public int count() {
        return jobs.size();
    }

    /** The tasks, oldest first, as the admin API lists jobs. */
    public List<JobSummary> jobs() {
        List<JobSummary> all = new ArrayList<>();
        for (KlingJob job : jobs.values()) {
            JobTimeline.Point point = point(job);
            all.add(new JobSummary(job.id(), name(), String.valueOf(task(job).get("task_status")), point.progress(),
                    job.createdAtMillis(), point.finishedAtMillis() < 0 ? null : point.finishedAtMillis(),
                    job.path() + ":" + job.create().model(), job.create().seconds(), job.requestDigest()));
        }
        all.sort(Comparator.comparingLong(JobSummary::createdAtMillis));
        return all;
    }

    private long now() {
        return settings.clock().millis();
    }
}
