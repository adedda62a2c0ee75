package io.github.camelvideo.kling.nativeapi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.webhook.CallbackTarget;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.kling.provider.KlingProvider;
import io.github.camelvideo.kling.provider.KlingRequest;
import io.github.camelvideo.kling.provider.MultiShot;

/**
 * Kling's own API (Kuaishou): a request becomes a task of {@code /v1/videos/text2video}, {@code /image2video} or
 * {@code /omni-video} (the extension of a Kling 3 video), read again at {@code GET /v1/videos/{path}/{task_id}} until
 * it {@code succeed}s or {@code failed}; the video's URL is public. Offers {@link MultiShot} for the models its data
 * names.
 */
public final class NativeKlingProvider implements KlingProvider, MultiShot {

    /** The provider name. */
    public static final String NAME = "kling";
    /** Kling's global API address (api.klingai.com was the former one; api-beijing.klingai.com serves China). */
    public static final String DEFAULT_BASE_URL = "https://api-singapore.klingai.com";

    /** JobRef attribute: the API path the task was created by. */
    static final String PATH = "path";
    /** JobRef attribute: the model the component asked for. */
    static final String MODEL = "model";
    /** JobRef attribute: the requested length in seconds. */
    static final String SECONDS = "seconds";
    private static final String VIDEOS = "/v1/videos/";

    private final KlingApi api;
    private final KlingModels models;
    private final CallbackTarget callbacks;

    /**
     * @param baseUrl   Kling's API address, {@value #DEFAULT_BASE_URL} or an emulator's
     * @param jwt       the token source, from the access key and secret key
     * @param callbacks where Kling posts each task's status changes (a URL with a fresh token per create call), or
     *                  {@code null} without push completion
     */
    public NativeKlingProvider(HttpTransport http, String baseUrl, KlingJwt jwt, KlingModels models,
                               CallbackTarget callbacks) {
        this.api = new KlingApi(http, NAME, baseUrl, jwt);
        this.models = models;
        this.callbacks = callbacks;
    }

    /**
     * Kling's callbacks are unsigned: each is checked by the token of its URL, then read only for the task id whose
     * task is read next. {@code null} without push completion.
     */
    @Override
    public WebhookProtocol webhookProtocol() {
        return callbacks == null ? null
                : WebhookProtocol.callbackTokens(NAME, callbacks.tokens(), new KlingCallbackEvents());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The API path and model name a request goes to ({@code text2video:kling-v3}); checks its inputs. */
    @Override
    public String targetOf(KlingRequest request) {
        KlingModels.Target target = models.targetOf(request);
        if (request.hasLastFrame() && !"image2video".equals(target.path())) {
            throw new VideoRequestInvalidException("Invalid lastFrame: Kling's " + target.path() + " takes no last"
                                                   + " frame. Allowed: a last frame with image2video", "lastFrame");
        }
        if (request.kind() == KlingRequest.Kind.EXTEND && !"omni-video".equals(target.path())) {
            throw new VideoRequestInvalidException("Invalid model '" + request.model() + "': Kling continues a"
                                                   + " video with omni-video only. Allowed: a model whose extend"
                                                   + " maps to omni-video, such as kling-v3", "model");
        }
        if (request.isMultiShot() && multiShot(request.model()).isEmpty()) {
            throw VideoRequestInvalidException.notAllowed("model", request.model(),
                    "a model making multi-shot tasks, such as kling-v3");
        }
        return target.toString();
    }

    @Override
    public CompletionStage<JobStatus> submit(KlingRequest request) {
        KlingModels.Target target = KlingModels.Target.parse(targetOf(request), request.model());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(PATH, target.path());
        attributes.put(MODEL, request.model());
        attributes.put(SECONDS, request.seconds().toString());
        return api.post(VIDEOS + target.path(), KlingBodies.create(request, target,
                        callbacks == null ? null : callbacks.tokenUrl()))
                .thenApply(data -> {
                    KlingTask task = KlingTask.of(data, target.path());
                    if (task.taskId() == null) {
                        throw new VideoServerException(NAME + " accepted the request but its answer names no"
                                                       + " task_id", NAME, null, null, 200, null);
                    }
                    return status(new JobRef(NAME, task.taskId(), attributes), task);
                });
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        String path = ref.attributes().getOrDefault(PATH, "text2video");
        return api.get(VIDEOS + path + "/" + URLEncoder.encode(ref.id(), StandardCharsets.UTF_8), ref.id())
                .thenApply(data -> status(ref, KlingTask.of(data, path)));
    }

    /** Kling's result URLs are public (for 30 days): fetched without the token. */
    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        String url = status.body() instanceof KlingTask task ? task.videoUrl() : null;
        if (url == null) {
            throw new VideoException("Kling task " + status.ref().id() + " has no video to download", NAME,
                    status.ref().id(), null, false, null);
        }
        return new DownloadSource(URI.create(url), Map.of(), true);
    }

    /** A handle on a task known by its id, made by the path of {@code target} ({@link #targetOf}'s form). */
    @Override
    public JobRef taskRef(String taskId, String target, String model) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(PATH, KlingModels.Target.parse(target, model).path());
        if (model != null) {
            attributes.put(MODEL, model);
        }
        return new JobRef(NAME, taskId, attributes);
    }

    /** Lists one page of the tasks of a path: the cheap read of the health check. */
    public CompletionStage<JsonNode> listTasks(String path, int pageNum, int pageSize) {
        return api.get(VIDEOS + path + "?pageNum=" + pageNum + "&pageSize=" + pageSize, null);
    }

    @Override
    public CompletionStage<Void> checkAccess(String model) {
        return listTasks("text2video", 1, 1).thenApply(page -> null);
    }

    @Override
    public boolean canCheckAccess() {
        return true;
    }

    @Override
    public Optional<Limits> multiShotLimits(String model) {
        return multiShot(model);
    }

    private Optional<Limits> multiShot(String model) {
        return models.multiShot(model);
    }

    private static JobStatus status(JobRef ref, KlingTask task) {
        Integer seconds = task.seconds();
        String requested = ref.attributes().get(SECONDS);
        return new JobStatus(ref, task.state(), task.status(), null, ref.attributes().get(MODEL),
                seconds != null ? seconds : requested == null ? null : Integer.valueOf(requested), null, null,
                task.state() == io.github.camelvideo.core.spi.JobState.FAILED ? task.error() : null, null, task);
    }

    @Override
    public String toString() {
        return "NativeKlingProvider[" + api + "]";
    }
}
