package io.github.camelvideo.core.camel;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.webhook.StandardWebhooksVerifier;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.core.webhook.WebhookReceiver;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookSecret;

/**
 * The webhook receivers of one component, one per webhookPath, each a route from {@code platform-http:<path>}: the
 * runtime's own HTTP server (camel-platform-http-main on Camel Main, Vert.x on Camel K and Quarkus, the servlet
 * container on Spring Boot) serves them, so they share its port, TLS and security configuration.
 */
final class WebhookRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    private record Served(WebhookSecret secret, WebhookReceiver receiver) {
    }

    private final VideoComponentSupport component;
    private final Map<String, Served> served = new ConcurrentHashMap<>();

    WebhookRoutes(VideoComponentSupport component) {
        this.component = component;
    }

    /** The receiver on this path, or {@code null}. */
    WebhookReceiver receiver(String path) {
        Served s = served.get(path);
        return s == null ? null : s.receiver();
    }

    /**
     * Serves the configuration's webhookPath, once per path: a second configuration on the same path must have the
     * same secret.
     */
    synchronized void serve(VideoJobConfiguration config) {
        String path = config.getWebhookPath();
        WebhookProtocol protocol = component.webhookProtocol();
        String scheme = component.engineName().toLowerCase();
        if (protocol == null) {
            throw VideoRequestInvalidException.notAllowed("webhookPath", path,
                    "not set: the " + scheme + " component has no push completion");
        }
        WebhookSecret secret = secret(config, protocol, scheme);
        Served existing = served.get(path);
        if (existing != null) {
            if (!existing.secret().sameKey(secret)) {
                throw new IllegalArgumentException("The webhookPath " + path + " of " + scheme
                                                   + " is already served with another webhookSecret; give each"
                                                   + " secret its own path");
            }
            return;
        }
        WebhookReceiver receiver = new WebhookReceiver(path, new StandardWebhooksVerifier(secret),
                protocol.events(), jobId -> {
                    VideoEngine engine = component.engine();
                    return engine != null && engine.tracker().pollNow(protocol.providerName(), jobId);
                }, component::getJobStore, Clock.systemUTC());
        receiver.observe(new WebhookReceiver.Observer() {
            @Override
            public void accepted() {
                if (component.activity() != null) {
                    component.activity().metrics().webhookAccepted(scheme, protocol.providerName());
                }
            }

            @Override
            public void refused(WebhookRefusal reason) {
                if (component.activity() != null) {
                    component.activity().metrics().webhookRefused(scheme, protocol.providerName(),
                            reason.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        served.put(path, new Served(secret, receiver));
        addRoute(scheme + "-webhook" + path.replaceAll("[^A-Za-z0-9]+", "-"), path, receiver);
        String base = config.getCallbackBaseUrl();
        LOG.info("Push completion for {}: webhook receiver on platform-http {}; configure the provider to send its"
                 + " events to {} with the secret of webhookSecret", scheme, path,
                base == null || base.isBlank() ? "this application's public URL + " + path
                        : stripSlash(base) + path);
    }

    private static WebhookSecret secret(VideoJobConfiguration config, WebhookProtocol protocol, String scheme) {
        String value = config.getWebhookSecret();
        String source = "the webhookSecret option";
        if ((value == null || value.isBlank()) && protocol.secretEnvVariable() != null) {
            value = System.getenv(protocol.secretEnvVariable());
            source = "the " + protocol.secretEnvVariable() + " environment variable";
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("No webhookSecret for " + scheme + ": push completion (webhookPath "
                                               + config.getWebhookPath() + ") needs the webhookSecret option"
                                               + (protocol.secretEnvVariable() == null ? ""
                                                       : " or the " + protocol.secretEnvVariable()
                                                         + " environment variable"));
        }
        try {
            return WebhookSecret.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhook secret of " + scheme + " from " + source
                                               + " is not usable: " + e.getMessage());
        }
    }

    /**
     * Adds the receiver's route once the context has started its routes (a component starts while routes are being
     * built, too early to add one), or now when it already runs.
     */
    private void addRoute(String routeId, String path, WebhookReceiver receiver) {
        CamelContext context = component.getCamelContext();
        RouteBuilder route = new RouteBuilder(context) {
            @Override
            public void configure() {
                from("platform-http:" + path + "?httpMethodRestrict=POST&muteException=true")
                        .routeId(routeId)
                        .routeDescription("Webhook receiver of push completion")
                        .process(receiver);
            }
        };
        try {
            if (context.isStarted()) {
                context.addRoutes(route);
                return;
            }
            context.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext c, boolean alreadyStarted) {
                    // routes are added once the context has fully started
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext c, boolean alreadyStarted) throws Exception {
                    c.addRoutes(route);
                }
            });
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
