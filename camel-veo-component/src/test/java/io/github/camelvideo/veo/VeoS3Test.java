package io.github.camelvideo.veo;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 examples of docs/veo-component.md (Java, YAML and XML DSL) run against S3Mock, an S3-compatible server
 * started as a process: the stored object has the MP4's bytes, size and content type.
 */
class VeoS3Test extends VeoTestSupport {

    private static final Path PAGE = Path.of("..", "docs", "veo-component.md");
    private static final Path SOURCE = Path.of("src/test/java/io/github/camelvideo/veo/VeoS3Test.java");
    private static final String BUCKET = "veo-videos";

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
                // page: veo-to-s3
                from("direct:publish")
                        .to("veo:textToVideo?durationSeconds=8&aspectRatio=16:9")
                        .to("aws2-s3:{{s3.bucket}}?multiPartUpload=true&partSize=8388608"
                            + "&overrideEndpoint=true&uriEndpointOverride={{s3.endpoint}}&forcePathStyle=true"
                            + "&region={{s3.region}}&accessKey=RAW({{s3.accessKey}})&secretKey=RAW({{s3.secretKey}})");
                // end of page: veo-to-s3
            }
        };
    }

    @Test
    void pageRoutesStoreTheMp4InTheBucket() throws Exception {
        load("classpath:routes/veo-to-s3.yaml");
        load("classpath:routes/veo-to-s3.xml");

        assertStored(template.request("direct:publish", e -> e.getMessage().setBody("Dunes at sunrise")));
        assertStored(template.request("direct:yaml-publish", e -> e.getMessage().setBody("A harbour at night")));
        assertStored(template.request("direct:xml-publish", e -> e.getMessage().setBody("Rain on a window")));

        PageSnippets page = PageSnippets.of(PAGE);
        page.assertShowsJava(SOURCE, "veo-to-s3");
        page.assertShowsFile("yaml", Path.of("src/test/resources/routes/veo-to-s3.yaml"));
        page.assertShowsFile("xml", Path.of("src/test/resources/routes/veo-to-s3.xml"));
    }

    /** Asserts that the exchange's video is in the bucket under its file name, byte for byte, as video/mp4. */
    private void assertStored(Exchange result) throws Exception {
        assertThat(result.getException()).isNull();
        String key = result.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Path mp4 = output.resolve(key);
        assertThat(key).endsWith(".mp4");
        assertThat(result.getMessage().getHeader("CamelAwsS3Key")).isEqualTo(key);
        assertThat(result.getMessage().getBody()).isInstanceOf(File.class);

        HttpResponse<byte[]> stored = s3.get(BUCKET, key);
        assertThat(stored.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(stored.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(mp4));
        assertThat(stored.body()).isEqualTo(Files.readAllBytes(mp4));
    }

    private void load(String resource) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, resource));
    }
}
