package io.github.camelvideo.veo;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.veo.gemini.GeminiVeoProvider;
import io.github.camelvideo.veo.vertex.VertexVeoProvider;

/**
 * Options of the veo: component and its endpoints. Values set on the component are the defaults of every endpoint;
 * each endpoint gets its own copy.
 */
@UriParams
public class VeoConfiguration extends VideoJobConfiguration {

    /** The Gemini API provider. */
    public static final String GEMINI = "gemini";
    /** The Vertex AI provider. */
    public static final String VERTEX = "vertex";
    /** Veo on fal.ai's queue. */
    public static final String FAL = "fal";
    /** Veo on Kie.ai's Veo 3.1 API. */
    public static final String KIE = "kie";
    /** The default model on fal.ai. */
    public static final String FAL_DEFAULT_MODEL = "veo3.1-fast";
    /** The default model on Kie.ai (Kie's own default). */
    public static final String KIE_DEFAULT_MODEL = "veo3_fast";
    /** Kie.ai's API address. */
    public static final String KIE_DEFAULT_BASE_URL = "https://api.kie.ai";
    /** The default model on the Gemini API. */
    public static final String GEMINI_DEFAULT_MODEL = "veo-3.1-generate-preview";
    /** The default model on Vertex AI. */
    public static final String VERTEX_DEFAULT_MODEL = "veo-3.1-generate-001";
    /** The largest seed Vertex AI takes: seeds are unsigned 32-bit integers. */
    public static final long MAX_SEED = 4_294_967_295L;

