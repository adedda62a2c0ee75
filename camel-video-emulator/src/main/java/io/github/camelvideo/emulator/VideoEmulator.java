package io.github.camelvideo.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.camelvideo.emulator.media.MediaLibrary;
import io.github.camelvideo.emulator.openai.ApiSettings;
import io.github.camelvideo.emulator.core.ContentFault;
import io.github.camelvideo.emulator.core.FaultHooks;
import io.github.camelvideo.emulator.core.JobSummary;
import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.Surface;
import io.github.camelvideo.emulator.core.Toggle;
import io.github.camelvideo.emulator.fal.FalQueueApi;
import io.github.camelvideo.emulator.fal.FalSettings;
import io.github.camelvideo.emulator.fal.FalWebhookSender;
import io.github.camelvideo.emulator.kling.KlingCallbackSender;
import io.github.camelvideo.emulator.kling.KlingSettings;
import io.github.camelvideo.emulator.kling.KlingVideoApi;
import io.github.camelvideo.emulator.google.GoogleCloud;
import io.github.camelvideo.emulator.kie.KieCallbackSender;
import io.github.camelvideo.emulator.kie.KieMarketApi;
import io.github.camelvideo.emulator.kie.KieSettings;
import io.github.camelvideo.emulator.kie.KieVeoApi;
import io.github.camelvideo.emulator.google.GoogleSettings;
import io.github.camelvideo.emulator.openai.OpenAiVideosApi;
import io.github.camelvideo.emulator.state.StateDirectory;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;
import io.github.camelvideo.emulator.webhook.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline emulator of the video generation APIs that renders real MP4s: the OpenAI Videos API
 * ({@code /v1/videos...}) and Google Veo on the Gemini API ({@code /v1beta}) and on Vertex AI
 * ({@code /v1/projects/...}), with the Cloud Storage reads and the OAuth token endpoint Vertex
 * clients need.
 *
 * <p>Start one per test (port 0 picks a free port), point the client at {@link #baseUrl()} (or
 * {@link #geminiBaseUrl()}, {@link #vertexBaseUrl()}), inject faults with {@link #faults()} and
 * assert on {@link #requests()}:
 *
 * <pre>{@code
 * try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(500)).start()) {
 *     emulator.faults().rateLimit("POST", "/v1/videos", 1, 2);
 *     // ... call emulator.baseUrl() + "/videos" with "Authorization: Bearer any-key"
 * }
 * }</pre>
 *
 * <p>Jobs are queued for the first 10 % of the job duration, then in progress with rising
 * progress, then completed; their state is computed from the clock when read.
 *
 * <p>Other processes read the recorded requests and the jobs over HTTP at
 * {@code rootUrl() + "/__emulator/requests"} and {@code "/__emulator/jobs"} (no key: a local tool,
 * never to be exposed publicly); {@link Builder#stateDir} keeps both across restarts.
 */
public final class VideoEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoEmulator.class);
    /** HTTP worker threads: enough for hundreds of polling clients, as each request is short. */
    private static final int HTTP_THREADS = 32;
    /** Pending connections the listener queues, so bursts of new clients are not refused. */
    private static final int BACKLOG = 1024;

    static {
        // The JDK server flushes response headers and body in separate writes; without
        // TCP_NODELAY each response then waits ~40 ms for the client's delayed ACK (Nagle).
        // The JDK reads this property once, when its server configuration class loads, so it
        // must be set before any HttpServer starts in this JVM; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ConnectionFront connections;
    private final ExecutorService executor;
    private final MediaLibrary media;
    private final OpenAiVideosApi api;
    private final GoogleCloud google;
    private final FalQueueApi fal;
    private final KieMarketApi kie;
    private final KieVeoApi kieVeo;
    private final KlingVideoApi kling;
    private final Faults faults = new Faults();
    private final Toggle extensions;
    private final RequestLog log = new RequestLog();
    private final String rootUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final WebhookSender webhooks;

    private VideoEmulator(Builder builder) throws IOException {
        this.media = new MediaLibrary(builder.videoFile);
        this.extensions = new Toggle(builder.extensions);
        faults.closeIdleConnectionsAfter(builder.idleTimeout);
        FaultHooks hooks = new FaultHooks() {
            @Override
            public JobFate nextJobFate() {
                return faults.takeJobFate();
            }

            @Override
            public ContentFault nextContentFault() {
                return faults.takeContentFault();
            }
        };
        this.api = new OpenAiVideosApi(new ApiSettings(builder.jobDuration, builder.retention, builder.pollAfterMs,
                builder.apiKey, builder.clock), media, hooks, extensions);
        this.webhooks = builder.webhookUrl == null ? null
                : new WebhookSender(java.net.URI.create(builder.webhookUrl), builder.webhookSecret, builder.clock,
                        builder.webhookAttempts, builder.webhookBackoff);
        if (webhooks != null) {
            api.announceTo(webhooks);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
            Thread t = new Thread(r, "video-emulator-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            // the HTTP server listens on loopback only; clients connect to the connection front, which relays to it
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        } catch (IOException e) {
            executor.shutdownNow();
            media.close();
            throw e;
        }
        try {
            this.connections = new ConnectionFront(InetAddress.getByName(builder.host), builder.port, BACKLOG,
                    server.getAddress(), faults);
        } catch (IOException e) {
            executor.shutdownNow();
            media.close();
            throw e;
        }
        String host = builder.host.equals("0.0.0.0") || builder.host.equals("::") ? "127.0.0.1" : builder.host;
        this.rootUrl = "http://" + host + ":" + connections.port();
        this.google = new GoogleCloud(new GoogleSettings(builder.jobDuration, builder.retention, builder.apiKey,
                builder.accessToken, builder.clock, rootUrl), media, hooks, extensions);
        List<Surface> surfaces = new ArrayList<>(google.surfaces());
        this.fal = builder.fal ? new FalQueueApi(new FalSettings(builder.jobDuration, builder.falKey, builder.clock,
                rootUrl), media, hooks, new FalWebhookSender(builder.clock, builder.webhookAttempts,
                builder.webhookBackoff)) : null;
        if (fal != null) {
            surfaces.add(fal);
        }
        KieSettings kieSettings = new KieSettings(builder.jobDuration, builder.kieKey, builder.kieHmacKey,
                builder.clock, rootUrl);
        this.kie = builder.kie ? new KieMarketApi(kieSettings, media, hooks, new KieCallbackSender(builder.clock,
                builder.kieHmacKey, builder.webhookAttempts, builder.webhookBackoff)) : null;
        // the Veo API is one more Kie API of the same account: same key, same callback signing and sender
        this.kieVeo = kie == null ? null : new KieVeoApi(kieSettings, media, hooks, kie.callbacks());
        if (kie != null) {
            kie.soraPaused(builder.kieSoraPaused);
            surfaces.add(kieVeo); // before the market, which serves every other path below /kie
            surfaces.add(kie);
        }
        this.kling = builder.kling ? new KlingVideoApi(new KlingSettings(builder.jobDuration, builder.klingAccessKey,
                builder.klingSecretKey, builder.clock, rootUrl), media, hooks, new KlingCallbackSender(builder.clock))
                : null;
        if (kling != null) {
            surfaces.add(kling);
        }
        surfaces.add(api); // last: OpenAI answers every path no Google surface serves
        server.createContext("/", new HttpFront(surfaces, faults, log, builder.clock, connections));
        if (builder.stateDir != null) {
            keepStateIn(builder.stateDir);
        }
        // A longer prefix than "/": the JDK server gives these paths to the admin API, unrecorded.
        server.createContext(AdminApi.PREFIX, new AdminApi(log, surfaces, this::jobs, this::allWebhookDeliveries,
                faults));
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Takes back what an earlier run kept in the state directory and keeps everything there from now on.
     * Runs before the server starts, so no request sees a half-restored emulator.
     */
    private void keepStateIn(Path directory) throws IOException {
        try {
            StateDirectory state = new StateDirectory(directory);
            media.keepUploadsIn(state.files("uploads"));
            int videos = api.persistTo(state.folder("openai-videos"));
            int operations = google.persistTo(state.folder("veo-operations"));
            int requests = log.persistTo(state.folder("requests"), state.folder("request-numbering"));
            LOG.info("State kept in {}; taken back: OpenAI videos {}, Veo operations {}, recorded requests {}",
                    directory, videos, operations, requests);
        } catch (IOException | RuntimeException e) {
            connections.close();
            server.stop(0);
            executor.shutdownNow();
            media.close();
            throw e instanceof IOException io ? io : new IOException("Cannot read the state in " + directory, e);
        }
    }

    /** A builder with the defaults: ephemeral port, 3 s jobs, any key, poll-after 1000 ms, 1 h retention. */
    public static Builder builder() {
        return new Builder();
    }

    /** The OpenAI API base URL, e.g. {@code http://127.0.0.1:54321/v1}. */
    public String baseUrl() {
        return rootUrl + "/v1";
    }

    /** The emulator's root, e.g. {@code http://127.0.0.1:54321}: the other URLs are below it. */
    public String rootUrl() {
        return rootUrl;
    }

    /** The Gemini API base URL, {@code rootUrl() + "/v1beta"}; authenticate with {@code x-goog-api-key}. */
    public String geminiBaseUrl() {
        return rootUrl + "/v1beta";
    }

    /**
     * The Vertex AI base URL, {@code rootUrl() + "/v1"}; requests go to
     * {@code /projects/{project}/locations/{location}/publishers/google/models/{model}:...} below it
     * (which does not collide with the OpenAI paths under {@code /v1/videos}). {@code /v1beta1} is
     * served too. Authenticate with {@code Authorization: Bearer TOKEN}.
     */
    public String vertexBaseUrl() {
        return rootUrl + "/v1";
    }

    /**
     * The fal queue's base URL, {@code rootUrl() + "/fal"}, standing in for {@code https://queue.fal.run}: submit to
     * {@code /fal/{endpointId}} with {@code Authorization: Key <key>}; result videos are public below
     * {@code /fal-media/}.
     */
    public String falBaseUrl() {
        return rootUrl + FalQueueApi.PREFIX;
    }

    /**
     * The JWKS of the key the emulator signs fal webhooks with, {@code rootUrl() + "/fal/.well-known/jwks.json"},
     * standing in for {@code https://rest.fal.ai/.well-known/jwks.json}: the falJwksUrl of a client under test.
     */
    public String falJwksUrl() {
        return rootUrl + FalWebhookSender.JWKS_PATH;
    }

    /**
     * The sender of fal's webhooks (to the {@code fal_webhook} of each submit that names one), with its fault plan
     * and the deliveries made.
     *
     * @throws IllegalStateException when the fal queue is not served
     */
    public FalWebhookSender falWebhooks() {
        if (fal == null) {
            throw new IllegalStateException("The fal queue is not served: start the emulator with builder().fal(true)"
                                            + " or --fal");
        }
        return fal.webhooks();
    }

    /**
     * Kling's API base URL, {@code rootUrl() + "/kling"}, standing in for {@code https://api-singapore.klingai.com}:
     * tasks at {@code /kling/v1/videos/text2video|image2video|omni-video}, with {@code Authorization: Bearer <JWT>}
     * signed by {@link Builder#klingSecretKey} and issued by {@link Builder#klingAccessKey}; result videos are public
     * below {@code /kling-media/}.
     */
    public String klingBaseUrl() {
        return rootUrl + KlingVideoApi.PREFIX;
    }

    /**
     * The sender of Kling's callbacks (to the {@code callback_url} of each create that names one), with the
     * deliveries made.
     *
     * @throws IllegalStateException when Kling's API is not served
     */
    public KlingCallbackSender klingCallbacks() {
        if (kling == null) {
            throw new IllegalStateException("Kling's API is not served: start the emulator with builder().kling(true)"
                                            + " or --kling");
        }
        return kling.callbacks();
    }

    /** True when Kling's API is served ({@link Builder#kling}, the default). */
    public boolean klingEnabled() {
        return kling != null;
    }

    /** True when the fal queue is served ({@link Builder#fal}, the default). */
    public boolean falEnabled() {
        return fal != null;
    }

    /**
     * Kie.ai's base URL, {@code rootUrl() + "/kie"}, standing in for {@code https://api.kie.ai} (market API
     * {@code /api/v1/jobs/createTask}, {@code /api/v1/jobs/recordInfo}; Veo 3.1 API {@code /api/v1/veo/*}) and for the
     * upload host
     * {@code https://kieai.redpandaai.co} ({@code /api/file-base64-upload}); authenticate with
     * {@code Authorization: Bearer <key>}. Results and uploads are public below {@code /kie-media/}.
     */
    public String kieBaseUrl() {
        return rootUrl + KieMarketApi.PREFIX;
    }

    /**
     * The sender of Kie's callbacks (to the {@code callBackUrl} of each task that names one) and the deliveries made.
     *
     * @throws IllegalStateException when Kie is not served
     */
    public KieCallbackSender kieCallbacks() {
        if (kie == null) {
            throw new IllegalStateException("Kie is not served: start the emulator with builder().kie(true) or --kie");
        }
        return kie.callbacks();
    }

    /**
     * Whether Kie's Sora slugs are answered as paused ("This interface is temporarily paused"), as Kie has done
     * since 2026-06; changeable while running.
     *
     * @throws IllegalStateException when Kie is not served
     */
    public void kieSoraPaused(boolean paused) {
        if (kie == null) {
            throw new IllegalStateException("Kie is not served: start the emulator with builder().kie(true) or --kie");
        }
        kie.soraPaused(paused);
    }

    /** True when Kie's APIs are served ({@link Builder#kie}, the default). */
    public boolean kieEnabled() {
        return kie != null;
    }

    /** The Cloud Storage root, {@code rootUrl()}: clients append {@code /storage/v1/b/{bucket}/o/{object}}. */
    public String storageBaseUrl() {
        return rootUrl;
    }

    /** The OAuth token endpoint, {@code rootUrl() + "/token"}, for a service account key's {@code token_uri}. */
    public String tokenUrl() {
        return rootUrl + "/token";
    }

    /** The port the emulator listens on. */
    public int port() {
        return connections.port();
    }

    /** Client connections accepted since the start. */
    public long acceptedConnections() {
        return connections.acceptedConnections();
    }

    /** Client connections closed by a connection fault since the start (idle timeout, close before read). */
    public long connectionsClosedByFaults() {
        return connections.closedByFaults();
    }

    /** Client connections open now. */
    public int openConnections() {
        return connections.openConnections();
    }

    /** The fault plan; changes apply to the next requests. */
    public Faults faults() {
        return faults;
    }

    /**
     * Offers or withdraws video extensions from the next request on, as {@link Builder#extensions}
     * does at start. Jobs already created are not affected.
     *
     * @return this emulator
     */
    public VideoEmulator extensionsEnabled(boolean enabled) {
        extensions.set(enabled);
        return this;
    }

    /** True when the servers offer video extensions (the default). */
    public boolean extensionsEnabled() {
        return extensions.isOn();
    }

    /**
     * The sender of the OpenAI videos' webhook events ({@code video.completed}, {@code video.failed}), with its fault
     * plan and the deliveries it made.
     *
     * @throws IllegalStateException when the emulator was started without {@link Builder#webhook}
     */
    public WebhookSender webhooks() {
        if (webhooks == null) {
            throw new IllegalStateException("No webhook URL: start the emulator with builder().webhook(url, secret)"
                                            + " or --webhook-url");
        }
        return webhooks;
    }

    /** Whether the emulator sends webhook events (it was started with a webhook URL). */
    public boolean webhooksEnabled() {
        return webhooks != null;
    }

    /** The webhook deliveries of OpenAI's events made so far, oldest first; empty without a webhook URL. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks == null ? List.of() : webhooks.deliveries();
    }

    /** Every webhook delivery, OpenAI's events and fal's webhooks, in the order they were recorded per sender. */
    private List<WebhookDelivery> allWebhookDeliveries() {
        List<WebhookDelivery> all = new ArrayList<>(webhookDeliveries());
        if (fal != null) {
            all.addAll(fal.webhooks().deliveries());
        }
        if (kie != null) {
            all.addAll(kie.callbacks().deliveries());
        }
        if (kling != null) {
            all.addAll(kling.callbacks().deliveries());
        }
        return all;
    }

    /** Every request received so far, in arrival order (a snapshot). */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /**
     * The recorded requests with this method ({@code "*"} for any) whose path fully matches
     * {@code pathRegex}, e.g. {@code requests("POST", "/v1/videos")}.
     */
    public List<RecordedRequest> requests(String method, String pathRegex) {
        return log.matching(method, pathRegex);
    }

    /**
     * Removes the recorded requests and returns them in arrival order. Unlike {@link #requests()}
     * followed by {@link #clearRequests()}, no request is lost in between: one recorded meanwhile is
     * either returned or kept for the next call. For clients that count requests over a long run
     * without keeping every record in memory.
     */
    public List<RecordedRequest> takeRequests() {
        return log.take();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        log.clear();
    }

    /**
     * The number of jobs on every surface: OpenAI videos created and not deleted plus Veo
     * operations created on the Gemini API and on Vertex AI.
     */
    public int jobCount() {
        return api.jobCount() + google.operationCount() + (fal == null ? 0 : fal.count())
               + (kie == null ? 0 : kie.count() + kieVeo.count())
               + (kling == null ? 0 : kling.count());
    }

    /**
     * The jobs of every surface, oldest first, with their state now: OpenAI videos not deleted and
     * the Veo operations of both Google surfaces ({@code GET /__emulator/jobs} lists the same).
     */
    public List<JobSummary> jobs() {
        List<JobSummary> all = new ArrayList<>(api.jobs());
        all.addAll(google.jobs());
        if (fal != null) {
            all.addAll(fal.jobs());
        }
        if (kie != null) {
            all.addAll(kie.jobs());
            all.addAll(kieVeo.jobs());
        }
        if (kling != null) {
            all.addAll(kling.jobs());
        }
        // A stable sort: OpenAI videos created in the same millisecond keep their creation order.
        all.sort(java.util.Comparator.comparingLong(JobSummary::createdAtMillis));
        return all;
    }

    /**
     * A copy of an emulated Cloud Storage object, e.g. the output a Vertex operation with a
     * {@code storageUri} wrote ({@code prefix/OPERATION_ID/sample_0.mp4}), or empty.
     */
    public Optional<byte[]> storageObject(String bucket, String name) {
        return google.storageObject(bucket, name);
    }

    /**
     * Stores an object in the emulated Cloud Storage, e.g. an image or video a test passes as a
     * {@code gs://bucket/name} input; replaces an object of the same name.
     *
     * @param contentType the object's media type; null means {@code application/octet-stream}
     */
    public void putStorageObject(String bucket, String name, byte[] bytes, String contentType) {
        google.putStorageObject(bucket, name, Objects.requireNonNull(bytes, "bytes"), contentType);
    }

    /** Stops the server and deletes the rendered media. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (fal != null) {
            fal.webhooks().close();
        }
        if (kie != null) {
            kie.callbacks().close();
        }
        if (kling != null) {
            kling.callbacks().close();
        }
        connections.close();
        faults.release();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        media.close();
    }

    /** Configures and starts a {@link VideoEmulator}. */
    public static final class Builder {
        private Path stateDir;
        private Duration idleTimeout;
        private int port;
        private String host = "127.0.0.1";
        private Duration jobDuration = Duration.ofSeconds(3);
        private String apiKey;
        private String accessToken;
        private String falKey;
        private boolean fal = true;
        private String kieKey;
        private String kieHmacKey;
        private boolean kie = true;
        private boolean kieSoraPaused;
        private boolean kling = true;
        private String klingAccessKey = "emulator-access";
        private String klingSecretKey = "emulator-secret";
        private long pollAfterMs = 1000;
        private Duration retention = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private boolean extensions = true;
        private Path videoFile;
        private String webhookUrl;
        private String webhookSecret;
        private int webhookAttempts = 5;
        private Duration webhookBackoff = Duration.ofMillis(500);

        private Builder() {
        }

        /**
         * Sends OpenAI's webhook events for the OpenAI videos: {@code video.completed} or {@code video.failed} is
         * POSTed to {@code url} when a video ends, signed as Standard Webhooks specifies with {@code secret}
         * ({@code whsec_} followed by base64, or a raw secret used as its UTF-8 bytes); default none. Deliveries
         * answered other than 2xx are retried (see {@link #webhookRetries}).
         */
        public Builder webhook(String url, String secret) {
            this.webhookUrl = Objects.requireNonNull(url, "url");
            this.webhookSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * How often a webhook delivery (OpenAI's events and fal's webhooks) is attempted (the first included;
         * default 5) and the wait before the first retry (default 500 ms), which doubles with each further one.
         */
        public Builder webhookRetries(int maxAttempts, Duration firstBackoff) {
            if (maxAttempts < 1 || firstBackoff.isNegative()) {
                throw new IllegalArgumentException("maxAttempts must be >= 1 and firstBackoff not negative");
            }
            this.webhookAttempts = maxAttempts;
            this.webhookBackoff = firstBackoff;
            return this;
        }

        /** The port to listen on; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Bad port " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on; default {@code 127.0.0.1}, {@code 0.0.0.0} for every interface. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Time from creation to completion of each job; default 3 s. */
        public Builder jobDuration(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("jobDuration must not be negative");
            }
            this.jobDuration = d;
            return this;
        }

        /**
         * The only accepted API key (OpenAI bearer key and Gemini {@code x-goog-api-key}); default
         * null accepts any non-empty key.
         */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /**
         * A static OAuth bearer token Vertex AI and Cloud Storage accept; default null accepts any
         * non-empty bearer token. Tokens the {@code /token} endpoint issues are always accepted.
         */
        public Builder accessToken(String token) {
            this.accessToken = token;
            return this;
        }

        /**
         * The only accepted fal key ({@code Authorization: Key <key>} on the fal queue); default null accepts any
         * non-empty key.
         */
        public Builder falKey(String key) {
            this.falKey = key;
            return this;
        }

        /** Whether Kling's own API is served below {@code /kling}; default true. */
        public Builder kling(boolean enabled) {
            this.kling = enabled;
            return this;
        }

        /** The access key Kling tokens must name as {@code iss}; default {@code emulator-access}. */
        public Builder klingAccessKey(String accessKey) {
            this.klingAccessKey = java.util.Objects.requireNonNull(accessKey, "accessKey");
            return this;
        }

        /** The secret key Kling tokens must be signed (HS256) with; default {@code emulator-secret}. */
        public Builder klingSecretKey(String secretKey) {
            this.klingSecretKey = java.util.Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** Whether the fal queue is served below {@code /fal}; default true. */
        public Builder fal(boolean enabled) {
            this.fal = enabled;
            return this;
        }

        /**
         * The only accepted Kie key ({@code Authorization: Bearer <key>} on Kie's APIs); default null accepts any
         * non-empty key.
         */
        public Builder kieKey(String key) {
            this.kieKey = key;
            return this;
        }

        /**
         * The account's {@code webhookHmacKey}: Kie's callbacks then carry {@code X-Webhook-Timestamp} and
         * {@code X-Webhook-Signature} (base64 HMAC-SHA256 over {@code taskId + "." + timestamp}); default null sends
         * them unsigned.
         */
        public Builder kieHmacKey(String key) {
            this.kieHmacKey = key;
            return this;
        }

        /**
         * Whether Kie's Sora slugs are answered as paused, as upstream since 2026-06; default false, serving them so
         * that clients can be tested end to end.
         */
        public Builder kieSoraPaused(boolean paused) {
            this.kieSoraPaused = paused;
            return this;
        }

        /** Whether Kie's market, Veo 3.1 and upload APIs are served below {@code /kie}; default true. */
        public Builder kie(boolean enabled) {
            this.kie = enabled;
            return this;
        }

        /** Value of the {@code openai-poll-after-ms} header on retrieve; default 1000; {@code <= 0} omits it. */
        public Builder pollAfterMs(long ms) {
            this.pollAfterMs = ms;
            return this;
        }

        /** Time from {@code completed_at} to {@code expires_at}; default 1 h. Content is 404 after it. */
        public Builder retention(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative");
            }
            this.retention = d;
            return this;
        }

        /** The time source of the job lifecycle and of recorded request times; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A directory where the emulator keeps its jobs (OpenAI videos, Veo operations), uploaded
         * source videos and recorded requests, one JSON file each, written atomically (temporary file
         * and rename) before the response leaves; default null keeps nothing. An emulator started on
         * the same directory takes them back: a job created before the restart can be polled and
         * downloaded after it (its timeline follows the clock, so the time the emulator was stopped
         * counts, and its video is rendered again when asked for), and request numbering continues.
         * Not kept: Cloud Storage objects put by clients and issued OAuth tokens.
         */
        public Builder stateDir(Path directory) {
            this.stateDir = directory;
            return this;
        }

        /**
         * Closes keep-alive connections idle for longer than this, as a proxy in front of a provider does; default
         * none. The same as {@code faults().closeIdleConnectionsAfter(idle)} right after the start.
         */
        public Builder idleTimeout(Duration idle) {
            this.idleTimeout = idle;
            return this;
        }

        /**
         * Whether the servers offer video extensions; default true. False emulates servers
         * without them, for clients that then stitch videos themselves: OpenAI
         * {@code POST /v1/videos/extensions} answers 404 as an unknown route does, and a Veo
         * {@code predictLongRunning} with {@code instances[0].video} answers 400
         * {@code INVALID_ARGUMENT} on the Gemini API and on Vertex AI. Nothing is created then.
         * {@link VideoEmulator#extensionsEnabled(boolean)} changes it while running.
         */
        public Builder extensions(boolean enabled) {
            this.extensions = enabled;
            return this;
        }

        /**
         * An MP4 served as the content of every video (OpenAI {@code /content}, Veo downloads and Cloud
         * Storage outputs) instead of a rendering matching the request; default null renders. Meant for
         * measuring downloads of files far larger than a rendering, e.g. 1 GiB. The file is read on each
         * download, never loaded into memory, and is not deleted by {@link #close()}.
         */
        public Builder videoFile(Path mp4) {
            this.videoFile = mp4;
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @throws IOException if the port cannot be bound
         */
        public VideoEmulator start() throws IOException {
            return new VideoEmulator(this);
        }
    }
}
