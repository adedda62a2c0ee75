package io.github.camelvideo.core.protocol.kie;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.ProviderCalls;

/**
 * One call to any Kie API: {@code Authorization: Bearer <key>}, the answer read as a {@link KieEnvelope}, and a code
 * other than 200 (under any HTTP status) failed with {@link KieErrors}' typed exception. The market, Veo and upload
 * APIs all use it.
 */
public final class KieHttp {

    private final HttpTransport http;
    private final String provider;
    private final String apiKey;

    /**
     * @param provider the provider name used in errors, such as {@code kie-kling}
     * @param apiKey   the Kie key; never logged
     */
    public KieHttp(HttpTransport http, String provider, String apiKey) {
        this.http = http;
        this.provider = provider;
        this.apiKey = apiKey;
    }

    /** The provider name of errors. */
    public String provider() {
        return provider;
    }

    /** A request to {@code uri} carrying the key. */
    public HttpRequest.Builder authorized(URI uri) {
        return http.newRequest().uri(uri).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    /** Sends a request and returns the envelope's {@code data}; an error code fails the stage with its exception. */
    public CompletionStage<JsonNode> call(HttpRequest request, String jobId) {
        return ProviderCalls.send(http, request, provider, jobId).thenApply(response -> {
            KieEnvelope answer = KieEnvelope.parse(response.statusCode(), response.body());
            if (!answer.ok()) {
                throw KieErrors.toException(provider, jobId, answer);
            }
            return answer.data();
        });
    }
}
