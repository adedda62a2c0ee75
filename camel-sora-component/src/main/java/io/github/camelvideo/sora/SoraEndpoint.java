package io.github.camelvideo.sora;

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
import io.github.camelvideo.sora.openai.SoraProvider;

/**
 * Generate, fetch, list, delete and download AI videos through the OpenAI Videos API (Sora and compatible servers)
 * or Kie.ai's market API, waiting for jobs without holding threads.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sora", title = "Sora", syntax = "sora:operation",
             category = { Category.AI }, headersClass = SoraConstants.class)
public class SoraEndpoint extends VideoEndpointSupport {

    /** Name of the environment variable holding the API key when the apiKey option is not set. */
    public static final String API_KEY_ENV = "OPENAI_API_KEY";
    /** The environment variable holding the Kie.ai key when the apiKey option is not set and the provider is kie. */
    public static final String KIE_API_KEY_ENV = "KIE_API_KEY";

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private SoraOperation operation;
    @UriParam
    private SoraConfiguration configuration;

    private SoraProvider provider;

    public SoraEndpoint(String uri, SoraComponent component, SoraOperation operation,
                        SoraConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    protected boolean consumesJobs() {
        return operation == SoraOperation.jobs;
    }

    @Override
    protected HeaderNames outputHeaders() {
        return SoraProducer.HEADERS;
    }

    @Override
    protected BiConsumer<Message, JobStatus> extraOutputHeaders() {
        return SoraProducer::writeTaskHeaders;
    }

    @Override
    protected Producer createVideoProducer() {
        return new SoraProducer(this);
    }

    @Override
    public VideoJobConfiguration jobConfiguration() {
        return configuration;
    }

    @Override
    protected VideoProvider<?> createProvider() {
        provider = SoraProviders.create(this);
        return provider;
    }

    @Override
    protected boolean writesFiles() {
        return switch (operation) {
            case getVideo, listVideos, deleteVideo -> false;
            case storyboard, downloadVideo -> true;
            default -> configuration.isDownload();
        };
    }

    SoraProvider provider() {
        return provider;
    }

    public SoraOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(SoraOperation operation) {
        this.operation = operation;
    }

    @Override
    protected String providerOption() {
        return getConfiguration().getProvider();
    }

    public SoraConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(SoraConfiguration configuration) {
        this.configuration = configuration;
    }
}
