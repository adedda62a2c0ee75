package io.github.camelvideo.kling;

import java.util.function.BiConsumer;

import org.apache.camel.Category;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

import io.github.camelvideo.core.camel.HeaderNames;
import io.github.camelvideo.core.camel.VideoEndpointSupport;
import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.kling.provider.KlingProvider;

/**
 * Generate, fetch and download Kling videos (Kling 3.0, O3 and earlier) through fal.ai's queue API, waiting for tasks
 * without holding threads.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kling", title = "Kling", syntax = "kling:operation",
             category = { Category.AI }, headersClass = KlingConstants.class)
public class KlingEndpoint extends VideoEndpointSupport {

    /** Name of the environment variable holding the fal key when the apiKey option is not set. */
    public static final String API_KEY_ENV = "FAL_KEY";
    /** The environment variable holding the Kie.ai key when the apiKey option is not set and the provider is kie. */
    public static final String KIE_API_KEY_ENV = "KIE_API_KEY";
    /** Name of the environment variable holding Kling's access key when the accessKey option is not set. */
    public static final String ACCESS_KEY_ENV = "KLING_ACCESS_KEY";
    /** Name of the environment variable holding Kling's secret key when the secretKey option is not set. */
    public static final String SECRET_KEY_ENV = "KLING_SECRET_KEY";

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private KlingOperation operation;
    @UriParam
    private KlingConfiguration configuration;

    private KlingProvider provider;

    public KlingEndpoint(String uri, KlingComponent component, KlingOperation operation,
                         KlingConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    protected boolean consumesJobs() {
        return operation == KlingOperation.jobs;
    }

    @Override
    protected HeaderNames outputHeaders() {
        return KlingProducer.HEADERS;
    }

    @Override
    protected BiConsumer<Message, JobStatus> extraOutputHeaders() {
        return KlingProducer::writeTaskHeaders;
    }

    @Override
    protected Producer createVideoProducer() {
        return new KlingProducer(this);
    }

    @Override
    public VideoJobConfiguration jobConfiguration() {
        return configuration;
    }

    @Override
    protected VideoProvider<?> createProvider() {
        provider = KlingProviders.create(this);
        return provider;
    }

    @Override
    protected boolean writesFiles() {
        return switch (operation) {
            case getTask -> false;
            case storyboard, downloadVideo -> true;
            default -> configuration.isDownload();
        };
    }

    KlingProvider provider() {
        return provider;
    }

    public KlingOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(KlingOperation operation) {
        this.operation = operation;
    }

    @Override
    protected String providerOption() {
        return getConfiguration().getProvider();
    }

    public KlingConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(KlingConfiguration configuration) {
        this.configuration = configuration;
    }
}
