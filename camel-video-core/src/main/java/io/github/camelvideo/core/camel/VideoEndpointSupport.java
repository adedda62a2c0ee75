package io.github.camelvideo.core.camel;

import java.util.Objects;
import java.util.function.BiConsumer;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

import io.github.camelvideo.core.async.AsyncPermits;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.download.OutputDirectory;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.ops.VideoHealthCheckRepository;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.core.webhook.CallbackTarget;
import io.github.camelvideo.core.webhook.CallbackTokens;
import io.github.camelvideo.core.webhook.WebhookSecret;

/**
 * What every video endpoint has: the shared options, a queue of exchanges waiting for a job slot that is closed when
 * the endpoint stops, and credentials that fall back to an environment variable.
 */
public abstract class VideoEndpointSupport extends DefaultEndpoint implements AsyncEndpoint {

    private AsyncPermits admission;
    private String healthConnection;
    private VideoProvider<?> provider;

    protected VideoEndpointSupport(String uri, VideoComponentSupport component) {
        super(uri, component);
    }

    /** The endpoint's options. */
    public abstract VideoJobConfiguration jobConfiguration();

    @Override
    public VideoComponentSupport getComponent() {
        return (VideoComponentSupport) super.getComponent();
    }

    /** The prices of this endpoint's jobs: the component's table as its provider's jobs are priced. */
    public PriceTable priceTable() {
        return getComponent().getPriceTable().forProvider(providerOption());
    }

