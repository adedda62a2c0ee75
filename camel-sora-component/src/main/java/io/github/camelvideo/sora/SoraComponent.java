package io.github.camelvideo.sora;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.github.camelvideo.core.camel.EngineSettings;
import io.github.camelvideo.core.camel.VideoEngine;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.job.InMemoryJobStore;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.validate.ModelRules;

/**
 * The sora: component: video generation through the OpenAI Videos API. One job engine (a scheduler and two
 * small thread pools) serves all its endpoints.
 */
@Component("sora")
public class SoraComponent extends DefaultComponent {

    @Metadata
    private SoraConfiguration configuration = new SoraConfiguration();
    @Metadata(label = "advanced", autowired = true)
    private JobStore jobStore;
    @Metadata(label = "advanced")
    private ModelRules modelRules;
    @Metadata(label = "advanced")
    private PriceTable priceTable;
    @Metadata(label = "advanced", defaultValue = "4")
    private int httpThreads = 4;
    @Metadata(label = "advanced", defaultValue = "8")
    private int workerThreads = 8;
    @Metadata(label = "advanced", defaultValue = "64")
    private int maxConnections = 64;

    private VideoEngine engine;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SoraOperation operation = SoraOperation.fromValue(remaining);
        SoraEndpoint endpoint = new SoraEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (jobStore == null) {
            jobStore = new InMemoryJobStore();
        }
        if (modelRules == null) {
            modelRules = ModelRules.fromResource(SoraComponent.class, "sora-model-rules.properties");
        }
        if (priceTable == null) {
            priceTable = PriceTable.fromResource(SoraComponent.class, "sora-prices.properties");
        }
        engine = VideoEngine.start(getCamelContext(), this, "Sora",
                EngineSettings.DEFAULT.withLimits(httpThreads, workerThreads, maxConnections));
    }

    @Override
    protected void doStop() throws Exception {
        if (engine != null) {
            engine.stop();
            engine = null;
        }
        super.doStop();
    }

    VideoEngine engine() {
        return engine;
    }

    public SoraConfiguration getConfiguration() {
        return configuration;
    }

    /** Configuration whose values are the defaults of every endpoint. */
    public void setConfiguration(SoraConfiguration configuration) {
        this.configuration = configuration;
    }

    public JobStore getJobStore() {
        return jobStore;
    }

    /**
     * Where jobs are recorded by idempotency key, so that a redelivered exchange follows its job instead of creating
     * another. Default: an in-memory store.
     */
    public void setJobStore(JobStore jobStore) {
        this.jobStore = jobStore;
    }

    public ModelRules getModelRules() {
        return modelRules;
    }

    /** Allowed seconds and sizes per model family, checked before a job is submitted. Default: built-in rules. */
    public void setModelRules(ModelRules modelRules) {
        this.modelRules = modelRules;
    }

    public PriceTable getPriceTable() {
        return priceTable;
    }

    /** Prices per second by model and size, for the cost estimate header. Default: built-in list prices. */
    public void setPriceTable(PriceTable priceTable) {
        this.priceTable = priceTable;
    }

    public int getHttpThreads() {
        return httpThreads;
    }

    /** Threads running HTTP work for all endpoints. Independent of the number of waiting jobs. */
    public void setHttpThreads(int httpThreads) {
        this.httpThreads = httpThreads;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    /** Threads on which routes continue after a job finishes. Independent of the number of waiting jobs. */
    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** The most HTTP requests (and so connections) in flight at once; further requests queue without a thread. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }
}
