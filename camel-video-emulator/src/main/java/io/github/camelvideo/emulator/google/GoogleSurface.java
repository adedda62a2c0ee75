package io.github.camelvideo.emulator.google;

import java.util.Optional;

import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.ErrorStyle;
import io.github.camelvideo.emulator.core.Surface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Google surface: errors in Google's envelope, thrown as {@link GoogleError} by the handlers. */
abstract class GoogleSurface implements Surface {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleSurface.class);

    /** Checks the credentials; throws the surface's 401/403/400 when they are not accepted. */
    abstract void authorize(ApiRequest request);

    /** Serves an authenticated request; may throw {@link GoogleError}. */
    abstract ApiResponse route(ApiRequest request);

    @Override
    public final Optional<ApiResponse> authenticate(ApiRequest request) {
        try {
            authorize(request);
            return Optional.empty();
        } catch (GoogleError e) {
            return Optional.of(e.toResponse());
        }
    }

    @Override
    public final ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (GoogleError e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure serving {} {}", request.method(), request.path(), e);
            return GoogleError.internal().toResponse();
        }
    }

    @Override
    public ErrorStyle errors() {
        return GoogleError.STYLE;
    }

    static GoogleError noSuchMethod(ApiRequest request) {
        return GoogleError.notFound("Method not found: " + request.method() + " " + request.path());
    }
}
