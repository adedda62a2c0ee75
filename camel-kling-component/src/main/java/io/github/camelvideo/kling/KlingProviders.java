package io.github.camelvideo.kling;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.camelvideo.core.camel.Credential;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.core.protocol.fal.FalWebhooks;
import io.github.camelvideo.core.protocol.kie.KieHttp;
import io.github.camelvideo.core.protocol.kie.KieMarket;
import io.github.camelvideo.core.protocol.kie.KieTasks;
import io.github.camelvideo.core.protocol.kie.KieUploads;
import io.github.camelvideo.kling.fal.FalKlingEndpoints;
import io.github.camelvideo.kling.fal.FalKlingProvider;
import io.github.camelvideo.kling.kie.KieKlingModels;
import io.github.camelvideo.kling.kie.KieKlingProvider;
import io.github.camelvideo.kling.nativeapi.KlingJwt;
import io.github.camelvideo.kling.nativeapi.KlingModels;
import io.github.camelvideo.kling.nativeapi.NativeKlingProvider;
import io.github.camelvideo.kling.provider.KlingProvider;

/**
 * The providers of the kling component, by the name the provider option takes: the one place a protocol is chosen.
 * Each entry reads its credentials and base URL from the endpoint's options and logs where requests go.
 */
final class KlingProviders {

    private static final Map<String, Function<KlingEndpoint, KlingProvider>> PROVIDERS = Map.of(
            KlingConfiguration.FAL, KlingProviders::fal, KlingConfiguration.KIE, KlingProviders::kie,
            KlingConfiguration.KLING, KlingProviders::kling);

    private KlingProviders() {
    }

    /** The provider names, for errors. */
    static String names() {
        return String.join(", ", new TreeSet<>(PROVIDERS.keySet()));
    }

    /** The provider the endpoint's provider option names. */
    static KlingProvider create(KlingEndpoint endpoint) {
        String name = endpoint.getConfiguration().getProvider();
        Function<KlingEndpoint, KlingProvider> factory = PROVIDERS.get(name);
        if (factory == null) {
            throw VideoRequestInvalidException.notAllowed("provider", name, names());
        }
        return factory.apply(endpoint);
    }

    private static KlingProvider fal(KlingEndpoint endpoint) {
        KlingConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", KlingEndpoint.API_KEY_ENV);
        String baseUrl = c.effectiveBaseUrl();
        HttpTransport http = endpoint.engine().http();
        FalKlingProvider fal = new FalKlingProvider(new FalQueue(http, FalKlingProvider.NAME, baseUrl, apiKey.value(),
                c.callbackUrl()), FalKlingEndpoints.builtIn(),
                FalWebhooks.protocol(FalKlingProvider.NAME, http, c.getFalJwksUrl()));
        endpoint.reportConnection(baseUrl, FalQueue.DEFAULT_BASE_URL, apiKey);
        return fal;
    }

    /** Kie's market and, at the same base when baseUrl is set (as the emulator serves both), its upload host. */
    private static KlingProvider kie(KlingEndpoint endpoint) {
        KlingConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", KlingEndpoint.KIE_API_KEY_ENV);
        String baseUrl = c.effectiveBaseUrl();
        KieHttp http = new KieHttp(endpoint.engine().http(), KieKlingProvider.NAME, apiKey.value());
        boolean own = c.getBaseUrl() == null || c.getBaseUrl().isBlank();
        KieTasks tasks = new KieTasks(KieKlingProvider.NAME, new KieMarket(http, baseUrl),
                new KieUploads(http, own ? KieUploads.DEFAULT_BASE_URL : baseUrl), endpoint.callbackTarget(),
                c.webhookHmacKeyBytes());
        KieKlingProvider kie = new KieKlingProvider(tasks, KieKlingModels.builtIn());
        endpoint.reportConnection(baseUrl, KieMarket.DEFAULT_BASE_URL, apiKey);
        return kie;
    }

    /** Kling's own API, signed with a JWT made from the access key and the secret key. */
    private static KlingProvider kling(KlingEndpoint endpoint) {
        KlingConfiguration c = endpoint.getConfiguration();
        Credential accessKey = endpoint.credential(c.getAccessKey(), "accessKey", KlingEndpoint.ACCESS_KEY_ENV);
        Credential secretKey = endpoint.credential(c.getSecretKey(), "secretKey", KlingEndpoint.SECRET_KEY_ENV);
        String baseUrl = c.effectiveBaseUrl();
        NativeKlingProvider kling = new NativeKlingProvider(endpoint.engine().http(), baseUrl,
                new KlingJwt(accessKey.value(), secretKey.value(), java.time.Clock.systemUTC()),
                KlingModels.builtIn(), endpoint.callbackTarget());
        endpoint.reportConnection(baseUrl, NativeKlingProvider.DEFAULT_BASE_URL, accessKey);
        return kling;
    }
}
