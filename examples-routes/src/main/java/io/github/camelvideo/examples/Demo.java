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
import io.github.camelvideo.sora.SoraConstants;

/**
 * The demo: Camel Main with Java and YAML routes that turn a few prompts, one generated image and a remix into MP4
 * files. Without an OpenAI key it runs against the embedded emulator.
 */
public final class Demo {

    /** The prompts, with the route that makes each one. */
    static final List<DemoJob> JOBS = List.of(
            new DemoJob("direct:textToVideo", "A paper boat drifting down a rainy street, cinematic", 4, "1280x720"),
            new DemoJob("direct:textToVideo", "Time-lapse of clouds over a mountain lake at dawn", 8, "720x1280"),
            new DemoJob("direct:yamlTextToVideo", "A red fox trotting through fresh snow, close-up", 4, "1280x720"));

    private final Settings settings;

    /**
     * @param output      directory for the MP4 files
     * @param baseUrl     provider base URL, or {@code null} to start the embedded emulator
     * @param apiKey      provider key, or {@code null} with the emulator
     * @param jobDuration how long emulated jobs take
     */
    public record Settings(Path output, String baseUrl, String apiKey, Duration jobDuration) {
    }

    public Demo(Settings settings) {
        this.settings = settings;
    }

    /** Runs the demo and returns one result per video. */
    public List<DemoResult> run() throws Exception {
        VideoEmulator emulator = null;
        String baseUrl = settings.baseUrl();
        String apiKey = settings.apiKey();
        if (baseUrl == null) {
            emulator = VideoEmulator.builder().jobDuration(settings.jobDuration()).pollAfterMs(250).start();
            baseUrl = emulator.baseUrl();
            apiKey = "demo-key";
            System.out.println("No OPENAI_API_KEY set: using the embedded emulator at " + baseUrl);
        } else {
            System.out.println("Using the video API at " + baseUrl);
        }
        Main main = new Main();
        try {
            configure(main, baseUrl, apiKey, emulator != null);
            main.start();
            return makeVideos(main.getCamelContext().createProducerTemplate());
        } finally {
            main.stop();
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private void configure(Main main, String baseUrl, String apiKey, boolean emulated) {
        main.configure().addRoutesBuilder(new DemoRoutes());
        main.configure().withRoutesIncludePattern("classpath:routes/*.yaml");
        main.configure().withDurationMaxMessages(0);
        main.addInitialProperty("camel.component.sora.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.sora.apiKey", apiKey);
        main.addInitialProperty("camel.component.sora.outputDirectory", settings.output().toString());
        if (emulated) {
            // emulated jobs take seconds, not minutes: poll accordingly
            main.addInitialProperty("camel.component.sora.pollInitialDelay", "250");
            main.addInitialProperty("camel.component.sora.pollMaxInterval", "1000");
        }
    }

    private List<DemoResult> makeVideos(ProducerTemplate template) throws IOException {
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (DemoJob job : JOBS) {
            // the jobs run at the same time: each waits at the provider without holding a thread
            calls.add(template.asyncSend(job.route(), e -> {
                e.getMessage().setBody(job.prompt());
                e.getMessage().setHeader(SoraConstants.SECONDS, job.seconds());
                e.getMessage().setHeader(SoraConstants.SIZE, job.size());
            }));
        }
        calls.add(template.asyncSend("direct:imageToVideo", e -> {
            e.getMessage().setBody(firstFrame(1280, 720));
            e.getMessage().setHeaders(Map.of(SoraConstants.PROMPT, "The sun rises over the hills",
                    SoraConstants.SECONDS, 4, SoraConstants.SIZE, "1280x720"));
        }));
        List<DemoResult> results = new ArrayList<>();
        List<String> labels = List.of("text (Java route)", "text (Java route)", "text (YAML route)",
                "image to video");
        for (int i = 0; i < calls.size(); i++) {
            results.add(result(labels.get(i), calls.get(i).join()));
        }
        String firstId = results.get(0).videoId();
        if (results.get(0).ok()) {
            Exchange remix = template.send("direct:remix", e -> {
                e.getMessage().setBody("The same street, now at night under neon lights");
                e.getMessage().setHeader(SoraConstants.VIDEO_ID, firstId);
            });
            results.add(result("remix of the first", remix));
        }
        return results;
    }

    private static DemoResult result(String label, Exchange exchange) {
        Message m = exchange.getMessage();
        Throwable error = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        File file = error == null ? m.getBody(File.class) : null;
        return new DemoResult(label, m.getHeader(SoraConstants.VIDEO_ID, String.class),
                file == null ? null : file.getName(), m.getHeader(SoraConstants.DURATION, Double.class),
                m.getHeader(SoraConstants.SIZE, String.class), m.getHeader(SoraConstants.COST_USD, BigDecimal.class),
                error == null ? null : error.getMessage());
    }

    /** A generated first frame: a sky gradient and a sun, drawn without fonts so it works headless. */
    static byte[] firstFrame(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 110), 0, height, new Color(250, 150, 80)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 220, 120));
        g.fillOval(width / 2 - height / 8, height / 2, height / 4, height / 4);
        g.setColor(new Color(30, 60, 40));
        g.fillRect(0, height * 3 / 4, width, height / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
