package io.github.camelvideo.core.protocol.kie;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.BaseUrls;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * Kie's market API, for any model slug: {@code POST {base}/api/v1/jobs/createTask} with {@code model},
 * {@code input} and an optional {@code callBackUrl}, then {@code GET {base}/api/v1/jobs/recordInfo?taskId=} until
 * {@code success} (the URLs of {@code resultJson}) or {@code fail} ({@code failCode/failMsg}). A callback carries the
 * same record but is only a hint: the task is read again before it is trusted.
 */
public final class KieMarket {

    /** Kie's API address. */
    public static final String DEFAULT_BASE_URL = "https://api.kie.ai";
    /** JobRef attribute: the model slug the task was created with. */
    public static final String MODEL = "model";
    /** JobRef attribute: the requested length in seconds. */
    public static final String SECONDS = "seconds";

    private final KieHttp http;
    private final String baseUrl;

    /** @param baseUrl the API's base, {@value #DEFAULT_BASE_URL} or an emulator's */
    public KieMarket(KieHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = BaseUrls.normalize(baseUrl, "baseUrl");
    }

    /**
     * Creates one task.
     *
     * @param callBackUrl where Kie posts the finished record, or {@code null}
     * @param attributes  what the job's status should report later ({@link #MODEL}, {@link #SECONDS})
     */
    public CompletionStage<JobStatus> createTask(String model, Map<String, Object> input, String callBackUrl,
                                                 Map<String, String> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        if (callBackUrl != null) {
            body.put("callBackUrl", callBackUrl);
        }
        body.put("input", input);
        var request = http.authorized(URI.create(baseUrl + "/api/v1/jobs/createTask"))
                .header("Content-Type", "application/json").POST(JsonApi.json(body)).build();
        return http.call(request, null).thenApply(data -> {
            String id = KieRecord.taskId(data);
            if (id == null) {
                throw new VideoServerException(http.provider() + " accepted the task but its answer names no taskId",
                        http.provider(), null, null, 200, null);
            }
            Map<String, String> attrs = new LinkedHashMap<>(attributes);
            attrs.put(MODEL, model);
            JobRef ref = new JobRef(http.provider(), id, attrs);
            return status(ref, new KieRecord(id, "waiting", null, null, null));
        });
    }

    /** Reads the task's record. */
    public CompletionStage<JobStatus> recordInfo(JobRef ref) {
        var request = http.authorized(URI.create(baseUrl + "/api/v1/jobs/recordInfo?taskId="
                                                 + URLEncoder.encode(ref.id(), StandardCharsets.UTF_8))).GET().build();
        return http.call(request, ref.id()).thenApply(data -> status(ref, KieRecord.of(data)));
    }

    /** Where a finished task's video is: its first result URL, fetched without the key. */
    public DownloadSource downloadSource(JobStatus status) {
        if (status.body() instanceof KieRecord record && !record.resultUrls().isEmpty()) {
            return new DownloadSource(URI.create(record.resultUrls().get(0)), Map.of(), true);
        }
        throw new VideoException("Kie task " + status.ref().id() + " has no video to download", http.provider(),
                status.ref().id(), null, false, null);
    }

    private static JobStatus status(JobRef ref, KieRecord record) {
        String seconds = ref.attributes().get(SECONDS);
        return new JobStatus(ref, state(record), record.state(), null, ref.attributes().get(MODEL),
                seconds == null ? null : Integer.valueOf(seconds), null, null,
                error(record), null, record);
    }

    private static JobError error(KieRecord record) {
        if ("fail".equals(record.state())) {
            return KieErrors.jobError(record.failCode(), record.failMsg());
        }
        return "success".equals(record.state()) && record.resultUrls().isEmpty()
                ? new JobError("no_result", "the task succeeded but its resultJson names no resultUrls",
                        ErrorCategory.PROVIDER, null) : null;
    }

    private static JobState state(KieRecord record) {
        if (record.state() == null) {
            return JobState.QUEUED;
        }
        return switch (record.state()) {
            case "success" -> record.resultUrls().isEmpty() ? JobState.FAILED : JobState.SUCCEEDED;
            case "fail" -> JobState.FAILED;
            case "generating" -> JobState.RUNNING;
            default -> JobState.QUEUED;
        };
    }

    @Override
    public String toString() {
        return "KieMarket[" + baseUrl + "]";
    }
}
