package io.github.camelvideo.sora;

import java.util.Map;
import java.util.function.Function;

import io.github.camelvideo.core.camel.Credential;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.protocol.kie.KieHttp;
import io.github.camelvideo.core.protocol.kie.KieMarket;
import io.github.camelvideo.core.protocol.kie.KieTasks;
import io.github.camelvideo.core.protocol.kie.KieUploads;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.sora.kie.KieSoraModels;
import io.github.camelvideo.sora.kie.KieSoraProvider;
import io.github.camelvideo.sora.openai.OpenAiVideoProvider;
import io.github.camelvideo.sora.openai.SoraProvider;

/**
 * The providers of the sora component, by the name the provider option takes: the one place a protocol is chosen.
 * Each entry reads its credential and base URL from the endpoint's options and logs where requests go.
 */
final class SoraProviders {

    /** The OpenAI Videos API, and any server speaking it. */
    static final String OPENAI = "openai";
    /** Kie.ai's market API, with its Sora 2 models (paused upstream since 2026-06). */
    static final String KIE = "kie";

    private static final Map<String, Function<SoraEndpoint, SoraProvider>> PROVIDERS = Map.of(
            OPENAI, SoraProviders::openAi, KIE, SoraProviders::kie);

    private SoraProviders() {
    }

    /** The provider the endpoint's provider option names. */
    static SoraProvider create(SoraEndpoint endpoint) {
        String name = endpoint.getConfiguration().getProvider();
        Function<SoraEndpoint, SoraProvider> factory = PROVIDERS.get(name);
        if (factory == null) {
            throw VideoRequestInvalidException.notAllowed("provider", name, String.join(", ",
                    new java.util.TreeSet<>(PROVIDERS.keySet())));
        }
        return factory.apply(endpoint);
    }

    /** The allowed values of each model family with the provider an endpoint's options name. */
    static ModelRules rulesOf(SoraConfiguration c, ModelRules openAi) {
        return KIE.equals(c.getProvider()) ? KieSoraModels.rules() : openAi;
    }

    /** Kie's market and, at the same base when baseUrl is set (as the emulator serves both), its upload host. */
    private static SoraProvider kie(SoraEndpoint endpoint) {
        SoraConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", SoraEndpoint.KIE_API_KEY_ENV);
        String baseUrl = c.effectiveBaseUrl();
        KieHttp http = new KieHttp(endpoint.engine().http(), KieSoraProvider.NAME, apiKey.value());
        KieTasks tasks = new KieTasks(KieSoraProvider.NAME, new KieMarket(http, baseUrl),
                new KieUploads(http, c.ownBaseUrl() ? KieUploads.DEFAULT_BASE_URL : baseUrl),
                endpoint.callbackTarget(), c.webhookHmacKeyBytes());
        KieSoraProvider kie = new KieSoraProvider(tasks, KieSoraModels.builtIn());
        endpoint.reportConnection(baseUrl, KieMarket.DEFAULT_BASE_URL, apiKey);
        return kie;
    }

    private static SoraProvider openAi(SoraEndpoint endpoint) {
        SoraConfiguration c = endpoint.getConfiguration();
        Credential apiKey = endpoint.credential(c.getApiKey(), "apiKey", SoraEndpoint.API_KEY_ENV);
        OpenAiVideoProvider provider = new OpenAiVideoProvider(endpoint.engine().http(), c.getBaseUrl(),
                apiKey.value());
        endpoint.reportConnection(c.getBaseUrl(), SoraConfiguration.DEFAULT_BASE_URL, apiKey);
        endpoint.watchHealth(provider, c.getBaseUrl(), apiKey.value(), c.getModel());
        return provider;
    }
}
