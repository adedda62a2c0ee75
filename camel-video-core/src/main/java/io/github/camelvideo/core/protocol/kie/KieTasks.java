package io.github.camelvideo.core.protocol.kie;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.webhook.CallbackTarget;
import io.github.camelvideo.core.webhook.WebhookProtocol;

/**
 * The task handling every provider on Kie's market shares, whatever the model: a task is created with a callback URL
 * carrying its own token (when push completion is on), read back with {@code recordInfo} (states and failures mapped
 * by {@link KieMarket}), downloaded from its first result URL and known again by its id. Image bytes become URLs
 * through {@link KieUploads}. A provider keeps only the translation of its requests into the model's input.
 */
public final class KieTasks {

    private final String provider;
    private final KieMarket market;
    private final KieUploads uploads;
    private final CallbackTarget target;
    private final byte[] hmacKey;

    /**
     * @param provider the provider name of job handles, such as {@code kie-kling}
     * @param target   where callbacks go, or {@code null} when push completion is off
     * @param hmacKey  the account's webhookHmacKey, or {@code null} when callbacks are not signed
     */
    public KieTasks(String provider, KieMarket market, KieUploads uploads, CallbackTarget target, byte[] hmacKey) {
        this.provider = provider;
        this.market = market;
        this.uploads = uploads;
        this.target = target;
        this.hmacKey = hmacKey == null ? null : hmacKey.clone();
    }

    /** Kie calls back each task's end at its per-task token URL; the signature is checked when a key is set. */
    public WebhookProtocol webhookProtocol() {
        return KieCallbacks.protocol(provider, target, hmacKey, KieCallbacks.events());
    }

    /**
     * Creates a task of a market model, naming a fresh token URL as its callBackUrl when push completion is on.
     *
     * @param seconds the requested length, reported by the job's status, or {@code null}
     */
    public CompletionStage<JobStatus> create(String slug, Map<String, Object> input, Integer seconds) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (seconds != null) {
            attributes.put(KieMarket.SECONDS, seconds.toString());
        }
        String callBackUrl = target == null ? null : target.tokenUrl();
        return market.createTask(slug, input, callBackUrl, attributes);
    }

    /** An image as a URL the model can fetch: a given URL as it is, image bytes uploaded first. */
    public CompletionStage<String> imageUrl(ImageInput bytes, String url) {
        return bytes != null ? uploads.upload(bytes) : CompletableFuture.completedFuture(url);
    }

    /** Reads the task's record. */
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return market.recordInfo(ref);
    }

    /** Where a finished task's video is. */
    public DownloadSource downloadSource(JobStatus status) {
        return market.downloadSource(status);
    }

    /**
     * A handle on a task known by its id.
     *
     * @param model the model reported for it, or {@code null}
     */
    public JobRef taskRef(String taskId, String model) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (model != null) {
            attributes.put(KieMarket.MODEL, model);
        }
        return new JobRef(provider, taskId, attributes);
    }

    @Override
    public String toString() {
        return "KieTasks[" + provider + ", " + market + "]";
    }
}
