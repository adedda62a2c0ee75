package io.github.camelvideo.core.camel;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.job.SpendCap;
import io.github.camelvideo.core.poll.PollPolicy;
import io.github.camelvideo.core.protocol.fal.FalJwks;
import io.github.camelvideo.core.storyboard.StoryboardMode;

/**
 * The options every video component shares: waiting, download, polling and concurrency. A component's configuration
 * class extends this one and adds its provider's options. The descriptions are given in the annotations because
 * this class is compiled in another module than the components whose documentation is generated from it.
 */
public abstract class VideoJobConfiguration implements Cloneable {

    /** fal's documented address of its webhook keys. */
    public static final String FAL_JWKS_URL = FalJwks.DEFAULT_URL;

    /** Share of random spread added to each poll interval, so many jobs do not poll in step. */
    private static final double POLL_JITTER = 0.1;

    @UriParam(defaultValue = "true", description = "Whether the producer waits for the job to finish (without"
                                                   + " holding a thread) before the route continues. When false,"
                                                   + " the route continues right after submission with the job as"
                                                   + " body and its id in the job id header.")
    private boolean waitForCompletion = true;
    @UriParam(defaultValue = "true", description = "Whether a completed video is downloaded; the body is then the"
                                                   + " MP4 java.io.File. When false, the body is the completed job.")
    private boolean download = true;
    @UriParam(description = "Directory downloads are written to. A file appears there only once complete and"
                            + " checked. Default: the camel-video folder in the system temporary directory"
                            + " (java.io.tmpdir). The component does not delete the file afterwards unless"
                            + " deleteAfterRoute is set.")
    private String outputDirectory;
    @UriParam(defaultValue = "false",
              description = "Whether the downloaded file is deleted from outputDirectory once the exchange has"
                            + " completed successfully, that is after the rest of the route has stored or sent it"
                            + " (file:, aws2-s3:, ...), so no second copy stays behind. When the exchange fails the"
                            + " file is kept and its path logged, so a paid video is not lost. Storyboard working"
                            + " files and partial downloads are always removed, whatever this option says.")
    private boolean deleteAfterRoute;
    @UriParam(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration",
              description = "Delay before the first status poll. A poll hint from the server wins.")
    private long pollInitialDelay = 5000;
    @UriParam(label = "advanced", defaultValue = "1.5",
              description = "Factor by which the interval between polls grows (1 keeps it constant).")
    private double pollMultiplier = 1.5;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The longest interval between two polls; also the cap on server poll hints.")
    private long pollMaxInterval = 30000;
    @UriParam(defaultValue = "1200000", javaType = "java.time.Duration",
              description = "Total time an exchange waits for its job: the queue for a maxConcurrentJobs slot,"
                            + " the submission, the polls and the download. When it passes, the exchange fails"
                            + " with VideoJobTimeoutException, which keeps the job id (when the job was submitted)"
                            + " so the job can be fetched later.")
    private long timeout = 1_200_000;
    @UriParam(defaultValue = "50", description = "The most jobs this endpoint runs at once. Further exchanges wait"
                                                 + " in a queue, holding no thread, until a job finishes. 0 means"
                                                 + " no limit.")
    private int maxConcurrentJobs = 50;
    @UriParam(label = "storyboard", defaultValue = "auto", enums = "auto,extend,stitch",
              description = "How the storyboard operation makes one video of its scenes. extend: the first scene"
                            + " is generated and each next scene extends the video so far, so the provider keeps"
                            + " characters and motion continuous. stitch: each scene is generated on its own from"
                            + " the previous scene's last frame, and the clips are joined without re-encoding."
                            + " auto: extend when the scene lengths fit extensions, otherwise stitch; and stitch"
                            + " when the server refuses the first extension (it has no extension endpoint).")
    private StoryboardMode storyboardMode = StoryboardMode.auto;
    @UriParam(label = "cost", description = "The most US dollars the jobs of this endpoint may be estimated at"
                                            + " within budgetPeriod, counted in the job store (so across restarts,"
                                            + " and across instances sharing a store). A job whose estimate would"
                                            + " cross it fails with VideoBudgetExceededException before anything"
                                            + " is sent. Jobs in doubt count; failed ones do not. Default: no limit.")
    private String maxSpendUsd;
    @UriParam(label = "cost", defaultValue = "P1D",
              description = "How far back maxSpendUsd counts jobs, as an ISO-8601 duration such as P1D (a day, the"
                            + " default), PT12H or P7D.")
    private String budgetPeriod = "P1D";
    @UriParam(label = "advanced",
              description = "Headers of the submitting exchange to keep with the job and restore on the exchange that"
                            + " the jobs consumer emits for it, so that a route can tell which order, ticket or"
                            + " customer a video belongs to: a comma-separated list of header names, where a name"
                            + " ending with an asterisk matches every header that starts with it, and a regular"
                            + " expression is accepted too. Values are kept as text in the job store, so keep"
                            + " them small and free of secrets.")
    private String storedHeaders;
    @UriParam(label = "push",
              description = "The path on the runtime's platform-http server (camel-platform-http-main on Camel Main,"
                            + " Vert.x on Camel K and Quarkus, the servlet container on Spring Boot) where the"
                            + " provider's webhook deliveries are received, such as /webhooks/sora. Setting it"
                            + " enables push completion: every delivery is verified (the provider's signature:"
                            + " Standard Webhooks under webhookSecret for OpenAI, Ed25519 under a key of fal's"
                            + " JWKS at falJwksUrl for fal; timestamp within 5 minutes, each delivery id accepted"
                            + " once, body at most 256 KiB) before anything else, and a verified event only makes the"
                            + " component read the job's status at once; the status read, never the event, decides."
                            + " Polling goes on as a safety net every pollIntervalWithPush. A provider without push"
                            + " completion (gemini and vertex on veo) refuses it at start. Default: not set (off,"
                            + " jobs are polled).")
    private String webhookPath;
    @UriParam(label = "push",
              description = "The public base URL at which the provider reaches this application, such as"
                            + " https://videos.example.com; the webhook URL is this followed by webhookPath. Used"
                            + " where a protocol sends the callback URL with each request, and named in the start-up"
                            + " log line; the OpenAI protocol has its webhook URL configured at the provider"
                            + " instead.")
    private String callbackBaseUrl;
    @UriParam(label = "push,security", secret = true,
              description = "The secret webhook deliveries are signed with, as the provider shows it: whsec_"
                            + " followed by base64 (Standard Webhooks), or a raw secret (used as its UTF-8 bytes)."
                            + " When not set, the component's environment variable is used (OPENAI_WEBHOOK_SECRET"
                            + " for sora). Required when webhookPath is set for a protocol signed with a shared"
                            + " secret (OpenAI); fal signs with public keys and needs none. Never logged.")
    private String webhookSecret;
    @UriParam(label = "push,security", secret = true,
              description = "Kie.ai's webhookHmacKey, generated in Kie's settings page: when set, Kie signs each"
                            + " callback with X-Webhook-Timestamp and X-Webhook-Signature (base64 HMAC-SHA256 of"
                            + " taskId.timestamp), and a callback is accepted only when that signature matches and"
                            + " its timestamp is within 5 minutes, after the per-task token of its URL. Not set:"
                            + " callbacks are checked by their per-task token alone. Used by the providers that reach"
                            + " a model through Kie.ai while push completion is on. Never logged.")
    private String webhookHmacKey;
    @UriParam(label = "push", defaultValue = "300000", javaType = "java.time.Duration",
              description = "While push completion is on (webhookPath set), the interval of the safety-net polls"
                            + " of each waiting job, so that a lost webhook still completes the job; server poll"
                            + " hints do not shorten it. Default: 5 minutes.")
    private long pollIntervalWithPush = 300_000;
    @UriParam(label = "push", defaultValue = "https://rest.fal.ai/.well-known/jwks.json",
              description = "Where the public keys of fal's webhook signatures are read (a JSON Web Key Set of"
                            + " Ed25519 keys; no credentials are sent), for the providers that reach a model through"
                            + " fal's queue while push completion is on. The keys are read when the receiver starts"
                            + " and refreshed in the background every hour, and when a delivery matches none of them"
                            + " (at most every 30 seconds); a delivery is accepted only when its Ed25519 signature"
                            + " matches one of them and its timestamp is within 5 minutes. Change it only for a"
                            + " proxy or an emulator.")
    private String falJwksUrl = FAL_JWKS_URL;

