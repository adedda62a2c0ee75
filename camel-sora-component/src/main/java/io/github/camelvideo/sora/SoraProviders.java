package io.github.camelvideo.sora;

import java.util.Map;
import java.util.function.Function;

import io.github.camelvideo.core.camel.Credential;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.sora.openai.OpenAiVideoProvider;
import io.github.camelvideo.sora.openai.SoraRequest;

/**
 * The providers of the sora component, by the name the provider option takes: the one place a protocol is chosen.
 * Each entry reads its credential and base URL from the endpoint's options and logs where requests go.
 */
final class SoraProviders {

    /** The OpenAI Videos API, and any server speaking it. */
    static final String OPENAI = "openai";

    private static final Map<String, Function<SoraEndpoint, VideoProvider<SoraRequest>>> PROVIDERS = Map.of(
            OPENAI, SoraProviders::openAi);

    private SoraProviders() {
    }

    /** The provider the endpoint's provider option names. */
    static VideoProvider<SoraRequest> create(SoraEndpoint endpoint) {
        String name = endpoint.getConfiguration().getProvider();
        Function<SoraEndpoint, VideoProvider<SoraRequest>> factory = PROVIDERS.get(name);
        if (factory == null) {
            throw VideoRequestInvalidException.notAllowed("provider", name, String.join(", ",
                    new java.util.TreeSet<>(PROVIDERS.keySet())));
        }
        return factory.apply(endpoint);
    }

    private static VideoProvider<SoraRequest> openAi(SoraEndpoint endpoint) {
        SoraConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", SoraEndpoint.API_KEY_ENV);
        OpenAiVideoProvider provider = new OpenAiVideoProvider(endpoint.engine().http(), c.getBaseUrl(),
                apiKey.value());
        endpoint.reportConnection(c.getBaseUrl(), SoraConfiguration.DEFAULT_BASE_URL, apiKey);
        endpoint.watchHealth(provider, c.getBaseUrl(), apiKey.value(), c.getModel());
        return provider;
    }
}