    /** The endpoint's {@code provider} option, which picks the price entries named for that provider. */
    protected abstract String providerOption();

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        String scheme = getComponent().engineName().toLowerCase();
        if (!consumesJobs()) {
            throw new UnsupportedOperationException("Only the jobs operation of " + scheme + " can be consumed, as"
                                                    + " from(\"" + scheme + ":jobs\"); the others are producer"
                                                    + " operations (to)");
        }
        Consumer consumer = new CompletedJobsConsumer(this, processor, this::jobsProvider, outputHeaders(),
                extraOutputHeaders());
        configureConsumer(consumer);
        return consumer;
    }

    /** The producer of every operation but {@code jobs}, which only consumes. */
    @Override
    public final Producer createProducer() {
        if (consumesJobs()) {
            String scheme = getComponent().engineName().toLowerCase();
            throw new IllegalArgumentException(scheme + ":jobs is a consumer endpoint: use it in from(\"" + scheme
                                               + ":jobs\"), not in to()");
        }
        return createVideoProducer();
    }

    /** The component's producer. */
    protected abstract Producer createVideoProducer();

    /** Whether this endpoint is the {@code jobs} endpoint, whose consumer emits the jobs nobody waited for. */
    protected boolean consumesJobs() {
        return false;
    }

    /**
     * Creates the provider the endpoint's options name, once, when the endpoint starts: after the options were
     * checked and before its webhook path is served with the provider's push protocol.
     *
     * @throws IllegalArgumentException for an unknown provider or a missing credential
     */
    protected abstract VideoProvider<?> createProvider();

    /** The provider of this started endpoint (the one whose recorded jobs the {@code jobs} consumer collects). */
    protected VideoProvider<?> jobsProvider() {
        return provider;
    }

    /** The component's output header names. */
    protected abstract HeaderNames outputHeaders();

    /** Writes a component's own output headers of a job status, after the common ones; none by default. */
    protected BiConsumer<Message, JobStatus> extraOutputHeaders() {
        return (message, status) -> {
        };
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // a bad option or output directory fails at start, not after a job was paid for
        jobConfiguration().validate();
        jobConfiguration().pollPolicy();
        if (writesFiles()) {
            OutputDirectory.checkWritable(jobConfiguration().outputPath());
        }
        admission = new AsyncPermits(jobConfiguration().getMaxConcurrentJobs(),
                getComponent().engine().workerExecutor());
        provider = createProvider();
        getComponent().serveWebhooks(jobConfiguration(), provider.webhookProtocol());
    }

    @Override
    protected void doStop() throws Exception {
        if (healthConnection != null && getComponent().healthChecks() != null) {
            getComponent().healthChecks().remove(healthConnection);
        }
        healthConnection = null;
        if (admission != null) {
            // exchanges still queued for a job slot must not start paid jobs while the route stops
            admission.close(new VideoException("The " + getEndpointBaseUri() + " endpoint stopped before the job was"
                                               + " submitted", null, null, null, true, null));
        }
        super.doStop();
    }

    /**
     * Whether the endpoint's operation writes files to the output directory, which is then checked when the endpoint
     * starts. By default, when the endpoint downloads results.
     */
    protected boolean writesFiles() {
        return jobConfiguration().isDownload();
    }

    /** Bounds how many jobs of this endpoint run at once. */
    public AsyncPermits admission() {
        return admission;
    }

    /** The running engine of the component. */
    public VideoEngine engine() {
        return getComponent().engine();
    }

    /**
     * A credential from an option, else from an environment variable.
     *
     * @throws IllegalArgumentException when neither is set; the message names both, never a value
     */
    protected static String credential(String option, String optionName, String envVariable, String component) {
        return credentialOf(option, optionName, envVariable, component).value();
    }

    /**
     * A credential from an option, else from an environment variable, with where it was found.
     *
     * @throws IllegalArgumentException when neither is set; the message names both, never a value
     */
    protected static Credential credentialOf(String option, String optionName, String envVariable,
                                             String component) {
        if (option != null && !option.isBlank()) {
            return Credential.ofOption(option, optionName);
        }
        String value = System.getenv(envVariable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("No " + optionName + " for " + component + ": set the " + optionName
                                               + " option or the " + envVariable + " environment variable");
        }
        return Credential.ofEnvironment(value, envVariable);
    }

    /**
     * A credential of this endpoint from an option, else from an environment variable, with where it was found: for
     * the component's provider factory.
     *
     * @throws IllegalArgumentException when neither is set; the message names both, never a value
     */
    public Credential credential(String option, String optionName, String envVariable) {
        return credentialOf(option, optionName, envVariable, getComponent().engineName().toLowerCase());
    }

    /**
     * Where a provider that calls back per job (Kie, Kling, fal) is told to call this application, with the per-job
     * tokens of protocols whose callbacks are unsigned: for the component's provider factory. {@code null} when push
     * completion is off or callbackBaseUrl is not set (the receiver refuses to start then).
     */
    public CallbackTarget callbackTarget() {
        VideoJobConfiguration config = jobConfiguration();
        String url = config.callbackUrl();
        if (url == null) {
            return null;
        }
        String secret = config.getWebhookSecret();
        return new CallbackTarget(url, CallbackTokens.of(secret == null || secret.isBlank() ? null
                : WebhookSecret.of(secret)));
    }

    /**
     * Adds the provider connection of this started endpoint to the component's health checks, when they are on and
     * the provider has a cheap read ({@link VideoProvider#checkAccess}). Endpoints with the same provider, base URL
     * and credential share one check.
     *
     * @param credential what identifies the credential (such as the key itself); only compared, never shown
     * @param model      the model the endpoint uses, for protocols whose cheap read is about a model
     */
    public void watchHealth(VideoProvider<?> provider, String baseUrl, Object credential, String model) {
        VideoHealthCheckRepository checks = getComponent().healthChecks();
        if (checks == null || !provider.canCheckAccess()) {
            return;
        }
        healthConnection = provider.name() + " " + baseUrl + " " + Integer.toHexString(Objects.hashCode(credential))
                           + " " + model;
        checks.add(healthConnection, provider.name(), baseUrl, () -> provider.checkAccess(model));
    }

    /**
     * Logs, once per component, where this endpoint sends requests and with which credential source.
     *
     * @see ConnectionLog
     */
    public void reportConnection(String baseUrl, String publicBaseUrl, Credential credential) {
        getComponent().connectionLog().report(getComponent().engineName().toLowerCase(), baseUrl, publicBaseUrl, credential);
    }
}