    public String getWebhookPath() {
        return webhookPath;
    }

    /** The platform-http path where webhook deliveries are received; setting it enables push completion. */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getCallbackBaseUrl() {
        return callbackBaseUrl;
    }

    /** The public base URL at which the provider reaches this application. */
    public void setCallbackBaseUrl(String callbackBaseUrl) {
        this.callbackBaseUrl = callbackBaseUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /** The secret webhook deliveries are signed with. */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookHmacKey() {
        return webhookHmacKey;
    }

    /** Kie.ai's webhookHmacKey, which signs its callbacks. */
    public void setWebhookHmacKey(String webhookHmacKey) {
        this.webhookHmacKey = webhookHmacKey;
    }

    /** The webhookHmacKey as the UTF-8 bytes Kie signs with, or {@code null} when not set. */
    public byte[] webhookHmacKeyBytes() {
        return webhookHmacKey == null || webhookHmacKey.isBlank() ? null
                : webhookHmacKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public long getPollIntervalWithPush() {
        return pollIntervalWithPush;
    }

    /** The interval of the safety-net polls while push completion is on. */
    public void setPollIntervalWithPush(long pollIntervalWithPush) {
        this.pollIntervalWithPush = pollIntervalWithPush;
    }

    public String getFalJwksUrl() {
        return falJwksUrl;
    }

    /** Where the public keys of fal's webhook signatures are read. */
    public void setFalJwksUrl(String falJwksUrl) {
        this.falJwksUrl = falJwksUrl;
    }

    /**
     * The URL at which the provider reaches this configuration's webhook receiver: callbackBaseUrl followed by
     * webhookPath; {@code null} when push completion is off or callbackBaseUrl is not set.
     */
    public String callbackUrl() {
        if (!isPushEnabled() || callbackBaseUrl == null || callbackBaseUrl.isBlank()) {
            return null;
        }
        String base = callbackBaseUrl.endsWith("/") ? callbackBaseUrl.substring(0, callbackBaseUrl.length() - 1)
                : callbackBaseUrl;
        return base + webhookPath;
    }

    /** Whether push completion is on: webhookPath is set. */
    public boolean isPushEnabled() {
        return webhookPath != null && !webhookPath.isBlank();
    }

    public String getMaxSpendUsd() {
        return maxSpendUsd;
    }

    /** The most US dollars the jobs of this endpoint may be estimated at within budgetPeriod. */
    public void setMaxSpendUsd(String maxSpendUsd) {
        this.maxSpendUsd = maxSpendUsd;
    }

    public String getBudgetPeriod() {
        return budgetPeriod;
    }

    /** How far back maxSpendUsd counts jobs, as an ISO-8601 duration. */
    public void setBudgetPeriod(String budgetPeriod) {
        this.budgetPeriod = budgetPeriod;
    }

    public String getStoredHeaders() {
        return storedHeaders;
    }

    /** Headers of the submitting exchange to keep with the job, as names or patterns separated by commas. */
    public void setStoredHeaders(String storedHeaders) {
        this.storedHeaders = storedHeaders;
    }

    /** The name patterns of storedHeaders; empty when none are kept. */
    public java.util.List<String> storedHeaderPatterns() {
        if (storedHeaders == null || storedHeaders.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(storedHeaders.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                .toList();
    }

    /** The spending limit from the options, or {@code null} when maxSpendUsd is not set. */
    public SpendCap spendCap() {
        if (maxSpendUsd == null || maxSpendUsd.isBlank()) {
            return null;
        }
        BigDecimal cap;
        try {
            cap = new BigDecimal(maxSpendUsd.trim());
        } catch (NumberFormatException e) {
            cap = null;
        }
        if (cap == null || cap.signum() < 0) {
            throw VideoRequestInvalidException.notAllowed("maxSpendUsd", maxSpendUsd,
                    "zero or a positive amount of US dollars, such as 25 or 12.50");
        }
        Duration period;
        try {
            period = Duration.parse(budgetPeriod == null ? "" : budgetPeriod.trim());
        } catch (DateTimeParseException e) {
            throw VideoRequestInvalidException.notAllowed("budgetPeriod", budgetPeriod,
                    "an ISO-8601 duration such as P1D, PT12H or P7D");
        }
        if (period.isNegative() || period.isZero()) {
            throw VideoRequestInvalidException.notAllowed("budgetPeriod", budgetPeriod,
                    "a positive ISO-8601 duration such as P1D, PT12H or P7D");
        }
        return new SpendCap(cap, period);
    }

    public StoryboardMode getStoryboardMode() {
        return storyboardMode;
    }

    /** How the storyboard operation makes one video of its scenes: auto, extend or stitch. */
    public void setStoryboardMode(StoryboardMode storyboardMode) {
        this.storyboardMode = storyboardMode;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    /** Whether the producer waits for the job to finish before the route continues. */
    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public boolean isDownload() {
        return download;
    }

    /** Whether a completed video is downloaded. */
    public void setDownload(boolean download) {
        this.download = download;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    /** Directory downloads are written to. */
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public boolean isDeleteAfterRoute() {
        return deleteAfterRoute;
    }

    /** Whether the downloaded file is deleted once the exchange has completed successfully. */
    public void setDeleteAfterRoute(boolean deleteAfterRoute) {
        this.deleteAfterRoute = deleteAfterRoute;
    }

    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    /** Delay before the first status poll. */
    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public double getPollMultiplier() {
        return pollMultiplier;
    }

    /** Factor by which the interval between polls grows. */
    public void setPollMultiplier(double pollMultiplier) {
        this.pollMultiplier = pollMultiplier;
    }

    public long getPollMaxInterval() {
        return pollMaxInterval;
    }

    /** The longest interval between two polls. */
    public void setPollMaxInterval(long pollMaxInterval) {
        this.pollMaxInterval = pollMaxInterval;
    }

    public long getTimeout() {
        return timeout;
    }

    /** Total time an exchange waits for its job, the queue for a slot and the download included. */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public int getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    /** The most jobs this endpoint runs at once; 0 means no limit. */
    public void setMaxConcurrentJobs(int maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    /**
     * Checks the options when an endpoint starts, so that a bad value stops the route instead of failing a job after
     * it was paid for. A component configuration that adds options extends this.
     *
     * @throws VideoRequestInvalidException naming the option, the value given and what is allowed
     */
    public void validate() {
        notNegative("pollInitialDelay", pollInitialDelay);
        notNegative("pollMaxInterval", pollMaxInterval);
        if (timeout <= 0) {
            throw VideoRequestInvalidException.notAllowed("timeout", timeout + " ms",
                    "a positive duration, such as 20m, 90s or 1200000 (milliseconds)");
        }
        if (!(pollMultiplier >= 1) || Double.isInfinite(pollMultiplier)) {
            throw VideoRequestInvalidException.notAllowed("pollMultiplier", pollMultiplier,
                    "a finite number of at least 1, such as 1.5 (1 keeps the interval constant)");
        }
        spendCap();
        validatePush();
        if (maxConcurrentJobs < 0) {
            throw VideoRequestInvalidException.notAllowed("maxConcurrentJobs", maxConcurrentJobs,
                    "0 (no limit) or a positive whole number");
        }
    }

    private void validatePush() {
        if (!isPushEnabled()) {
            return;
        }
        if (!webhookPath.startsWith("/") || webhookPath.contains("?") || webhookPath.contains("{")) {
            throw VideoRequestInvalidException.notAllowed("webhookPath", webhookPath,
                    "a path starting with /, without query or parameters, such as /webhooks/sora");
        }
        if (pollIntervalWithPush <= 0) {
            throw VideoRequestInvalidException.notAllowed("pollIntervalWithPush", pollIntervalWithPush + " ms",
                    "a positive duration, such as 5m or 300000 (milliseconds)");
        }
        if (callbackBaseUrl != null && !callbackBaseUrl.isBlank() && !callbackBaseUrl.startsWith("https://")
            && !callbackBaseUrl.startsWith("http://")) {
            throw VideoRequestInvalidException.notAllowed("callbackBaseUrl", callbackBaseUrl,
                    "an http or https URL, such as https://videos.example.com");
        }
        if (falJwksUrl == null || !(falJwksUrl.startsWith("https://") || falJwksUrl.startsWith("http://"))) {
            throw VideoRequestInvalidException.notAllowed("falJwksUrl", falJwksUrl,
                    "an http or https URL, such as " + FAL_JWKS_URL);
        }
    }

    private static void notNegative(String option, long millis) {
        if (millis < 0) {
            throw VideoRequestInvalidException.notAllowed(option, millis + " ms",
                    "zero or a positive duration, such as 5s or 5000 (milliseconds)");
        }
    }

    /** The poll schedule from the options; building it checks them. */
    public PollPolicy pollPolicy() {
        PollPolicy regular = new PollPolicy(Duration.ofMillis(pollInitialDelay), pollMultiplier,
                Duration.ofMillis(pollMaxInterval), Duration.ofMillis(timeout), POLL_JITTER);
        if (isPushEnabled()) {
            // the webhook brings each job's read forward; the polls are only the safety net, but for what the
            // provider never calls back
            return PollPolicy.withPush(Duration.ofMillis(pollIntervalWithPush), regular);
        }
        return regular;
    }

    /** Where downloads go. */
    public Path outputPath() {
        return outputDirectory == null || outputDirectory.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "camel-video")
                : Path.of(outputDirectory);
    }

    /** A copy for an endpoint, so endpoints never share mutable configuration. */
    protected <T extends VideoJobConfiguration> T copyAs(Class<T> type) {
        try {
            return type.cast(clone());
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
