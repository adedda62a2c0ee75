package io.github.camelvideo.veo;

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
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Generate, extend, fetch and download Google Veo videos through the Gemini API, Vertex AI, fal.ai or Kie.ai, waiting for operations
 * without holding threads.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "veo", title = "Veo", syntax = "veo:operation",
             category = { Category.AI }, headersClass = VeoConstants.class)
public class VeoEndpoint extends VideoEndpointSupport {

    /** Name of the environment variable holding the Gemini API key when the apiKey option is not set. */
    public static final String API_KEY_ENV = "GEMINI_API_KEY";
    /** Name of the environment variable holding the fal key when the apiKey option is not set (provider=fal). */
    public static final String FAL_KEY_ENV = "FAL_KEY";
    /** Name of the environment variable holding the Kie.ai key when the apiKey option is not set (provider=kie). */
    public static final String KIE_KEY_ENV = "KIE_API_KEY";

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private VeoOperation operation;
    @UriParam
    private VeoConfiguration configuration;

    private VideoProvider<VeoRequest> provider;

    public VeoEndpoint(String uri, VeoComponent component, VeoOperation operation, VeoConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    protected boolean consumesJobs() {
        return operation == VeoOperation.jobs;
    }

    @Override
    protected HeaderNames outputHeaders() {
        return VeoProducer.HEADERS;
    }

    @Override
    protected BiConsumer<Message, JobStatus> extraOutputHeaders() {
        return VeoProducer::writeVideoUri;
    }

    @Override
    protected Producer createVideoProducer() {
        return new VeoProducer(this);
    }

    @Override
    public VideoJobConfiguration jobConfiguration() {
        return configuration;
    }

    @Override
    protected VideoProvider<?> createProvider() {
        provider = VeoProviders.create(this);
        return provider;
    }

    /** Results that come inline (Vertex AI without storageUri) are spooled there even without a download. */
    @Override
    protected boolean writesFiles() {
        return true;
    }

    VideoProvider<VeoRequest> provider() {
        return provider;
    }

    public VeoOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(VeoOperation operation) {
        this.operation = operation;
    }

    @Override
    protected String providerOption() {
        return getConfiguration().getProvider();
    }

    public VeoConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(VeoConfiguration configuration) {
        this.configuration = configuration;
    }
}
