package io.github.camelvideo.core.spi;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a job's result can be fetched and with which request headers (credentials included). The headers are never
 * logged.
 *
 * @param uri             the address of the bytes
 * @param headers         request headers to send
 * @param followRedirects whether redirects are followed (some providers serve results behind a redirect)
 */
public record DownloadSource(URI uri, Map<String, String> headers, boolean followRedirects) {

    public DownloadSource {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * A result the provider already holds in a local file (for example one decoded from an inline response); the
     * download moves it into place.
     */
    public static DownloadSource ofFile(Path file) {
        return new DownloadSource(file.toUri(), Map.of(), false);
    }

    /** Whether the result is a local file rather than an HTTP resource. */
    public boolean isLocalFile() {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public String toString() {
        // headers carry credentials
        return "DownloadSource[" + uri + "]";
    }
}
