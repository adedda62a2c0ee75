package io.github.camelvideo.veo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.camel.ConnectionLog;
import io.github.camelvideo.core.testing.CapturedLog;
import io.github.camelvideo.veo.gemini.GeminiVeoProvider;

/** deleteAfterRoute on both providers, the body's text form, and the start-up line about where requests go. */
class VeoFilesAndConnectionTest extends VeoTestSupport {

    private Path published;

    @Override
    protected RoutesBuilder createRouteBuilder() throws IOException {
        published = Files.createTempDirectory("veo-published");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:gemini")
                        .to("veo:textToVideo?deleteAfterRoute=true")
                        .setHeader("logged", simple("Stored ${body}"))
                        .to("file:" + published);
                from("direct:vertex")
                        .to("vertex:textToVideo?deleteAfterRoute=true")
                        .to("file:" + published);
            }
        };
    }

    @Test
    void deleteAfterRouteLeavesOnlyTheStoredCopyOnBothProviders() throws Exception {
        Exchange gemini = template.send("direct:gemini", e -> e.getMessage().setBody("A heron in the reeds"));
        Exchange vertex = template.send("direct:vertex", e -> e.getMessage().setBody("A heron in the reeds"));

        assertThat(gemini.getException()).isNull();
        assertThat(vertex.getException()).isNull();
        File body = gemini.getMessage().getBody(File.class);
        assertThat(gemini.getMessage().getHeader("logged")).isEqualTo("Stored " + body.getPath());
        await().atMost(Duration.ofSeconds(10)).until(() -> outputFiles().isEmpty());
        assertThat(files(published)).containsExactlyInAnyOrder(
                published.resolve(gemini.getMessage().getHeader(Exchange.FILE_NAME, String.class)),
                published.resolve(vertex.getMessage().getHeader(Exchange.FILE_NAME, String.class)));
    }

    @Test
    void startingAVertexEndpointNamesItsBaseUrlAndCredentialSourceButNotTheToken() throws Exception {
        // a component of its own: the context's vertex component reported the emulator already, at start
        VeoComponent vertex = new VeoComponent();
        configureVertex(vertex.getConfiguration());
        context.addComponent("vertex2", vertex);
        try (CapturedLog captured = CapturedLog.of(ConnectionLog.class)) {
            context.getEndpoint("vertex2:getOperation?location=europe-west4").start();

            assertThat(String.join("\n", captured.lines()))
                    .contains("veo sends requests to " + emulator.vertexBaseUrl())
                    .contains("not the provider's default https://europe-west4-aiplatform.googleapis.com/v1")
                    .contains("the accessToken option")
                    .doesNotContain(ACCESS_TOKEN);
        }
    }

    @Test
    void thePublicGeminiEndpointIsReportedAsBilled() throws Exception {
        try (CapturedLog captured = CapturedLog.of(ConnectionLog.class)) {
            context.getEndpoint("veo:getOperation?baseUrl=" + GeminiVeoProvider.DEFAULT_BASE_URL).start();

            assertThat(captured.lines()).singleElement().asString()
                    .contains("veo sends requests to " + GeminiVeoProvider.DEFAULT_BASE_URL
                              + ", the provider's public endpoint, where jobs are billed")
                    .contains("the apiKey option")
                    .doesNotContain(API_KEY);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
