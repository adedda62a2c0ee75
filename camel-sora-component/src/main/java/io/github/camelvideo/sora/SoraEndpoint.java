package io.github.camelvideo.sora;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.job.AsyncPermits;
import io.github.camelvideo.core.poll.PollPolicy;
import io.github.camelvideo.sora.openai.OpenAiVideoProvider;

/**
 * Generate, fetch, list, delete and download AI videos through the OpenAI Videos API (Sora and compatible servers),
 * waiting for jobs without holding threads.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sora", title = "Sora", syntax = "sora:operation",
             category = { Category.AI }, producerOnly = true, headersClass = SoraConstants.class)
public class SoraEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    /** Name of the environment variable holding the API key when the apiKey option is not set. */
    public static final String API_KEY_ENV = "OPENAI_API_KEY";

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private SoraOperation operation;
    @UriParam
    private SoraConfiguration configuration;

    private OpenAiVideoProvider provider;
    private AsyncPermits admission;

    public SoraEndpoint(String uri, SoraComponent component, SoraOperation operation,
                        SoraConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public SoraComponent getComponent() {
        return (SoraComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new SoraProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The sora component only supports producers (to), not from");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        validateOptions();
        provider = new OpenAiVideoProvider(getComponent().engine().http(), configuration.getBaseUrl(),
                resolveApiKey());
        admission = new AsyncPermits(configuration.getMaxConcurrentJobs(), getComponent().engine().workerExecutor());
    }

    @Override
    protected void doStop() throws Exception {
        if (admission != null) {
            // exchanges still queued for a job slot must not start paid jobs while the route stops
            admission.close(new VideoException("The sora endpoint stopped before the job was submitted", null, null,
                    null, true, null));
        }
        super.doStop();
    }

    private void validateOptions() {
        // building the policy checks multiplier and durations, so a bad option fails at start, not on first use
        pollPolicy();
        if (configuration.getLimit() < 0 || configuration.getLimit() > 100) {
            throw new IllegalArgumentException("Invalid limit " + configuration.getLimit() + ": allowed 0 to 100");
        }
        if (!"asc".equals(configuration.getOrder()) && !"desc".equals(configuration.getOrder())) {
            throw new IllegalArgumentException("Invalid order '" + configuration.getOrder() + "': allowed asc, desc");
        }
    }

    private String resolveApiKey() {
        String key = configuration.getApiKey();
        if (key == null || key.isBlank()) {
            key = System.getenv(API_KEY_ENV);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("No API key for sora: set the apiKey option or the " + API_KEY_ENV
                                               + " environment variable");
        }
        return key;
    }

    /** The poll schedule from the options. */
    PollPolicy pollPolicy() {
        return new PollPolicy(Duration.ofMillis(configuration.getPollInitialDelay()),
                configuration.getPollMultiplier(), Duration.ofMillis(configuration.getPollMaxInterval()),
                Duration.ofMillis(configuration.getTimeout()), 0.1);
    }

    /** Where downloads go. */
    Path outputDirectory() {
        String dir = configuration.getOutputDirectory();
        return dir == null || dir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "camel-video")
                : Path.of(dir);
    }

    OpenAiVideoProvider provider() {
        return provider;
    }

    AsyncPermits admission() {
        return admission;
    }

    public SoraOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(SoraOperation operation) {
        this.operation = operation;
    }

    public SoraConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(SoraConfiguration configuration) {
        this.configuration = configuration;
    }
}
