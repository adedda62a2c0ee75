package io.github.camelvideo.sora;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.testing.PageSnippets;
import io.github.camelvideo.core.testing.S3MockServer;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.media.Mp4Renderer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 examples of docs/sora-component.md (Java, YAML and XML DSL) run against S3Mock, an S3-compatible server
 * started as a process: the stored object has the MP4's bytes, size and content type. A video larger than the part
 * size goes up as a multipart upload, streamed from the file.
 */
class SoraS3Test extends SoraTestSupport {

    private static final Path PAGE = Path.of("..", "docs", "sora-component.md");
    private static final Path SOURCE = Path.of("src/test/java/io/github/camelvideo/sora/SoraS3Test.java");
    private static final String BUCKET = "videos";
    private static final long PART_SIZE = 8L * 1024 * 1024;

    @TempDir
    static Path work;

    static S3MockServer s3;

    @BeforeAll
    static void startS3() throws IOException {
        s3 = S3MockServer.start(work, BUCKET);
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties s3Properties = new Properties();
        s3Properties.setProperty("s3.bucket", BUCKET);
        s3Properties.setProperty("s3.endpoint", s3.endpoint());
        s3Properties.setProperty("s3.region", S3MockServer.REGION);
        s3Properties.setProperty("s3.accessKey", S3MockServer.ACCESS_KEY);
        s3Properties.setProperty("s3.secretKey", S3MockServer.SECRET_KEY);
        context.getPropertiesComponent().setInitialProperties(s3Properties);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // page: sora-to-s3
                from("direct:publish")
                        .to("sora:textToVideo?seconds=4&size=1280x720")
                        .to("aws2-s3:{{s3.bucket}}?multiPartUpload=true&partSize=8388608"
                            + "&overrideEndpoint=true&uriEndpointOverride={{s3.endpoint}}&forcePathStyle=true"
                            + "&region={{s3.region}}&accessKey=RAW({{s3.accessKey}})&secretKey=RAW({{s3.secretKey}})");
                // end of page: sora-to-s3
            }
        };
    }

    @Test
    void javaRouteStoresTheMp4InTheBucket() throws Exception {
        assertStored(template.request("direct:publish", e -> e.getMessage().setBody("A kite over the dunes")));
    }

    @Test
    void yamlRouteStoresTheMp4InTheBucket() throws Exception {
        load("classpath:routes/sora-to-s3.yaml");
        assertStored(template.request("direct:yaml-publish", e -> e.getMessage().setBody("A tram in the fog")));
    }

    @Test
    void xmlRouteStoresTheMp4InTheBucket() throws Exception {
        load("classpath:routes/sora-to-s3.xml");
        assertStored(template.request("direct:xml-publish", e -> e.getMessage().setBody("A lantern on a pier")));
    }

    @Test
    void aVideoLargerThanThePartSizeIsAMultipartUpload() throws Exception {
        Path large = largeMp4(work.resolve("large.mp4"), 2 * PART_SIZE + 1_000_000);
        try (VideoEmulator served = VideoEmulator.builder().jobDuration(Duration.ofMillis(200)).pollAfterMs(50)
                .videoFile(large).start()) {
            SoraComponent other = new SoraComponent();
            configure(other.getConfiguration());
            other.getConfiguration().setBaseUrl(served.baseUrl());
            context.addComponent("sora-large", other);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:publish-large")
                            .to("sora-large:textToVideo?seconds=4&size=1280x720")
                            .to("aws2-s3:{{s3.bucket}}?multiPartUpload=true&partSize=8388608"
                                + "&overrideEndpoint=true&uriEndpointOverride={{s3.endpoint}}&forcePathStyle=true"
                                + "&region={{s3.region}}&accessKey=RAW({{s3.accessKey}})"
                                + "&secretKey=RAW({{s3.secretKey}})");
                }
            });

            Exchange result = template.request("direct:publish-large", e -> e.getMessage().setBody("A long take"));

            HttpResponse<byte[]> stored = assertStored(result);
            assertThat(stored.body()).hasSize((int) Files.size(large));
            // S3 gives a multipart object an ETag of "<md5 of the part md5s>-<number of parts>"
            assertThat(stored.headers().firstValue("ETag").orElseThrow()).endsWith("-3\"");
        }
    }

    @Test
    void thePageShowsTheRoutesTheTestsRun() throws IOException {
        PageSnippets page = PageSnippets.of(PAGE);
        page.assertShowsJava(SOURCE, "sora-to-s3");
        page.assertShowsFile("yaml", Path.of("src/test/resources/routes/sora-to-s3.yaml"));
        page.assertShowsFile("xml", Path.of("src/test/resources/routes/sora-to-s3.xml"));
    }

    /** Asserts that the exchange's video is in the bucket under its file name, byte for byte, as video/mp4. */
    private HttpResponse<byte[]> assertStored(Exchange result) throws Exception {
        assertThat(result.getException()).isNull();
        String key = result.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Path mp4 = output.resolve(key);
        assertThat(key).startsWith("video_").endsWith(".mp4");
        assertThat(result.getMessage().getHeader("CamelAwsS3Key")).isEqualTo(key);
        assertThat(result.getMessage().getBody()).isInstanceOf(File.class);

        HttpResponse<byte[]> stored = s3.get(BUCKET, key);
        assertThat(stored.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(stored.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(mp4));
        assertThat(stored.body()).isEqualTo(Files.readAllBytes(mp4));
        return stored;
    }

    private void load(String resource) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, resource));
    }

    /**
     * A real clip followed by a top-level {@code free} box of padding, which MP4 readers skip: a playable video of
     * the given size without a large file in the repository.
     */
    private static Path largeMp4(Path target, long bytes) throws IOException {
        Mp4Renderer.render(target, 640, 360, 4);
        long padding = bytes - Files.size(target);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.APPEND)) {
            ByteBuffer header = ByteBuffer.allocate(8).putInt((int) padding).put("free".getBytes("US-ASCII"));
            out.write(header.flip());
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            for (long left = padding - 8; left > 0; left -= out.write(zeros.clear().limit((int) Math.min(zeros.capacity(), left)))) {
                // each pass writes one buffer of zeros
            }
        }
        return target;
    }
}
