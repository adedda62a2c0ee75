package io.github.camelvideo.sora;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.error.VideoRequestInvalidException;

/**
 * Options of the sora: component and its endpoints. Values set on the component are the defaults of every
 * endpoint; each endpoint gets its own copy.
 */
@UriParams
public class SoraConfiguration extends VideoJobConfiguration {

    /** The OpenAI default; any server speaking the OpenAI Videos API can be used instead. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @UriParam(defaultValue = SoraProviders.OPENAI, enums = SoraProviders.OPENAI)
    private String provider = SoraProviders.OPENAI;
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
    @UriParam(defaultValue = "video", enums = "video,thumbnail,spritesheet")
    private String variant = "video";
    @UriParam(label = "list")
    private String after;
    @UriParam(label = "list", defaultValue = "20")
    private int limit = 20;
    @UriParam(label = "list", defaultValue = "desc", enums = "asc,desc")
    private String order = "desc";

    public String getProvider() {
        return provider;
    }

    /**
     * The protocol videos are made through: openai (the OpenAI Videos API, and any server speaking it).
     */
    public void setProvider(String provider) {
        this.provider = provider;
    }

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

    public String getVariant() {
        return variant;
    }

    /** Which content downloadVideo fetches: video (MP4), thumbnail or spritesheet. */
    public void setVariant(String variant) {
        this.variant = variant;
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

    @Override
    public void validate() {
        super.validate();
        if (limit < 0 || limit > 100) {
            throw VideoRequestInvalidException.notAllowed("limit", limit, "0 to 100");
        }
        if (!"asc".equals(order) && !"desc".equals(order)) {
            throw VideoRequestInvalidException.notAllowed("order", order, "asc, desc");
        }
    }

    /** A copy for an endpoint, so endpoints never share mutable configuration. */
    public SoraConfiguration copy() {
        return copyAs(SoraConfiguration.class);
    }

    @Override
    public String toString() {
        // never includes the API key
        return "SoraConfiguration[baseUrl=" + baseUrl + ", model=" + model + ", seconds=" + seconds + ", size="
               + size + ", waitForCompletion=" + isWaitForCompletion() + ", download=" + isDownload() + "]";
    }
}
