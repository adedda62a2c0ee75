package io.github.camelvideo.examples;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.testing.S3MockServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's S3 mode: every video it makes is also in the bucket, byte for byte, as video/mp4. */
class DemoS3Test {

    private static final String BUCKET = "demo-videos";

    @TempDir
    static Path work;

    private static S3MockServer s3;

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void everyVideoIsStoredInTheBucket() throws Exception {
        s3 = S3MockServer.start(work, BUCKET);
        // the AWS SDK's default credentials chain reads these system properties
        System.setProperty("aws.accessKeyId", S3MockServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3MockServer.SECRET_KEY);
        Path output = Files.createDirectories(work.resolve("videos"));

        List<DemoResult> results = new Demo(Demo.Settings.emulated(output, Duration.ofMillis(500)))
                .storingIn(new DemoS3(BUCKET, s3.endpoint(), S3MockServer.REGION)).run();

        assertThat(results).hasSize(12).allSatisfy(r -> assertThat(r.ok()).as("%s: %s", r.label(), r.error()).isTrue());
        for (DemoResult result : results) {
            HttpResponse<byte[]> stored = s3.get(BUCKET, result.file());
            assertThat(stored.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(stored.body()).isEqualTo(Files.readAllBytes(output.resolve(result.file())));
        }
    }
}
