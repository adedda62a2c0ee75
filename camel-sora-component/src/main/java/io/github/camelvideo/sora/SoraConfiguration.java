package io.github.camelvideo.sora;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the sora: component and its endpoints. Values set on the component are the defaults of every
 * endpoint; each endpoint gets its own copy.
 */
@UriParams
public class SoraConfiguration implements Cloneable {

    /** The OpenAI default; any server speaking the OpenAI Videos API can be used instead. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(defaultValue = "sora-2")
    private String model = "sora-2";
    @UriParam
    private Integer seconds;
    @UriParam
    private String size;
    @UriParam(defaultValue = "true")
    private boolean waitForCompletion = true;
    @UriParam(defaultValue = "true")
    private boolean download = true;
    @UriParam
    private String outputDirectory;
    @UriParam(defaultValue = "video", enums = "video,thumbnail,spritesheet")
    private String variant = "video";
    @UriParam(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration")
    private long pollInitialDelay = 5000;
    @UriParam(label = "advanced", defaultValue = "1.5")
    private double pollMultiplier = 1.5;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long pollMaxInterval = 30000;
    @UriParam(defaultValue = "1200000", javaType = "java.time.Duration")
    private long timeout = 1_200_000;
    @UriParam(defaultValue = "50")
    private int maxConcurrentJobs = 50;
    @UriParam(label = "list")
    private String after;
    @UriParam(label = "list", defaultValue = "20")
    private int limit = 20;
    @UriParam(label = "list", defaultValue = "desc", enums = "asc,desc")
    private String order = "desc";

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Base URL of the OpenAI Videos API. Point it at any compatible server (a LiteLLM proxy, vLLM-Omni, a gateway)
     * or at the Camel Video emulator.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The API key, sent as a bearer token. When not set, the OPENAI_API_KEY environment variable is used.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getModel() {
        return model;
    }

    /**
     * The model id, such as sora-2 or sora-2-pro. Any string is accepted: seconds and size are
     * checked only for model families whose rules are known.
     */
    public void setModel(String model) {
        this.model = model;
    }

    public Integer getSeconds() {
        return seconds;
    }

    /**
     * Length of the generated video in seconds (sora-2 family: 4, 8, 12, 16 or 20). Not set: the server default
     * (4). For extend, the seconds added.
     */
    public void setSeconds(Integer seconds) {
        this.seconds = seconds;
    }

    public String getSize() {
        return size;
    }

    /**
     * Size of the generated video as WIDTHxHEIGHT. sora-2: 720x1280 or 1280x720; sora-2-pro also 1024x1792,
     * 1792x1024, 1080x1920 and 1920x1080. Not set: the server default (720x1280).
     */
    public void setSize(String size) {
        this.size = size;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    /**
     * Whether the producer waits for the job to finish (without holding a thread) before the route continues. When
     * false, the route continues right after submission with the job as body and its id in
     * CamelSoraVideoId.
     */
    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public boolean isDownload() {
        return download;
    }

    /**
     * Whether a completed video is downloaded; the body is then the MP4 java.io.File. When false, the body is
     * the completed job.
     */
    public void setDownload(boolean download) {
        this.download = download;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    /**
     * Directory downloads are written to. A file appears there only once complete and checked. Default: the
     * camel-video folder in the system temporary directory.
     */
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getVariant() {
        return variant;
    }

    /** Which content downloadVideo fetches: video (MP4), thumbnail or spritesheet. */
    public void setVariant(String variant) {
        this.variant = variant;
    }

    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    /** Delay before the first status poll. A poll hint from the server (openai-poll-after-ms) wins. */
    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public double getPollMultiplier() {
        return pollMultiplier;
    }

    /** Factor by which the interval between polls grows (1 keeps it constant). */
    public void setPollMultiplier(double pollMultiplier) {
        this.pollMultiplier = pollMultiplier;
    }

    public long getPollMaxInterval() {
        return pollMaxInterval;
    }

    /** The longest interval between two polls; also the cap on server poll hints. */
    public void setPollMaxInterval(long pollMaxInterval) {
        this.pollMaxInterval = pollMaxInterval;
    }

    public long getTimeout() {
        return timeout;
    }

    /**
     * Total time a job may take from submission to a final state. When it passes, the exchange fails with
     * VideoJobTimeoutException, which keeps the video id so the job can be fetched later.
     */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public int getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    /**
     * The most jobs this endpoint runs at once. Further exchanges wait in a queue, holding no thread, until a job
     * finishes. 0 means no limit.
     */
    public void setMaxConcurrentJobs(int maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    public String getAfter() {
        return after;
    }

    /** listVideos: the id of the last video of the previous page; the page starts after it. */
    public void setAfter(String after) {
        this.after = after;
    }

    public int getLimit() {
        return limit;
    }

    /** listVideos: page size, 0 to 100. */
    public void setLimit(int limit) {
        this.limit = limit;
    }

    public String getOrder() {
        return order;
    }

    /** listVideos: sort order by creation time, asc or desc. */
    public void setOrder(String order) {
        this.order = order;
    }

    /** A copy for an endpoint, so endpoints never share mutable configuration. */
    public SoraConfiguration copy() {
        try {
            return (SoraConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // never includes the API key
        return "SoraConfiguration[baseUrl=" + baseUrl + ", model=" + model + ", seconds=" + seconds + ", size="
               + size + ", waitForCompletion=" + waitForCompletion + ", download=" + download + "]";
    }
}
