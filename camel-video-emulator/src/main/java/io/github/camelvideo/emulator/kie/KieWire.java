package io.github.camelvideo.emulator.kie;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.ErrorStyle;
import org.slf4j.Logger;

/**
 * What every Kie API of the emulator shares on the wire, the market and the Veo API alike: the Bearer key, the
 * {@code code}/{@code msg}/{@code data} envelope, JSON object bodies and callback URLs, and the answer to a failure.
 */
final class KieWire {

    /** Serves one request; may throw a {@link KieError}, answered as Kie answers it. */
    interface Route {
        ApiResponse serve(ApiRequest request) throws IOException;
    }

    private KieWire() {
    }

    /** A 401 unless the request carries {@code Authorization: Bearer <key>} with the configured key (any, if none). */
    static Optional<ApiResponse> refusedKey(ApiRequest request, KieSettings settings) {
        String header = request.header("authorization");
        String key = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
        if (key.isEmpty() || settings.key() != null && !settings.key().equals(key)) {
            return Optional.of(KieError.STYLE.error(401, null));
        }
        return Optional.empty();
    }

    /** Serves a request: a {@link KieError} becomes its answer, anything unexpected a logged 500 in {@code style}. */
    static ApiResponse serve(ApiRequest request, Route route, ErrorStyle style, Logger log) {
        try {
            return route.serve(request);
        } catch (KieError e) {
            return e.toResponse();
        } catch (RuntimeException | IOException e) {
            log.warn("Unexpected failure serving {} {}", request.method(), request.path(), e);
            return style.serverError();
        }
    }

    /** Kie's envelope around {@code data}. */
    static Map<String, Object> envelope(int code, String msg, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("msg", msg);
        envelope.put("data", data);
        return envelope;
    }

    /** The request's body, which must be a JSON object (else a 422). */
    static JsonNode jsonObject(ApiRequest request) {
        try {
            JsonNode body = ApiResponse.JSON.readTree(request.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        throw KieError.of(422, "The request body must be a JSON object");
    }

    /** The optional {@code callBackUrl} of a request, which must be an absolute http(s) URL (else a 422). */
    static String callBackUrl(JsonNode given) {
        if (given.isMissingNode() || given.isNull() || given.asText().isEmpty()) {
            return null;
        }
        if (!absolute(given.asText())) {
            throw KieError.of(422, "callBackUrl must be an absolute http or https URL");
        }
        return given.asText();
    }

    /** Whether a URL is absolute http or https with a host. */
    static boolean absolute(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
