package io.github.camelvideo.core.camel;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;

import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.job.FileJobStore;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.ops.JobActivity;
import io.github.camelvideo.core.ops.Metrics;
import io.github.camelvideo.core.ops.VideoHealthCheckRepository;
import io.github.camelvideo.core.push.WebhookReceiver;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.core.webhook.WebhookProtocol;

/**
 * What every video component has: one job engine (a scheduler and two small thread pools) for all its endpoints, a
 * job store, model rules and a price table. Subclasses name their engine and their built-in rules and prices.
 */
public abstract class VideoComponentSupport extends DefaultComponent {

    static {
        // Camel masks URI parameters by name when it prints an endpoint; webhookHmacKey matches none of its names
        URISupport.addSanitizeKeywords("hmackey");
    }

    @Metadata(label = "advanced", autowired = true,
              description = "Where jobs are recorded by idempotency key, before each paid or lasting step, so that a"
                            + " redelivered exchange follows its job instead of creating another and a restart knows"
                            + " what was paid for. Default: a FileJobStore in jobStoreDirectory. #memoryJobStore keeps"
                            + " the records in memory only (lost at a restart); a JdbcJobStore bean shares them"
                            + " between instances.")
    private JobStore jobStore;
    @Metadata(label = "advanced",
              description = "The directory of the default job store (one small JSON file per job), used when jobStore"
                            + " is not set. Default: the hidden .camel-video-jobs folder in outputDirectory.")
    private String jobStoreDirectory;
    @Metadata(label = "advanced", description = "Allowed parameter values per model family, checked before a job is"
                                                + " submitted. Default: built-in rules.")
    private ModelRules modelRules;
    @Metadata(label = "advanced", description = "Prices per second by model and size or resolution, for the cost"
                                                + " estimate header. Default: built-in list prices.")
    private PriceTable priceTable;
    @Metadata(label = "advanced", defaultValue = "4", description = "Threads running due polls, HTTP work and"
                                                                     + " response handling for all endpoints."
                                                                     + " Independent of the number of waiting jobs.")
    private int httpThreads = 4;
    @Metadata(label = "advanced", defaultValue = "8", description = "Threads on which routes continue after a job"
                                                                     + " finishes. Independent of the number of"
                                                                     + " waiting jobs.")
    private int workerThreads = 8;
    @Metadata(label = "advanced", defaultValue = "64", description = "The most HTTP requests (and so connections) in"
                                                                      + " flight at once; further requests queue"
                                                                      + " without a thread.")
    private int maxConnections = 64;
    @Metadata(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long an idle pooled HTTP connection may still be reused; after it the connection"
                            + " is closed instead. Proxies and load balancers in front of providers close idle"
                            + " keep-alive connections (nginx after 75 s, AWS application load balancers after"
                            + " 60 s, Node.js servers after 5 s), and a create written onto a connection they have"
                            + " just closed gets no answer: its outcome is in doubt. Keep this below the shortest"
                            + " idle timeout on the way to the provider. A connection idle for more than 2 s is"
                            + " also checked before it is reused.")
    private long connectionIdleTimeout = 30_000;
    @Metadata(label = "health", defaultValue = "true",
              description = "Whether the component reports the readiness of each provider connection its endpoints"
                            + " use to Camel's health checks (when camel-health is present): DOWN when the provider"
                            + " refuses the credentials or cannot be reached.")
    private boolean healthCheckEnabled = true;
    @Metadata(label = "health", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The least time between two reads a health check makes (a free call such as a list of"
                            + " one job or a model's description, never a paid one); a health call in between answers"
                            + " with the last result.")
    private long healthCheckInterval = 60_000;
    @Metadata(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long this instance's claim on a job lasts in the job store unless renewed. An"
                            + " instance renews the lease of every job it works on (submits, waits for, downloads,"
                            + " delivers) three times per duration; when it dies, or stops before a result was"
                            + " delivered, the lease expires and another instance sharing the store, or this"
                            + " application after a restart, takes the job over through its jobs consumer. Shorter"
                            + " means a faster take-over and more store writes.")
    private long leaseDuration = 60_000;

    private VideoEngine engine;
    private FileJobStore defaultStore;
    private final ConnectionLog connectionLog = new ConnectionLog();
    private JobActivity activity;
    private VideoHealthCheckRepository healthChecks;
    private final WebhookRoutes webhooks = new WebhookRoutes(this);

    /** Where the endpoints report their base URL and credential source, once each. */
    ConnectionLog connectionLog() {
        return connectionLog;
    }

    /** The engine's name, used in thread names. */
    protected abstract String engineName();

    /** The built-in model rules. */
    protected abstract ModelRules defaultModelRules();

    /** The built-in prices. */
    protected abstract PriceTable defaultPriceTable();

    /** The component's configuration, the template of its endpoints' options (its outputDirectory above all). */
    protected abstract VideoJobConfiguration componentConfiguration();

    /**
     * Serves the configuration's webhookPath on platform-http, unless that path is already served; a no-op when the
     * configuration has no webhookPath.
     */
    void serveWebhooks(VideoJobConfiguration configuration, WebhookProtocol protocol) {
        if (configuration.isPushEnabled()) {
            webhooks.serve(configuration, protocol);
        }
    }

    /** The webhook receiver on {@code path}, with its counts, or {@code null} when that path is not served. */
    public WebhookReceiver webhookReceiver(String path) {
        return webhooks.receiver(path);
    }

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        // before any option is bound, so that jobStore=#memoryJobStore resolves
        MemoryJobStoreBean.register(context);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        atLeastOne("httpThreads", httpThreads);
        atLeastOne("workerThreads", workerThreads);
        atLeastOne("maxConnections", maxConnections);
        atLeastOne("connectionIdleTimeout", connectionIdleTimeout);
        ResultFile.registerConverter(getCamelContext().getTypeConverterRegistry());
        if (jobStore == null) {
            defaultStore = new FileJobStore(jobStorePath());
            jobStore = defaultStore;
        }
        if (modelRules == null) {
            modelRules = defaultModelRules();
        }
        if (priceTable == null) {
            priceTable = defaultPriceTable();
        }
        atLeastOne("leaseDuration", leaseDuration);
        // records an earlier run left behind are resumed by the jobs consumer once their leases expired
        engine = VideoEngine.start(getCamelContext(), this, engineName(),
                EngineSettings.DEFAULT.withLimits(httpThreads, workerThreads, maxConnections)
                        .withConnectionIdleTimeout(Duration.ofMillis(connectionIdleTimeout)), jobStore,
                Duration.ofMillis(leaseDuration));
        if (activity == null) {
            // kept across a restart of the component: its gauge stays registered with the meter registry
            activity = new JobActivity(scheme(), Metrics.of(getCamelContext()), Clock.systemUTC());
        }
        startHealthChecks();
    }

