package io.github.camelvideo.core.http;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoServerException;

/**
 * The two steps every provider's JSON call shares, whatever its envelope: a transport failure turned into the
 * exception hierarchy, and a body read as a JSON object.
 */
public final class ProviderCalls {

    private ProviderCalls() {
    }

    /** Sends a request for its bytes; a transport failure fails the stage with {@link #transportFailure}. */
    public static CompletionStage<HttpResponse<byte[]>> send(HttpTransport http, HttpRequest request,
                                                             String provider, String jobId) {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).exceptionally(error -> {
            throw transportFailure(error, provider, jobId);
        });
    }

    /**
     * A failure of the transport as the exception to fail with: a {@link VideoException} already typed (such as one
     * saying the request was not sent) as it is, anything else as a {@link VideoServerException} whose cause tells
     * the engine whether the request went out.
     */
    public static RuntimeException transportFailure(Throwable error, String provider, String jobId) {
        Throwable cause = Failures.unwrap(error);
        return cause instanceof VideoException ve ? ve
                : new VideoServerException(provider + " could not be reached or did not answer: " + cause,
                        provider, jobId, null, 0, cause);
    }

    /** The body of a response as a JSON object; anything else is a server failure. */
    public static JsonNode jsonObject(HttpResponse<byte[]> response, String provider, String jobId) {
        try {
            JsonNode node = JsonApi.MAPPER.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new VideoServerException(provider + " sent a response that is not the expected JSON", provider,
                    jobId, null, response.statusCode(), e);
        }
    }
}
