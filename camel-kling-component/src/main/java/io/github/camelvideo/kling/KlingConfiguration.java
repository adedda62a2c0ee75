package io.github.camelvideo.kling;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.core.protocol.kie.KieMarket;
import io.github.camelvideo.kling.nativeapi.NativeKlingProvider;

/**
 * Options of the kling: component and its endpoints. Values set on the component are the defaults of every endpoint;
 * each endpoint gets its own copy.
 */
@UriParams
public class KlingConfiguration extends VideoJobConfiguration {

    /** The provider reaching Kling through fal.ai's queue API. */
    public static final String FAL = "fal";
    /** The provider reaching Kling through Kie.ai's market API. */
    public static final String KIE = "kie";
    /** The provider reaching Kling's own API, with an access key and a secret key. */
    public static final String KLING = "kling";
    /** The providers this version speaks. */
    public static final String PROVIDERS = FAL + "," + KIE + "," + KLING;

    @UriParam(defaultValue = FAL, enums = PROVIDERS)
    private String provider = FAL;
    @UriParam
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(defaultValue = "kling-v3")
    private String model = "kling-v3";
    @UriParam
    private String endpointId;
    @UriParam(defaultValue = "pro", enums = "std,pro")
    private String mode = "pro";
    @UriParam
    private String duration;
    @UriParam(enums = "16:9,9:16,1:1")
    private String aspectRatio;
    @UriParam
    private Boolean generateAudio;
    @UriParam
    private String negativePrompt;
    @UriParam
    private Double cfgScale;

    public String getProvider() {
        return provider;
    }

    /**
     * Which service generates the videos. fal (the default): fal.ai's queue API, with a fal key. kie: Kie.ai's market
     * API, with a Kie key (image bytes are uploaded through Kie's file upload API first). kling: Kling's own API, with
     * an access key and a secret key (accessKey, secretKey).
     */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Base URL of the provider's API. Not set: the provider's own address (fal: https://queue.fal.run; kie:
     * https://api.kie.ai, with uploads to https://kieai.redpandaai.co, and when set, kie uploads go to the same base;
     * kling: https://api-singapore.klingai.com, or https://api-beijing.klingai.com in China). Point it at the Camel
     * Video emulator (its /fal, /kie or /kling base) to develop offline.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The base URL in effect: the option, else the provider's own address. */
    public String effectiveBaseUrl() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl;
        }
        if (KIE.equals(provider)) {
            return KieMarket.DEFAULT_BASE_URL;
        }
        return KLING.equals(provider) ? NativeKlingProvider.DEFAULT_BASE_URL : FalQueue.DEFAULT_BASE_URL;
    }

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The provider's API key (fal: sent as Authorization: Key ...; kie: as Authorization: Bearer ...). When not set,
     * the FAL_KEY environment variable is used (kie: KIE_API_KEY).
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * kling: the access key of Kling's API, the issuer (iss) of the JWT each request carries. When not set, the
     * KLING_ACCESS_KEY environment variable is used.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * kling: the secret key of Kling's API, which signs (HS256) the JWT each request carries; it is never sent. When
     * not set, the KLING_SECRET_KEY environment variable is used.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getModel() {
        return model;
    }

    /**
     * The Kling model, such as kling-v3, kling-v3-turbo, kling-v3-4k, kling-o3, kling-v2.6 or kling-v2.1-master. Each
     * provider maps it, with the mode and the operation, to its own endpoint through data (fal:
     * kling-v3 in pro mode makes text-to-video calls to fal-ai/kling-video/v3/pro/text-to-video). Any string is
     * accepted with endpointId; duration and aspectRatio are checked only for model families whose rules are known.
     */
    public void setModel(String model) {
        this.model = model;
    }

    public String getEndpointId() {
        return endpointId;
    }

    /**
     * fal: the endpoint id to submit to, such as fal-ai/kling-video/v3/turbo/pro/text-to-video, instead of the one
     * the model, mode and operation map to. kie: the market model slug to create tasks of, such as kling-3.0/video,
     * instead of the one the model maps to.
     */
    public void setEndpointId(String endpointId) {
        this.endpointId = endpointId;
    }

    public String getMode() {
        return mode;
    }

    /** Kling's quality tier: std (standard, 720p) or pro (1080p). */
    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getDuration() {
        return duration;
    }

    /**
     * Length of the video in seconds, as a string as Kling's APIs take it: "3" to "15" on Kling 3 and O3, "5" or
     * "10" on earlier models. Checked against the model's rules before anything is sent. Not set: the model's
     * default (5). For a storyboard, the length of scenes that give none.
     */
    public void setDuration(String duration) {
        this.duration = duration;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    /**
     * textToVideo: the video's shape, 16:9, 9:16 or 1:1. Not set: the provider's default (16:9). imageToVideo takes
     * the first frame's shape instead.
     */
    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public Boolean getGenerateAudio() {
        return generateAudio;
    }

    /**
     * Whether the model adds sound (speech, effects) to the video, which costs more per second. Not set: the model's
     * default (on for Kling 3, off for O3 and earlier models).
     */
    public void setGenerateAudio(Boolean generateAudio) {
        this.generateAudio = generateAudio;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    /** What the video should not show, such as "blur, distort, and low quality". Not set: the provider's default. */
    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public Double getCfgScale() {
        return cfgScale;
    }

    /** How closely the video follows the prompt, from 0 to 1. Not set: the provider's default (0.5). */
    public void setCfgScale(Double cfgScale) {
        this.cfgScale = cfgScale;
    }

    @Override
    public void validate() {
        super.validate();
        if (!"std".equals(mode) && !"pro".equals(mode)) {
            throw VideoRequestInvalidException.notAllowed("mode", mode, "std, pro");
        }
        checkCfgScale(cfgScale);
    }

    /** Fails unless the scale is from 0 to 1. */
    static void checkCfgScale(Double cfgScale) {
        if (cfgScale != null && !(cfgScale >= 0 && cfgScale <= 1)) {
            throw VideoRequestInvalidException.notAllowed("cfgScale", cfgScale, "a number from 0 to 1");
        }
    }

    /** A copy for an endpoint, so endpoints never share mutable configuration. */
    public KlingConfiguration copy() {
        return copyAs(KlingConfiguration.class);
    }

    @Override
    public String toString() {
        // never includes the API key, the access key or the secret key
        return "KlingConfiguration[provider=" + provider + ", baseUrl=" + effectiveBaseUrl() + ", model=" + model
               + ", mode=" + mode + ", duration=" + duration + ", waitForCompletion=" + isWaitForCompletion()
               + ", download=" + isDownload() + "]";
    }
}