    private void startHealthChecks() {
        atLeastOne("healthCheckInterval", healthCheckInterval);
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (healthCheckEnabled && registry != null) {
            healthChecks = new VideoHealthCheckRepository(scheme(), Duration.ofMillis(healthCheckInterval),
                    Clock.systemUTC());
            registry.register(healthChecks);
        }
    }

    /**
     * The name the component has in its context, such as {@code sora} (a second instance added under another name has
     * that name): the id of its health checks and the tag of its metrics.
     */
    public String scheme() {
        CamelContext context = getCamelContext();
        if (context != null) {
            for (String name : context.getComponentNames()) {
                if (context.hasComponent(name) == this) {
                    return name;
                }
            }
        }
        return engineName().toLowerCase(Locale.ROOT);
    }

    /** What the component's jobs are doing (waiting jobs, last failures) and where their metrics go. */
    public JobActivity activity() {
        return activity;
    }

    /** The component's health checks, or {@code null} when they are off or camel-health is absent. */
    public VideoHealthCheckRepository healthChecks() {
        return healthChecks;
    }

    /** Where the default file store keeps its records. */
    public Path jobStorePath() {
        return jobStoreDirectory == null || jobStoreDirectory.isBlank()
                ? componentConfiguration().outputPath().resolve(".camel-video-jobs")
                : Path.of(jobStoreDirectory);
    }

    private static void atLeastOne(String option, long value) {
        if (value < 1) {
            throw VideoRequestInvalidException.notAllowed(option, value, "a whole number of at least 1");
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.unregister(healthChecks);
            }
            healthChecks = null;
        }
        if (engine != null) {
            engine.stop();
            engine = null;
        }
        if (defaultStore != null) {
            defaultStore.close();
            if (jobStore == defaultStore) {
                jobStore = null; // a restart opens it again, with the options then set
            }
            defaultStore = null;
        }
        super.doStop();
    }

    /** The running engine; {@code null} while the component is stopped. */
    public VideoEngine engine() {
        return engine;
    }

    public JobStore getJobStore() {
        return jobStore;
    }

    /** Where jobs are recorded by idempotency key. */
    public void setJobStore(JobStore jobStore) {
        this.jobStore = jobStore;
    }

    public String getJobStoreDirectory() {
        return jobStoreDirectory;
    }

    /** The directory of the default job store, used when jobStore is not set. */
    public void setJobStoreDirectory(String jobStoreDirectory) {
        this.jobStoreDirectory = jobStoreDirectory;
    }

    public long getLeaseDuration() {
        return leaseDuration;
    }

    /** How long this instance's claim on a job lasts in the job store unless renewed, in milliseconds. */
    public void setLeaseDuration(long leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public ModelRules getModelRules() {
        return modelRules;
    }

    /** Allowed parameter values per model family. */
    public void setModelRules(ModelRules modelRules) {
        this.modelRules = modelRules;
    }

    public PriceTable getPriceTable() {
        return priceTable;
    }

    /** Prices per second by model and size or resolution. */
    public void setPriceTable(PriceTable priceTable) {
        this.priceTable = priceTable;
    }

    public int getHttpThreads() {
        return httpThreads;
    }

    /** Threads running due polls, HTTP work and response handling for all endpoints. */
    public void setHttpThreads(int httpThreads) {
        this.httpThreads = httpThreads;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    /** Threads on which routes continue after a job finishes. */
    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** The most HTTP requests in flight at once. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public long getConnectionIdleTimeout() {
        return connectionIdleTimeout;
    }

    /** How long an idle pooled HTTP connection may still be reused, in milliseconds. */
    public void setConnectionIdleTimeout(long connectionIdleTimeout) {
        this.connectionIdleTimeout = connectionIdleTimeout;
    }

    public boolean isHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    /** Whether the component reports the readiness of its provider connections to Camel's health checks. */
    public void setHealthCheckEnabled(boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    /** The least time between two reads a health check makes, in milliseconds. */
    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }
}
