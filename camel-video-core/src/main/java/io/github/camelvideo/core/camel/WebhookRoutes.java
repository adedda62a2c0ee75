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
import io.github.camelvideo.core.push.WebhookReceiver;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookSecret;

/**
 * The webhook receivers of one component, one per webhookPath, each a route from {@code platform-http:<path>}: the
 * runtime's own HTTP server (camel-platform-http-main on Camel Main, Vert.x on Camel K and Quarkus, the servlet
 * container on Spring Boot) serves them, so they share its port, TLS and security configuration.
 */
final class WebhookRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    private record Served(String providerName, WebhookSecret secret, WebhookReceiver receiver) {

        boolean sameAs(String otherProvider, WebhookSecret otherSecret) {
            return providerName.equals(otherProvider)
                   && (secret == null ? otherSecret == null : otherSecret != null && secret.sameKey(otherSecret));
        }
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
     * Serves the configuration's webhookPath for the provider's protocol, once per path: a second configuration on
     * the same path must be for the same provider, with the same secret.
     *
     * @param protocol the provider's push protocol, or {@code null} when it has none (then webhookPath is refused)
     */
    synchronized void serve(VideoJobConfiguration config, WebhookProtocol protocol) {
        String path = config.getWebhookPath();
        String scheme = component.engineName().toLowerCase();
        if (protocol == null) {
            throw VideoRequestInvalidException.notAllowed("webhookPath", path,
                    "not set: this provider of the " + scheme + " component has no push completion");
        }
        if (protocol.callsBack() && config.callbackUrl() == null) {
            throw new IllegalArgumentException("Missing callbackBaseUrl: the " + protocol.providerName()
                                               + " provider of " + scheme + " is told on each create call where to"
                                               + " call back, so push completion (webhookPath " + path + ") needs"
                                               + " the public base URL of this application, such as"
                                               + " https://videos.example.com");
        }
        WebhookSecret secret = secret(config, protocol, scheme);
        Served existing = served.get(path);
        if (existing != null) {
            if (!existing.sameAs(protocol.providerName(), secret)) {
                throw new IllegalArgumentException("The webhookPath " + path + " of " + scheme + " is already served"
                                                   + " for another provider or with another webhookSecret; give"
                                                   + " each provider and secret its own path");
            }
            return;
        }
        WebhookReceiver receiver = new WebhookReceiver(path, protocol.verifiers().create(secret),
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
        served.put(path, new Served(protocol.providerName(), secret, receiver));
        addRoute(scheme + "-webhook" + path.replaceAll("[^A-Za-z0-9]+", "-"), path, receiver);
        String url = config.callbackUrl();
        if (protocol.callsBack()) {
            LOG.info("Push completion for {} ({}): webhook receiver on platform-http {}; each create call asks the"
                     + " provider to call back {}", scheme, protocol.providerName(), path, url);
        } else {
            LOG.info("Push completion for {} ({}): webhook receiver on platform-http {}; configure the provider to"
                     + " send its events to {} with the secret of webhookSecret", scheme, protocol.providerName(),
                    path, url == null ? "this application's public URL + " + path : url);
        }
    }

    /** The configured secret; {@code null} when the protocol requires none and none is set. */
    private static WebhookSecret secret(VideoJobConfiguration config, WebhookProtocol protocol, String scheme) {
        String value = config.getWebhookSecret();
        String source = "the webhookSecret option";
        if ((value == null || value.isBlank()) && protocol.secretEnvVariable() != null) {
            value = System.getenv(protocol.secretEnvVariable());
            source = "the " + protocol.secretEnvVariable() + " environment variable";
        }
        if (value == null || value.isBlank()) {
            if (!protocol.secretRequired()) {
                return null;
            }
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

}
