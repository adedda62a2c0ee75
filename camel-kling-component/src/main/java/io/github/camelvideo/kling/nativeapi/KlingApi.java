package io.github.camelvideo.kling.nativeapi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.BaseUrls;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.ProviderCalls;
import io.github.camelvideo.core.http.JsonApi;

/**
 * Calls to Kling's API: {@code Authorization: Bearer <JWT>} on every request, JSON in, and the
 * {@code {code, message, request_id, data}} envelope out, whose {@code data} completes the stage when {@code code} is
 * 0. An answer refusing the token as expired (1004) is sent once more with a new token: the server refused it before
 * doing anything, so even a create is safe to repeat.
 */
final class KlingApi {

    private final HttpTransport http;
    private final String provider;
    private final String baseUrl;
    private final KlingJwt jwt;

    KlingApi(HttpTransport http, String provider, String baseUrl, KlingJwt jwt) {
        this.http = http;
        this.provider = provider;
        this.baseUrl = BaseUrls.normalize(baseUrl, "baseUrl");
        this.jwt = jwt;
    }

    /** {@code POST {base}{path}} with the body; the answer's {@code data}. */
    CompletionStage<JsonNode> post(String path, Object body) {
        return call(token -> request(path, token).header("Content-Type", "application/json")
                .POST(JsonApi.json(body)).build(), null, true);
    }

    /** {@code GET {base}{path}}; the answer's {@code data}. */
    CompletionStage<JsonNode> get(String path, String jobId) {
        return call(token -> request(path, token).GET().build(), jobId, true);
    }

    private HttpRequest.Builder request(String path, String token) {
        return http.newRequest().uri(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private CompletionStage<JsonNode> call(Function<String, HttpRequest> request, String jobId, boolean mayRenew) {
        return send(request.apply(jwt.token()), jobId).thenCompose(response -> {
            int status = response.statusCode();
            KlingErrors.Answer answer = status >= 200 && status < 300 ? null
                    : KlingErrors.parse(status, response.body());
            if (answer == null) {
                JsonNode envelope = read(response, jobId);
                if (envelope.path("code").asInt(0) == 0) {
                    return CompletableFuture.completedFuture(envelope.path("data"));
                }
                answer = KlingErrors.parse(status, response.body()); // an error code in a 200 answer
            }
            if (answer.code() == KlingErrors.TOKEN_EXPIRED && mayRenew) {
                jwt.renew();
                return call(request, jobId, false);
            }
            throw KlingErrors.toException(provider, jobId, answer, response.headers());
        });
    }

    private CompletionStage<HttpResponse<byte[]>> send(HttpRequest request, String jobId) {
        return ProviderCalls.send(http, request, provider, jobId);
    }

    private JsonNode read(HttpResponse<byte[]> response, String jobId) {
        return ProviderCalls.jsonObject(response, provider, jobId);
    }

    @Override
    public String toString() {
        return "KlingApi[" + baseUrl + "]";
    }
}
