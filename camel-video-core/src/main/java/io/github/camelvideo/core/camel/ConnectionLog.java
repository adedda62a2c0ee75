package io.github.camelvideo.core.camel;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.http.BaseUrls;

/**
 * Says, once per component, base URL and credential source, where the endpoints of a component send their requests
 * and with which credential source, never the credential. A forgotten {@code baseUrl} in a test or a property that
 * was silently not applied otherwise sends paid requests to the provider's public endpoint with whatever key is in
 * the environment; this line makes that visible at start. The public endpoint is reported as a warning when the
 * credential was picked up from the environment rather than configured, the case that is most often an accident.
 */
public final class ConnectionLog {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLog.class);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * Reports an endpoint's connection, unless the same one was reported already.
     *
     * @param component     the component's name, such as {@code sora}
     * @param baseUrl       where requests go
     * @param publicBaseUrl the provider's public (billed) base URL for this endpoint's provider
     * @param credential    what the requests are authenticated with
     */
    public void report(String component, String baseUrl, String publicBaseUrl, Credential credential) {
        String shown = withoutSecrets(baseUrl);
        if (!reported.add(shown + " " + credential.source())) {
            return;
        }
        if (sameUrl(baseUrl, publicBaseUrl)) {
            String line = "{} sends requests to {}, the provider's public endpoint, where jobs are billed;"
                          + " credential: {}. Set baseUrl to use another server.";
            if (credential.source().contains("environment")) {
                LOG.warn(line, component, shown, credential.source());
            } else {
                LOG.info(line, component, shown, credential.source());
            }
        } else {
            LOG.info("{} sends requests to {} (not the provider's default {}); credential: {}", component, shown,
                    publicBaseUrl, credential.source());
        }
    }

    private static boolean sameUrl(String a, String b) {
        try {
            return BaseUrls.normalize(a, "baseUrl").equalsIgnoreCase(BaseUrls.normalize(b, "baseUrl"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The URL without user information or query, where a key could have been written. */
    static String withoutSecrets(String url) {
        try {
            URI u = URI.create(url.trim());
            if (u.getHost() == null) {
                return "(an invalid URL)";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                   + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(an invalid URL)";
        }
    }
}
