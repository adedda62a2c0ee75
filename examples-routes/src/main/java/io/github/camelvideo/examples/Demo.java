package io.github.camelvideo.examples;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.core.storyboard.Storyboard;
import io.github.camelvideo.kling.KlingConstants;
import io.github.camelvideo.sora.SoraConstants;
import io.github.camelvideo.veo.VeoConstants;

/**
 * The demo: Camel Main with Java and YAML routes that turn a few prompts, generated images, a remix and three
 * storyboards (one per component) into MP4 files with sora:, veo: (on the Gemini API and through Kie.ai) and kling:. Each provider is the embedded emulator
 * unless its key is given.
 */
public final class Demo {

    /** The sora: prompts, with the route that makes each one. */
    static final List<DemoJob> JOBS = List.of(
            new DemoJob("direct:textToVideo", "A paper boat drifting down a rainy street, cinematic", 4, "1280x720"),
            new DemoJob("direct:textToVideo", "Time-lapse of clouds over a mountain lake at dawn", 8, "720x1280"),
            new DemoJob("direct:yamlTextToVideo", "A red fox trotting through fresh snow, close-up", 4, "1280x720"));

    /** The veo: videos: text to video (YAML route), and a first and a last frame to video (Java route). */
    static final List<DemoJob> VEO_JOBS = List.of(
            new DemoJob("direct:yamlVeoTextToVideo", "A hummingbird hovering at a red flower, slow motion", 4,
                    "1280x720"),
            new DemoJob("direct:veoImageToVideo", "The sun sets behind the hills and the first stars appear", 8,
                    "720x1280"));

    /** The sora: storyboard: three scenes, one continuous 12-second video. */
    static final Storyboard SORA_STORYBOARD = Storyboard.builder()
            .style("Warm 35mm film, soft morning light")
            .scene("A lighthouse keeper climbs the spiral stairs", 4)
            .scene("He opens the door to the lamp room", 4)
            .scene("The lamp turns as the sun rises over the sea", 4)
            .build();

    /** The veo: video through Kie.ai's Veo 3.1 API (Java route): 8 seconds of veo3_fast at 720p, 16:9. */
    static final DemoJob VEO_KIE_JOB = new DemoJob("direct:veoKieTextToVideo",
            "A lantern-lit night market in the rain, seen from above", 8, "1280x720");

    /** The kling: video (Java route, fal's queue): 5 seconds of Kling 3.0 in std mode, 16:9. */
    static final DemoJob KLING_JOB = new DemoJob("direct:klingTextToVideo",
            "A hot air balloon drifting over a valley at sunrise", 5, "1280x720");

    /** The length of the kling: storyboard of the YAML route: 5 + 5 seconds. */
    static final int KLING_STORYBOARD_SECONDS = 10;

    /** The length of the veo: storyboard of the YAML route: 4 + 7 + 7 seconds. */
    static final int VEO_STORYBOARD_SECONDS = 18;

    private final Settings settings;
    private DemoS3 s3;
    /** The exchange each successful result came from, as the video step left it: what the S3 step stores. */
    private final Map<DemoResult, Exchange> finished = new java.util.LinkedHashMap<>();

