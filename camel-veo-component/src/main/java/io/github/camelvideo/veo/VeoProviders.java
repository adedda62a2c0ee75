package io.github.camelvideo.veo;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.camelvideo.core.camel.Credential;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.core.protocol.fal.FalWebhooks;
import io.github.camelvideo.core.protocol.kie.KieHttp;
import io.github.camelvideo.core.protocol.kie.KieUploads;
import io.github.camelvideo.core.protocol.kie.KieVeo;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.core.webhook.CallbackTarget;
import io.github.camelvideo.veo.fal.FalVeoEndpoints;
import io.github.camelvideo.veo.fal.FalVeoProvider;
import io.github.camelvideo.veo.gemini.GeminiVeoProvider;
import io.github.camelvideo.veo.kie.KieVeoProvider;
import io.github.camelvideo.veo.request.VeoRequest;
import io.github.camelvideo.veo.vertex.AccessTokens;
import io.github.camelvideo.veo.vertex.VertexVeoProvider;

/**
 * The providers of the veo component, by the name the provider option takes: the one place a protocol is chosen.
 * Each entry reads its credentials and base URL from the endpoint's options, logs where requests go and adds the
 * connection to the health checks.
 */
final class VeoProviders {

    private static final Map<String, Function<VeoEndpoint, VideoProvider<VeoRequest>>> PROVIDERS = Map.of(
            VeoConfiguration.GEMINI, VeoProviders::gemini,
            VeoConfiguration.VERTEX, VeoProviders::vertex,
            VeoConfiguration.FAL, VeoProviders::fal,
            VeoConfiguration.KIE, VeoProviders::kie);

    private VeoProviders() {
    }

    /** The provider the endpoint's provider option names. */
    static VideoProvider<VeoRequest> create(VeoEndpoint endpoint) {
        String name = endpoint.getConfiguration().getProvider();
        Function<VeoEndpoint, VideoProvider<VeoRequest>> factory = PROVIDERS.get(name);
        if (factory == null) {
            throw VideoRequestInvalidException.notAllowed("provider", name,
                    String.join(", ", new TreeSet<>(PROVIDERS.keySet())));
        }
        VideoProvider<VeoRequest> provider = factory.apply(endpoint);
        VeoConfiguration c = endpoint.getConfiguration();
        endpoint.watchHealth(provider, c.effectiveBaseUrl(), credentialIdentity(c), c.effectiveModel());
        return provider;
    }

    private static VideoProvider<VeoRequest> gemini(VeoEndpoint endpoint) {
        VeoConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", VeoEndpoint.API_KEY_ENV);
        GeminiVeoProvider gemini = new GeminiVeoProvider(endpoint.engine().http(), c.effectiveBaseUrl(),
                apiKey.value(), c.outputPath());
        endpoint.reportConnection(c.effectiveBaseUrl(), GeminiVeoProvider.DEFAULT_BASE_URL, apiKey);
        return gemini;
    }

    private static VideoProvider<VeoRequest> fal(VeoEndpoint endpoint) {
        VeoConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", VeoEndpoint.FAL_KEY_ENV);
        String baseUrl = c.effectiveBaseUrl();
        HttpTransport http = endpoint.engine().http();
        FalVeoProvider fal = new FalVeoProvider(new FalQueue(http, FalVeoProvider.NAME, baseUrl, apiKey.value(),
                c.callbackUrl()), FalVeoEndpoints.builtIn(),
                FalWebhooks.protocol(FalVeoProvider.NAME, http, c.getFalJwksUrl()));
        endpoint.reportConnection(baseUrl, FalQueue.DEFAULT_BASE_URL, apiKey);
        return fal;
    }

    private static VideoProvider<VeoRequest> kie(VeoEndpoint endpoint) {
        VeoConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", VeoEndpoint.KIE_KEY_ENV);
        String baseUrl = c.effectiveBaseUrl();
        KieHttp http = new KieHttp(endpoint.engine().http(), KieVeoProvider.NAME, apiKey.value());
        boolean own = c.getBaseUrl() == null || c.getBaseUrl().isBlank();
        CallbackTarget target = endpoint.callbackTarget();
        KieVeoProvider kie = new KieVeoProvider(new KieVeo(http, baseUrl, target == null ? null : target::tokenUrl),
                new KieUploads(http, own ? KieUploads.DEFAULT_BASE_URL : baseUrl), target, c.webhookHmacKeyBytes());
        endpoint.reportConnection(baseUrl, VeoConfiguration.KIE_DEFAULT_BASE_URL, apiKey);
        return kie;
    }

    private static VideoProvider<VeoRequest> vertex(VeoEndpoint endpoint) {
        VeoConfiguration c = endpoint.getConfiguration();
        if (c.getProjectId() == null || c.getProjectId().isBlank()) {
            throw new IllegalArgumentException("Missing projectId: the vertex provider needs the Google Cloud"
                                               + " project id");
        }
        VertexVeoProvider vertex = new VertexVeoProvider(endpoint.engine().http(), c.effectiveBaseUrl(),
                c.getStorageBaseUrl(), c.getProjectId(), c.getLocation(), accessTokens(endpoint), c.outputPath());
        endpoint.reportConnection(c.effectiveBaseUrl(), VertexVeoProvider.defaultBaseUrl(c.getLocation()),
                vertexCredential(c));
        return vertex;
    }

    /** What tells an endpoint's credential apart from another's, for sharing health checks; never shown. */
    private static String credentialIdentity(VeoConfiguration c) {
        return c.isVertex()
                ? c.getProjectId() + "/" + c.getAccessToken() + "/" + c.getServiceAccountKey()
                : c.getApiKey() != null ? c.getApiKey() : System.getenv(keyVariable(c));
    }

    /** The environment variable holding the key of a provider that takes an API key. */
    static String keyVariable(VeoConfiguration c) {
        return switch (String.valueOf(c.getProvider())) {
            case VeoConfiguration.FAL -> VeoEndpoint.FAL_KEY_ENV;
            case VeoConfiguration.KIE -> VeoEndpoint.KIE_KEY_ENV;
            default -> VeoEndpoint.API_KEY_ENV;
        };
    }

    /** Where the Vertex access tokens come from, in the order {@link #accessTokens} looks. */
    private static Credential vertexCredential(VeoConfiguration c) {
        if (c.getAccessToken() != null && !c.getAccessToken().isBlank()) {
            return Credential.external("the accessToken option");
        }
        if (c.getServiceAccountKey() != null && !c.getServiceAccountKey().isBlank()) {
            return Credential.external("the serviceAccountKey option");
        }
        return Credential.external("Google Application Default Credentials (the GOOGLE_APPLICATION_CREDENTIALS"
                                   + " environment variable or gcloud's login)");
    }

    private static AccessTokens accessTokens(VeoEndpoint endpoint) {
        VeoConfiguration c = endpoint.getConfiguration();
        if (c.getAccessToken() != null && !c.getAccessToken().isBlank()) {
            return AccessTokens.fixed(c.getAccessToken());
        }
        if (c.getServiceAccountKey() != null && !c.getServiceAccountKey().isBlank()) {
            return AccessTokens.serviceAccount(c.getServiceAccountKey(), endpoint.engine().workerExecutor());
        }
        return AccessTokens.applicationDefault(endpoint.engine().workerExecutor());
    }
}
