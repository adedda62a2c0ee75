package io.github.camelvideo.sora;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.media.Mp4Probe;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the fire-and-forget examples of docs/durable-jobs.md and the sora page, in Java and in YAML. */
class SoraJobsExamplesTest extends SoraTestSupport {

    private static final Path PAGE = Path.of("..", "docs", "durable-jobs.md");
    private static final String JAVA_EXAMPLE = """
            from("direct:submit")
                    .to("sora:textToVideo?waitForCompletion=false&storedHeaders=Order*")
                    .setBody(header(SoraConstants.VIDEO_ID));

            from("sora:jobs")
                    .to("file:" + videos + "?fileName=order-${header.OrderId}.mp4")
                    .to("mock:stored");""";

    @Test
    void theJavaExampleAnswersAtOnceAndStoresTheVideoFromTheJobsConsumer() throws Exception {
        Path videos = output.resolve("videos");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit")
                        .to("sora:textToVideo?waitForCompletion=false&storedHeaders=Order*")
                        .setBody(header(SoraConstants.VIDEO_ID));

                from("sora:jobs")
                        .to("file:" + videos + "?fileName=order-${header.OrderId}.mp4")
                        .to("mock:stored");
            }
        });
        MockEndpoint stored = getMockEndpoint("mock:stored");
        stored.expectedMessageCount(1);

        Object videoId = template.requestBodyAndHeader("direct:submit", "A lighthouse at dusk", "OrderId", "1001");

        assertThat(videoId).asString().startsWith("video_");
        stored.assertIsSatisfied(20_000);
        assertThat(Mp4Probe.probe(videos.resolve("order-1001.mp4")).durationSeconds()).isPositive();
        assertThat(page()).contains("```java\n" + JAVA_EXAMPLE + "\n```");
    }

    @Test
    void theYamlExampleDoesTheSame() throws Exception {
        Path videos = output.resolve("yaml-videos");
        Properties properties = new Properties();
        properties.setProperty("videos.dir", videos.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/sora-jobs.yaml"));
        MockEndpoint stored = getMockEndpoint("mock:yaml-jobs");
        stored.expectedMessageCount(1);

        Object videoId = template.requestBodyAndHeader("direct:yaml-submit", "A harbour at night", "OrderId", "2002");

        assertThat(videoId).asString().startsWith("video_");
        stored.assertIsSatisfied(20_000);
        assertThat(Mp4Probe.probe(videos.resolve("order-2002.mp4")).durationSeconds()).isPositive();
        String yaml = Files.readString(Path.of("src/test/resources/routes/sora-jobs.yaml"), StandardCharsets.UTF_8);
        assertThat(page()).contains("```yaml\n" + yaml + "```");
    }

    private static String page() throws IOException {
        return Files.readString(PAGE, StandardCharsets.UTF_8);
    }
}
