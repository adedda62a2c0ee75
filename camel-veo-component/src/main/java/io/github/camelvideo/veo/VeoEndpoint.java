package io.github.camelvideo.veo;

import java.util.function.BiConsumer;

import org.apache.camel.Category;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

import io.github.camelvideo.core.camel.Credential;
import io.github.camelvideo.core.camel.HeaderNames;
import io.github.camelvideo.core.camel.VideoEndpointSupport;
import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.veo.gemini.GeminiVeoProvider;
import io.github.camelvideo.veo.google.GoogleVeoProvider;
import io.github.camelvideo.veo.vertex.AccessTokens;
import io.github.camelvideo.veo.vertex.VertexVeoProvider;

/**
 * Generate, extend, fetch and download Google Veo videos through the Gemini API or Vertex AI, waiting for operations
 * without holding threads.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "veo", title = "Veo", syntax = "veo:operation",
             category = { Category.AI }, headersClass = VeoConstants.class)
public class VeoEndpoint extends VideoEndpointSupport {

    /** Name of the environment variable holding the Gemini API key when the apiKey option is not set. */
    public static final String API_KEY_ENV = "GEMINI_API_KEY";

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private VeoOperation operation;
    @UriParam
    private VeoConfiguration configuration;

    private GoogleVeoProvider provider;

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
    protected VideoProvider<?> jobsProvider() {
        return provider;
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
    protected void doStart() throws Exception {
        super.doStart();
        provider = configuration.isVertex() ? vertex() : gemini();
        watchHealth(provider, configuration.effectiveBaseUrl(), credentialIdentity(),
                configuration.effectiveModel());
    }

    private GoogleVeoProvider gemini() {
        if (!VeoConfiguration.GEMINI.equals(configuration.getProvider())) {
            throw new IllegalArgumentException("Invalid provider '" + configuration.getProvider()
                                               + "': allowed gemini, vertex");
        }
        Credential apiKey = credentialOf(configuration.getApiKey(), "apiKey", API_KEY_ENV, "veo");
        GoogleVeoProvider gemini = new GeminiVeoProvider(engine().http(), configuration.effectiveBaseUrl(),
                apiKey.value(), configuration.outputPath());
        reportConnection(configuration.effectiveBaseUrl(), GeminiVeoProvider.DEFAULT_BASE_URL, apiKey);
        return gemini;
    }

    private GoogleVeoProvider vertex() {
        if (configuration.getProjectId() == null || configuration.getProjectId().isBlank()) {
            throw new IllegalArgumentException("Missing projectId: the vertex provider needs the Google Cloud"
                                               + " project id");
        }
        GoogleVeoProvider vertex = new VertexVeoProvider(engine().http(), configuration.effectiveBaseUrl(),
                configuration.getStorageBaseUrl(), configuration.getProjectId(), configuration.getLocation(),
                accessTokens(), configuration.outputPath());
        reportConnection(configuration.effectiveBaseUrl(), VertexVeoProvider.defaultBaseUrl(configuration.getLocation()),
                vertexCredential());
        return vertex;
    }

    /** What tells this endpoint's credential apart from another's, for sharing health checks; never shown. */
    private String credentialIdentity() {
        return configuration.isVertex()
                ? configuration.getProjectId() + "/" + configuration.getAccessToken() + "/"
                  + configuration.getServiceAccountKey()
                : configuration.getApiKey() != null ? configuration.getApiKey() : System.getenv(API_KEY_ENV);
    }

    /** Where the Vertex access tokens come from, in the order {@link #accessTokens()} looks. */
    private Credential vertexCredential() {
        if (configuration.getAccessToken() != null && !configuration.getAccessToken().isBlank()) {
            return Credential.external("the accessToken option");
        }
        if (configuration.getServiceAccountKey() != null && !configuration.getServiceAccountKey().isBlank()) {
            return Credential.external("the serviceAccountKey option");
        }
        return Credential.external("Google Application Default Credentials (the GOOGLE_APPLICATION_CREDENTIALS"
                                   + " environment variable or gcloud's login)");
    }

    private AccessTokens accessTokens() {
        if (configuration.getAccessToken() != null && !configuration.getAccessToken().isBlank()) {
            return AccessTokens.fixed(configuration.getAccessToken());
        }
        if (configuration.getServiceAccountKey() != null && !configuration.getServiceAccountKey().isBlank()) {
            return AccessTokens.serviceAccount(configuration.getServiceAccountKey(), engine().workerExecutor());
        }
        return AccessTokens.applicationDefault(engine().workerExecutor());
    }

    /** Results that come inline (Vertex AI without storageUri) are spooled there even without a download. */
    @Override
    protected boolean writesFiles() {
        return true;
    }

    GoogleVeoProvider provider() {
        return provider;
    }

    public VeoOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(VeoOperation operation) {
        this.operation = operation;
    }

    public VeoConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(VeoConfiguration configuration) {
        this.configuration = configuration;
    }
}
