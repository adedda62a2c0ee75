package io.github.camelvideo.sora;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.protocol.kie.KieMarket;

/**
 * Options of the sora: component and its endpoints. Values set on the component are the defaults of every
 * endpoint; each endpoint gets its own copy.
 */
@UriParams
public class SoraConfiguration extends VideoJobConfiguration {

    /** The OpenAI default; any server speaking the OpenAI Videos API can be used instead. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @UriParam(defaultValue = SoraProviders.OPENAI, enums = SoraProviders.OPENAI + "," + SoraProviders.KIE)
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
    @UriParam
    private Boolean removeWatermark;
    @UriParam(enums = "s3,oss")
    private String uploadMethod;
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
     * The protocol videos are made through: openai (the OpenAI Videos API, and any server speaking it), or kie
     * (Kie.ai's market API with its Sora 2 models, with a Kie key; these models are paused upstream since 2026-06,
     * when Kie answers that the model is paused).
     */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Base URL of the OpenAI Videos API. Point it at any compatible server (a LiteLLM proxy, vLLM-Omni, a gateway)
     * or at the Camel Video emulator. With provider kie, left at its default it means Kie's own address
     * (https://api.kie.ai, with uploads to https://kieai.redpandaai.co); set, Kie's market and upload APIs are both
     * at it (as the emulator's /kie base serves them).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Whether baseUrl was left at its default (or blank): the provider's own address applies. */
    boolean ownBaseUrl() {
        return baseUrl == null || baseUrl.isBlank() || DEFAULT_BASE_URL.equals(baseUrl);
    }

    /** The base URL in effect: the option, else the provider's own address. */
    String effectiveBaseUrl() {
        return SoraProviders.KIE.equals(provider) && ownBaseUrl() ? KieMarket.DEFAULT_BASE_URL : baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The API key, sent as a bearer token. When not set, the OPENAI_API_KEY environment variable is used (provider
     * kie: KIE_API_KEY).
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
     * (4). For extend, the seconds added. Provider kie: 10 or 15, sent as n_frames; not set: 10.
     */
    public void setSeconds(Integer seconds) {
        this.seconds = seconds;
    }

    public String getSize() {
        return size;
    }

    /**
     * Size of the generated video as WIDTHxHEIGHT. sora-2: 720x1280 or 1280x720; sora-2-pro also 1024x1792,
     * 1792x1024, 1080x1920 and 1920x1080. Not set: the server default (720x1280). Provider kie: 1280x720 or 720x1280,
     * and on sora-2-pro also 1920x1080 or 1080x1920 (size high); it gives aspect_ratio landscape or portrait (not
     * set: landscape).
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

    public Boolean getRemoveWatermark() {
        return removeWatermark;
    }

    /**
     * kie: whether Kie removes the Sora watermark from generated videos (remove_watermark of textToVideo and
     * imageToVideo). Not set: Kie's default. Not to be confused with the removeWatermark operation, which removes the
     * watermark of a published Sora video.
     */
    public void setRemoveWatermark(Boolean removeWatermark) {
        this.removeWatermark = removeWatermark;
    }

    public String getUploadMethod() {
        return uploadMethod;
    }

    /**
     * kie: where Kie stores the result, s3 or oss (Aliyun), as upload_method of textToVideo, imageToVideo and
     * removeWatermark. Not set: Kie's default (s3).
     */
    public void setUploadMethod(String uploadMethod) {
        this.uploadMethod = uploadMethod;
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
        if (uploadMethod != null && !"s3".equals(uploadMethod) && !"oss".equals(uploadMethod)) {
            throw VideoRequestInvalidException.notAllowed("uploadMethod", uploadMethod, "s3, oss");
        }
    }

    /** A copy for an endpoint, so endpoints never share mutable configuration. */
    public SoraConfiguration copy() {
        return copyAs(SoraConfiguration.class);
    }

    @Override
    public String toString() {
        // never includes the API key
        return "SoraConfiguration[provider=" + provider + ", baseUrl=" + effectiveBaseUrl() + ", model=" + model + ", seconds=" + seconds + ", size="
               + size + ", waitForCompletion=" + isWaitForCompletion() + ", download=" + isDownload() + "]";
    }
}