    /**
     * @param output        directory for the MP4 files
     * @param baseUrl       OpenAI Videos API base URL for sora:, or {@code null} for the embedded emulator
     * @param apiKey        its key, or {@code null} with the emulator
     * @param geminiBaseUrl Gemini API base URL for veo:, or {@code null} for the embedded emulator
     * @param geminiApiKey  its key, or {@code null} with the emulator
     * @param veoModel      the Veo model id, or {@code null} for the component's default
     * @param jobDuration   how long emulated jobs take
     * @param falBaseUrl    fal queue base URL for kling:, or {@code null} for the embedded emulator
     * @param falKey        its key, or {@code null} with the emulator
     * @param kling         Kling's own API for the kling: storyboard, or {@code null} for the embedded emulator
     * @param kieBaseUrl    Kie.ai's API base URL for the veo: video made through Kie, or {@code null} for the
     *                      embedded emulator
     * @param kieApiKey     its key, or {@code null} with the emulator
     */
    public record Settings(Path output, String baseUrl, String apiKey, String geminiBaseUrl, String geminiApiKey,
                           String veoModel, Duration jobDuration, String falBaseUrl, String falKey,
                           KlingApi kling, String kieBaseUrl, String kieApiKey) {

        /** sora: and veo: as given, kling: against the embedded emulator. */
        public Settings(Path output, String baseUrl, String apiKey, String geminiBaseUrl, String geminiApiKey,
                        String veoModel, Duration jobDuration) {
            this(output, baseUrl, apiKey, geminiBaseUrl, geminiApiKey, veoModel, jobDuration, null, null, null, null,
                    null);
        }

        /** Every component against the embedded emulator. */
        public static Settings emulated(Path output, Duration jobDuration) {
            return new Settings(output, null, null, null, null, null, jobDuration);
        }
    }

    /**
     * Where Kling's own API is and the key pair its JWTs are made of.
     *
     * @param baseUrl   the API's base URL, such as https://api-singapore.klingai.com
     * @param accessKey the access key (the JWT's issuer)
     * @param secretKey the secret key the JWT is signed with
     */
    public record KlingApi(String baseUrl, String accessKey, String secretKey) {
    }

    /** The header names of one component, to read a result. */
    private record Headers(String jobId, String duration, String size, String cost, String mode) {
        static final Headers SORA = new Headers(SoraConstants.VIDEO_ID, SoraConstants.DURATION, SoraConstants.SIZE,
                SoraConstants.COST_USD, SoraConstants.STORYBOARD_MODE);
        static final Headers VEO = new Headers(VeoConstants.OPERATION_NAME, VeoConstants.DURATION, VeoConstants.SIZE,
                VeoConstants.COST_USD, VeoConstants.STORYBOARD_MODE);
        static final Headers KLING = new Headers(KlingConstants.REQUEST_ID, KlingConstants.VIDEO_DURATION,
                KlingConstants.SIZE, KlingConstants.COST_USD, KlingConstants.STORYBOARD_MODE);
    }

    public Demo(Settings settings) {
        this.settings = settings;
    }

    /** Stores every video in this S3 bucket too (when not {@code null}). */
    public Demo storingIn(DemoS3 target) {
        this.s3 = target;
        return this;
    }