    @UriParam(defaultValue = "gemini", enums = "gemini,vertex,fal,kie")
    private String provider = "gemini";
    @UriParam
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "vertex")
    private String projectId;
    @UriParam(label = "vertex", defaultValue = "us-central1")
    private String location = "us-central1";
    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "security", secret = true)
    private String serviceAccountKey;
    @UriParam
    private String model;
    @UriParam
    private String aspectRatio;
    @UriParam
    private String resolution;
    @UriParam
    private Integer durationSeconds;
    @UriParam
    private String negativePrompt;
    @UriParam(enums = "allow_all,allow_adult,dont_allow")
    private String personGeneration;
    @UriParam(label = "vertex")
    private Long seed;
    @UriParam(label = "vertex")
    private Boolean generateAudio;
    @UriParam(label = "vertex")
    private String storageUri;
    @UriParam(label = "vertex,advanced", defaultValue = "https://storage.googleapis.com")
    private String storageBaseUrl = "https://storage.googleapis.com";

    public String getProvider() {
        return provider;
    }

    /**
     * Which API serves the requests: gemini (the Gemini API, with an API key), vertex (Vertex AI, with OAuth2
     * credentials), fal (fal.ai's queue, Veo 3.1 endpoints, with a fal key) or kie (Kie.ai's Veo 3.1 API, not its
     * market, with a Kie key).
     */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Base URL of the API. Not set: https://generativelanguage.googleapis.com/v1beta for gemini;
     * https://{location}-aiplatform.googleapis.com/v1 (https://aiplatform.googleapis.com/v1 for the global
     * location) for vertex; https://queue.fal.run for fal; https://api.kie.ai for kie (its image uploads then go to
     * https://kieai.redpandaai.co; with baseUrl set they go to baseUrl too). Point it at the Camel Video emulator to work offline.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The API key: gemini sends it in the x-goog-api-key header, fal as Authorization: Key, kie as Authorization:
     * Bearer. When not set, the GEMINI_API_KEY, FAL_KEY or KIE_API_KEY environment variable is used.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getProjectId() {
        return projectId;
    }

    /**
     * vertex: the Google Cloud project id. Required for vertex.
     */
    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getLocation() {
        return location;
    }

    /**
     * vertex: the region (such as us-central1) or global.
     */
    public void setLocation(String location) {
        this.location = location;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * vertex: an OAuth2 access token used as given, for example from gcloud auth print-access-token. It is not
     * refreshed; prefer serviceAccountKey for long-running routes.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getServiceAccountKey() {
        return serviceAccountKey;
    }

    /**
     * vertex: a service-account key, as JSON or as the path of its JSON file. Tokens are obtained and refreshed
     * with Google's auth library. When neither accessToken nor serviceAccountKey is set, Application Default
     * Credentials are used.
     */
    public void setServiceAccountKey(String serviceAccountKey) {
        this.serviceAccountKey = serviceAccountKey;
    }

    public String getModel() {
        return model;
    }

    /**
     * The model id. Not set: veo-3.1-generate-preview for gemini, veo-3.1-generate-001 for vertex, veo3.1-fast for
     * fal (veo3.1 and veo3.1-fast choose fal's endpoints), veo3_fast for kie (veo3, veo3_fast, veo3_lite; Google's
     * and fal's ids map to them). Any string is accepted: durations, resolutions and aspect ratios are checked only for model families whose rules are known.
     */
    public void setModel(String model) {
        this.model = model;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    /**
     * Aspect ratio of the video: 16:9 or 9:16 (also auto on fal, Auto on kie). Not set: the provider default
     * (16:9).
     */
    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public String getResolution() {
        return resolution;
    }

    /**
     * Resolution of the video: 720p, 1080p or 4k (1080p and 4k only with 8-second videos; extensions only 720p).
     * Not set: the provider default (720p). On kie, 1080p is fetched and 4k made by a task of its own after the
     * video is generated.
     */
    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public Integer getDurationSeconds() {
        return durationSeconds;
    }

    /**
     * Length of the video in seconds: 4, 6 or 8 for Veo 3 models (8 only on kie). Not set: the provider default
     * (8).
     */
    public void setDurationSeconds(Integer durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    /**
     * What the video should not show, described plainly (without 'no' or 'don't').
     */
    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public String getPersonGeneration() {
        return personGeneration;
    }

    /**
     * Whether people may be generated: allow_all, allow_adult or dont_allow. Veo 3.1 takes allow_all for
     * text-to-video and extension, allow_adult for image-to-video and reference images.
     */
    public void setPersonGeneration(String personGeneration) {
        this.personGeneration = personGeneration;
    }

    public Long getSeed() {
        return seed;
    }

    /**
     * vertex, fal and kie: the random seed, for repeatable results: a whole number from 0 to 4294967295 (an
     * unsigned 32-bit integer), from 10000 to 99999 on kie (sent as seeds). The Gemini API rejects it.
     */
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Boolean getGenerateAudio() {
        return generateAudio;
    }

    /**
     * vertex and fal: whether the video gets generated audio (fal's default: on). On the Gemini API audio is always
     * on.
     */
    public void setGenerateAudio(Boolean generateAudio) {
        this.generateAudio = generateAudio;
    }

    public String getStorageUri() {
        return storageUri;
    }

    /**
     * vertex only: a gs:// prefix where Vertex AI writes the video; it is then downloaded from Cloud Storage with
     * the same credentials. Not set: the video comes inline in the operation and is decoded as a stream.
     */
    public void setStorageUri(String storageUri) {
        this.storageUri = storageUri;
    }

    public String getStorageBaseUrl() {
        return storageBaseUrl;
    }

    /**
     * vertex: base URL of the Cloud Storage JSON API used to read gs:// results. Change it only to reach an
     * emulator or a private endpoint.
     */
    public void setStorageBaseUrl(String storageBaseUrl) {
        this.storageBaseUrl = storageBaseUrl;
    }

    /** Whether requests go to Vertex AI. */
    public boolean isVertex() {
        return VERTEX.equals(provider);
    }

    /** The model option, or the provider's default model. */
    public String effectiveModel() {
        if (model != null && !model.isBlank()) {
            return model;
        }
        return switch (String.valueOf(provider)) {
            case VERTEX -> VERTEX_DEFAULT_MODEL;
            case FAL -> FAL_DEFAULT_MODEL;
            case KIE -> KIE_DEFAULT_MODEL;
            default -> GEMINI_DEFAULT_MODEL;
        };
    }

    /** The baseUrl option, or the provider's default address. */
    public String effectiveBaseUrl() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl;
        }
        return switch (String.valueOf(provider)) {
            case VERTEX -> VertexVeoProvider.defaultBaseUrl(location);
            case FAL -> FalQueue.DEFAULT_BASE_URL;
            case KIE -> KIE_DEFAULT_BASE_URL;
            default -> GeminiVeoProvider.DEFAULT_BASE_URL;
        };
    }

    @Override
    public void validate() {
        super.validate();
        if (seed != null && (seed < 0 || seed > MAX_SEED)) {
            throw VideoRequestInvalidException.notAllowed("seed", seed, "a whole number from 0 to " + MAX_SEED
                                                                        + " (an unsigned 32-bit integer)");
        }
    }

    /** A copy for an endpoint, so endpoints never share mutable configuration. */
    public VeoConfiguration copy() {
        return copyAs(VeoConfiguration.class);
    }

    @Override
    public String toString() {
        // never includes credentials
        return "VeoConfiguration[provider=" + provider + ", baseUrl=" + effectiveBaseUrl() + ", model="
               + effectiveModel() + ", resolution=" + resolution + ", durationSeconds=" + durationSeconds + "]";
    }
}
