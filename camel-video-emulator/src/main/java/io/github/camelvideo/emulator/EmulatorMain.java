package io.github.camelvideo.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line until the process is stopped:
 * {@code java -jar camel-video-emulator.jar --port 8089 --job-duration 3000}.
 */
public final class EmulatorMain {

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar camel-video-emulator.jar [options]",
            "Offline emulator of the OpenAI Videos API (/v1/videos) and of Google Veo (Gemini API /v1beta,",
            "Vertex AI /v1/projects/..., with Cloud Storage and an OAuth token endpoint), of fal.ai's queue (/fal),",
            "of Kie.ai's market and Veo 3.1 APIs (/kie) and of Kling's own API (/kling)",
            "that renders real MP4 files.",
            "",
            "  --port N             port to listen on (default 8089; 0 picks a free port)",
            "  --host ADDRESS       address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)",
            "  --job-duration MS    milliseconds from queued to completed (default 3000)",
            "  --api-key KEY        accept only this OpenAI bearer key / Gemini x-goog-api-key (default: any)",
            "  --access-token TOKEN Vertex AI / Cloud Storage bearer token to accept besides issued ones (default: any)",
            "  --poll-after-ms N    openai-poll-after-ms header value (default 1000; 0 omits it)",
            "  --retention-seconds N  seconds from completion until content expires (default 3600)",
            "  --idle-timeout MS    close keep-alive connections idle longer than MS, as a proxy does (default: never)",
            "  --state-dir DIR      keep jobs, uploads and recorded requests in DIR across restarts (default: none)",
            "  --webhook-url URL    POST signed video.completed / video.failed events for OpenAI videos to URL",
            "  --webhook-secret S   the webhook signing secret (whsec_<base64>, or a raw secret); needed with --webhook-url",
            "  --fal / --no-fal     serve fal.ai's queue (Kling and Veo 3.1 endpoints) below /fal, or not (default: served)",
            "  --fal-key KEY        accept only this fal key (Authorization: Key <key>; default: any)",
            "  --kie / --no-kie     serve Kie.ai's market, Veo and upload APIs below /kie, or not (default: served)",
            "  --kie-key KEY        accept only this Kie key (Authorization: Bearer <key>; default: any)",
            "  --kie-hmac-key KEY   sign Kie callbacks (X-Webhook-Signature) with this webhookHmacKey (default: unsigned)",
            "  --kie-sora-paused    answer Kie's Sora 2 slugs \"This interface is temporarily paused\", as Kie has",
            "                       since 2026-06 (default: served)",
            "  --kling / --no-kling serve Kling's own API below /kling, or not (default: served)",
            "  --kling-access-key K the access key Kling JWTs must name as iss (default: emulator-access)",
            "  --kling-secret-key S the secret key Kling JWTs must be signed with, HS256 (default: emulator-secret)",
            "  --no-extensions      act as servers without video extensions: OpenAI POST /v1/videos/extensions",
            "                       is an unknown route (404) and Veo requests with instances[0].video get 400",
            "  --verbose            log every request (slf4j-simple, debug level)",
            "  --help               print this help");

    private EmulatorMain() {
    }

    /**
     * Entry point.
     *
     * @param args command-line options, see {@code --help}
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        VideoEmulator.Builder builder;
        try {
            builder = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            return; // --help
        }
        VideoEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "video-emulator-shutdown"));
        System.out.println("Camel Video emulator listening on " + emulator.rootUrl());
        System.out.println("  OpenAI Videos API  " + emulator.baseUrl() + "  (Authorization: Bearer <key>)");
        System.out.println("  Gemini API (Veo)   " + emulator.geminiBaseUrl() + "  (x-goog-api-key: <key>)");
        System.out.println("  Vertex AI (Veo)    " + emulator.vertexBaseUrl()
                + "/projects/{project}/locations/{location}/publishers/google/models/{model}  (Authorization: Bearer <token>)");
        if (emulator.falEnabled()) {
            System.out.println("  fal.ai queue       " + emulator.falBaseUrl() + "/{endpointId}  (Authorization: Key <key>)");
            System.out.println("  fal.ai webhooks    ?fal_webhook=<url> on a submit; Ed25519 keys (JWKS) at "
                    + emulator.falJwksUrl());
        }
        if (emulator.kieEnabled()) {
            System.out.println("  Kie.ai market      " + emulator.kieBaseUrl()
                    + "/api/v1/jobs/createTask, /api/v1/jobs/recordInfo, /api/file-base64-upload  (Authorization: Bearer <key>)");
        }
        if (emulator.klingEnabled()) {
            System.out.println("  Kling API          " + emulator.klingBaseUrl()
                    + "/v1/videos/{text2video|image2video|omni-video}  (Authorization: Bearer <JWT>)");
        }
        System.out.println("  Cloud Storage      " + emulator.storageBaseUrl() + "/storage/v1/b/{bucket}/o/{object}");
        System.out.println("  OAuth token_uri    " + emulator.tokenUrl());
        System.out.println("  Emulator admin     " + emulator.rootUrl() + "/__emulator/requests, /__emulator/jobs"
                + "  (no key: a local tool, do not expose it publicly)");
        if (emulator.webhooksEnabled()) {
            System.out.println("  Webhooks           video events to " + emulator.webhooks().url()
                    + "  (deliveries: " + emulator.rootUrl() + "/__emulator/webhooks)");
        }
        if (!emulator.extensionsEnabled()) {
            System.out.println("Video extensions are off (--no-extensions).");
        }
        System.out.println("Stop with Ctrl+C.");
        stopped.await();
    }

    /** Parses options into a builder; prints usage and returns null for {@code --help}. */
    static VideoEmulator.Builder parse(String[] args, PrintStream out) {
        VideoEmulator.Builder builder = VideoEmulator.builder().port(8089);
        String webhookUrl = null;
        String webhookSecret = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.println(USAGE);
                return null;
            }
            if (option.equals("--fal") || option.equals("--no-fal")) {
                builder.fal(option.equals("--fal"));
                continue;
            }
            if (option.equals("--kie") || option.equals("--no-kie")) {
                builder.kie(option.equals("--kie"));
                continue;
            }
            if (option.equals("--kling") || option.equals("--no-kling")) {
                builder.kling(option.equals("--kling"));
                continue;
            }
            if (option.equals("--kie-sora-paused")) {
                builder.kieSoraPaused(true);
                continue;
            }
            if (option.equals("--no-extensions")) {
                builder.extensions(false);
                continue;
            }
            if (option.equals("--verbose")) {
                // Read by slf4j-simple when the first logger is created, which happens later.
                System.setProperty("org.slf4j.simpleLogger.log.io.github.camelvideo.emulator", "debug");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(number(option, value));
                case "--host" -> builder.host(value);
                case "--job-duration" -> builder.jobDuration(Duration.ofMillis(number(option, value)));
                case "--api-key" -> builder.apiKey(value);
                case "--access-token" -> builder.accessToken(value);
                case "--fal-key" -> builder.falKey(value);
                case "--kie-key" -> builder.kieKey(value);
                case "--kie-hmac-key" -> builder.kieHmacKey(value);
                case "--kling-access-key" -> builder.klingAccessKey(value);
                case "--kling-secret-key" -> builder.klingSecretKey(value);
                case "--poll-after-ms" -> builder.pollAfterMs(number(option, value));
                case "--retention-seconds" -> builder.retention(Duration.ofSeconds(number(option, value)));
                case "--state-dir" -> builder.stateDir(Path.of(value));
                case "--idle-timeout" -> builder.idleTimeout(Duration.ofMillis(number(option, value)));
                case "--webhook-url" -> webhookUrl = value;
                case "--webhook-secret" -> webhookSecret = value;
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if ((webhookUrl == null) != (webhookSecret == null)) {
            throw new IllegalArgumentException("--webhook-url and --webhook-secret go together");
        }
        if (webhookUrl != null) {
            builder.webhook(webhookUrl, webhookSecret);
        }
        return builder;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number for " + option + ": " + value);
        }
    }
}