    /** Runs the demo and returns one result per video. */
    public List<DemoResult> run() throws Exception {
        VideoEmulator emulator = null;
        String baseUrl = settings.baseUrl();
        String apiKey = settings.apiKey();
        String geminiBaseUrl = settings.geminiBaseUrl();
        String geminiApiKey = settings.geminiApiKey();
        String falBaseUrl = settings.falBaseUrl();
        String falKey = settings.falKey();
        KlingApi kling = settings.kling();
        String kieBaseUrl = settings.kieBaseUrl();
        String kieApiKey = settings.kieApiKey();
        if (baseUrl == null || geminiBaseUrl == null || falBaseUrl == null || kling == null || kieBaseUrl == null) {
            emulator = VideoEmulator.builder().jobDuration(settings.jobDuration()).pollAfterMs(250).start();
        }
        if (baseUrl == null) {
            baseUrl = emulator.baseUrl();
            apiKey = "demo-key";
            System.out.println("No OPENAI_API_KEY set: sora: uses the embedded emulator at " + baseUrl);
        } else {
            System.out.println("sora: uses the video API at " + baseUrl);
        }
        if (geminiBaseUrl == null) {
            geminiBaseUrl = emulator.geminiBaseUrl();
            geminiApiKey = "demo-key";
            System.out.println("No GEMINI_API_KEY set: veo: uses the embedded emulator at " + geminiBaseUrl);
        } else {
            System.out.println("veo: uses the Gemini API at " + geminiBaseUrl);
        }
        if (falBaseUrl == null) {
            falBaseUrl = emulator.falBaseUrl();
            falKey = "demo-key";
            System.out.println("No FAL_KEY set: kling: uses the embedded emulator at " + falBaseUrl);
        } else {
            System.out.println("kling: uses fal's queue at " + falBaseUrl);
        }
        if (kling == null) {
            kling = new KlingApi(emulator.klingBaseUrl(), "emulator-access", "emulator-secret");
            System.out.println("No KLING_ACCESS_KEY set: the kling: storyboard uses the embedded emulator at "
                               + kling.baseUrl());
        } else {
            System.out.println("The kling: storyboard uses Kling's API at " + kling.baseUrl());
        }
        if (kieBaseUrl == null) {
            kieBaseUrl = emulator.kieBaseUrl();
            kieApiKey = "demo-key";
            System.out.println("No KIE_API_KEY set: the veo: video through Kie uses the embedded emulator at "
                               + kieBaseUrl);
        } else {
            System.out.println("The veo: video through Kie uses Kie.ai's API at " + kieBaseUrl);
        }
        Main main = new Main();
        try {
            configureSora(main, baseUrl, apiKey, settings.baseUrl() == null);
            configureVeo(main, geminiBaseUrl, geminiApiKey, settings.geminiBaseUrl() == null);
            configureKling(main, falBaseUrl, falKey, settings.falBaseUrl() == null);
            // read by the endpoint of the YAML kling: storyboard, which reaches Kling's own API
            main.addInitialProperty("demo.kling.baseUrl", kling.baseUrl());
            main.addInitialProperty("demo.kling.accessKey", kling.accessKey());
            main.addInitialProperty("demo.kling.secretKey", kling.secretKey());
            // read by the endpoint of the Java veo: route that goes through Kie.ai
            main.addInitialProperty("demo.kie.baseUrl", kieBaseUrl);
            main.addInitialProperty("demo.kie.apiKey", kieApiKey);
            main.configure().addRoutesBuilder(new DemoRoutes());
            if (s3 != null) {
                System.out.println("Every video is also stored in the S3 bucket " + s3.bucket()
                                   + (s3.endpoint() == null ? "" : " at " + s3.endpoint()));
                main.configure().addRoutesBuilder(s3.routes());
            }
            main.configure().withRoutesIncludePattern("classpath:routes/*.yaml");
            main.configure().withDurationMaxMessages(0);
            main.start();
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            List<DemoResult> results = makeVideos(template);
            return s3 == null ? results : store(template, results);
        } finally {
            main.stop();
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private void configureSora(Main main, String baseUrl, String apiKey, boolean emulated) {
        main.addInitialProperty("camel.component.sora.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.sora.apiKey", apiKey);
        main.addInitialProperty("camel.component.sora.outputDirectory", settings.output().toString());
        if (emulated) {
            // emulated jobs take seconds, not minutes: poll accordingly
            main.addInitialProperty("camel.component.sora.pollInitialDelay", "250");
            main.addInitialProperty("camel.component.sora.pollMaxInterval", "1000");
        }
    }

    private void configureVeo(Main main, String baseUrl, String apiKey, boolean emulated) {
        main.addInitialProperty("camel.component.veo.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.veo.apiKey", apiKey);
        main.addInitialProperty("camel.component.veo.outputDirectory", settings.output().toString());
        if (settings.veoModel() != null) {
            main.addInitialProperty("camel.component.veo.model", settings.veoModel());
        }
        if (emulated) {
            // Veo gives no poll hint: without these, the first poll would come after 5 s
            main.addInitialProperty("camel.component.veo.pollInitialDelay", "250");
            main.addInitialProperty("camel.component.veo.pollMaxInterval", "1000");
        }
    }

    private void configureKling(Main main, String baseUrl, String apiKey, boolean emulated) {
        main.addInitialProperty("camel.component.kling.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.kling.apiKey", apiKey);
        main.addInitialProperty("camel.component.kling.outputDirectory", settings.output().toString());
        main.addInitialProperty("camel.component.kling.mode", "std");
        if (emulated) {
            // fal gives no poll hint: without these, the first poll would come after 5 s
            main.addInitialProperty("camel.component.kling.pollInitialDelay", "250");
            main.addInitialProperty("camel.component.kling.pollMaxInterval", "1000");
        }
    }

    private List<DemoResult> makeVideos(ProducerTemplate template) throws IOException {
        // every job runs at the same time: each waits at its provider without holding a thread
        List<CompletableFuture<Exchange>> sora = new ArrayList<>();
        for (DemoJob job : JOBS) {
            sora.add(template.asyncSend(job.route(), e -> {
                e.getMessage().setBody(job.prompt());
                e.getMessage().setHeader(SoraConstants.SECONDS, job.seconds());
                e.getMessage().setHeader(SoraConstants.SIZE, job.size());
            }));
        }
        byte[] sunrise = firstFrame(1280, 720);
        sora.add(template.asyncSend("direct:imageToVideo", e -> {
            e.getMessage().setBody(sunrise);
            e.getMessage().setHeaders(Map.of(SoraConstants.PROMPT, "The sun rises over the hills",
                    SoraConstants.SECONDS, 4, SoraConstants.SIZE, "1280x720"));
        }));
        List<CompletableFuture<Exchange>> veo = startVeoJobs(template);
        CompletableFuture<Exchange> soraStoryboard = template.asyncSend("direct:soraStoryboard",
                e -> e.getMessage().setBody(SORA_STORYBOARD));
        CompletableFuture<Exchange> veoStoryboard = template.asyncSend("direct:yamlVeoStoryboard", e -> {
        });
        CompletableFuture<Exchange> kling = template.asyncSend(KLING_JOB.route(), e -> {
            e.getMessage().setBody(KLING_JOB.prompt());
            e.getMessage().setHeader(KlingConstants.DURATION, Integer.toString(KLING_JOB.seconds()));
            e.getMessage().setHeader(KlingConstants.ASPECT_RATIO, KLING_JOB.aspectRatio());
        });
        CompletableFuture<Exchange> veoKie = template.asyncSend(VEO_KIE_JOB.route(), e -> {
            e.getMessage().setBody(VEO_KIE_JOB.prompt());
            e.getMessage().setHeaders(Map.of(VeoConstants.ASPECT_RATIO, VEO_KIE_JOB.aspectRatio(),
                    VeoConstants.RESOLUTION, "720p"));
        });
        CompletableFuture<Exchange> klingStoryboard = template.asyncSend("direct:yamlKlingStoryboard", e -> {
        });

        List<DemoResult> results = new ArrayList<>();
        List<String> labels = List.of("sora text (Java)", "sora text (Java)", "sora text (YAML)",
                "sora image (Java)");
        for (int i = 0; i < sora.size(); i++) {
            results.add(result(labels.get(i), Headers.SORA, sora.get(i).join()));
        }
        String firstId = results.get(0).videoId();
        if (results.get(0).ok()) {
            Exchange remix = template.send("direct:remix", e -> {
                e.getMessage().setBody("The same street, now at night under neon lights");
                e.getMessage().setHeader(SoraConstants.VIDEO_ID, firstId);
            });
            results.add(result("sora remix (Java)", Headers.SORA, remix));
        }
        results.add(result("veo text (YAML)", Headers.VEO, veo.get(0).join()));
        results.add(result("veo first+last frame (Java)", Headers.VEO, veo.get(1).join()));
        results.add(result("sora storyboard (Java)", Headers.SORA, soraStoryboard.join()));
        results.add(result("veo storyboard (YAML)", Headers.VEO, veoStoryboard.join()));
        results.add(result("kling text (Java)", Headers.KLING, kling.join()));
        results.add(result("kling storyboard (YAML)", Headers.KLING, klingStoryboard.join()));
        results.add(result("veo text through Kie (Java)", Headers.VEO, veoKie.join()));
        return results;
    }

    private static List<CompletableFuture<Exchange>> startVeoJobs(ProducerTemplate template) throws IOException {
        DemoJob text = VEO_JOBS.get(0);
        CompletableFuture<Exchange> textToVideo = template.asyncSend(text.route(), e -> {
            e.getMessage().setBody(text.prompt());
            e.getMessage().setHeaders(Map.of(VeoConstants.DURATION_SECONDS, text.seconds(),
                    VeoConstants.ASPECT_RATIO, text.aspectRatio(), VeoConstants.RESOLUTION, "720p"));
        });
        DemoJob frames = VEO_JOBS.get(1);
        int width = frames.width();
        int height = frames.height();
        byte[] first = firstFrame(width, height);
        byte[] last = lastFrame(width, height);
        CompletableFuture<Exchange> imageToVideo = template.asyncSend(frames.route(), e -> {
            e.getMessage().setBody(first);
            e.getMessage().setHeaders(Map.of(VeoConstants.LAST_FRAME, last, VeoConstants.PROMPT, frames.prompt(),
                    VeoConstants.DURATION_SECONDS, frames.seconds(), VeoConstants.ASPECT_RATIO,
                    frames.aspectRatio(), VeoConstants.RESOLUTION, "720p"));
        });
        return List.of(textToVideo, imageToVideo);
    }

    /**
     * Sends each finished exchange, as the video step left it (the file as body, the S3 key, content type and length
     * as headers), to the S3 route; a failed upload fails that video's result.
     */
    private List<DemoResult> store(ProducerTemplate template, List<DemoResult> results) {
        List<DemoResult> stored = new ArrayList<>();
        for (DemoResult result : results) {
            Exchange exchange = finished.get(result);
            if (exchange != null) {
                template.send(DemoS3.ROUTE, exchange);
                if (exchange.getException() != null) {
                    result = result.failed("not stored in S3: " + exchange.getException().getMessage());
                }
            }
            stored.add(result);
        }
        return stored;
    }

    private DemoResult result(String label, Headers headers, Exchange exchange) {
        Message m = exchange.getMessage();
        Throwable error = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        File file = error == null ? m.getBody(File.class) : null;
        DemoResult result = new DemoResult(label, m.getHeader(headers.jobId(), String.class),
                file == null ? null : file.getName(), m.getHeader(headers.duration(), Double.class),
                m.getHeader(headers.size(), String.class), m.getHeader(headers.cost(), BigDecimal.class),
                error == null ? null : error.getMessage(), m.getHeader(headers.mode(), String.class));
        if (result.ok()) {
            finished.put(result, exchange);
        }
        return result;
    }

    /** A generated first frame: a sky gradient and a sun, drawn without fonts so it works headless. */
    static byte[] firstFrame(int width, int height) throws IOException {
        return landscape(width, height, new Color(20, 40, 110), new Color(250, 150, 80), new Color(255, 220, 120),
                height / 2);
    }

    /** A generated last frame: the same hills at dusk, the sun gone below them. */
    static byte[] lastFrame(int width, int height) throws IOException {
        return landscape(width, height, new Color(5, 10, 40), new Color(120, 60, 90), new Color(240, 120, 60),
                height * 3 / 4 - height / 16);
    }

    private static byte[] landscape(int width, int height, Color top, Color bottom, Color sun, int sunTop)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, top, 0, height, bottom));
        g.fillRect(0, 0, width, height);
        int diameter = Math.min(width, height) / 4;
        g.setColor(sun);
        g.fillOval(width / 2 - diameter / 2, sunTop, diameter, diameter);
        g.setColor(new Color(30, 60, 40));
        g.fillRect(0, height * 3 / 4, width, height / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
