package io.github.camelvideo.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's optional S3 step ({@code -Ddemo.s3=BUCKET}): each finished video, as the video step left it, goes to
 * {@code aws2-s3}. The body is the MP4 file and the video step set {@code CamelAwsS3Key}, the content type and length,
 * so the endpoint needs only where and how to connect. Files of 8 MiB or more go up as multipart uploads.
 *
 * @param bucket   the bucket
 * @param endpoint an S3-compatible server's URL (S3Mock, MinIO), or {@code null} for Amazon S3
 * @param region   the region
 */
public record DemoS3(String bucket, String endpoint, String region) {

    /** The route's input. */
    static final String ROUTE = "direct:demoS3";

    /** The S3 target the system properties name, or {@code null} without {@code demo.s3}. */
    static DemoS3 fromSystemProperties() {
        String bucket = System.getProperty("demo.s3");
        if (bucket == null || bucket.isBlank()) {
            return null;
        }
        return new DemoS3(bucket, System.getProperty("demo.s3.endpoint"),
                System.getProperty("demo.s3.region", "us-east-1"));
    }

    /**
     * The aws2-s3 endpoint. Credentials come from the AWS SDK's default chain: {@code AWS_ACCESS_KEY_ID} and
     * {@code AWS_SECRET_ACCESS_KEY}, the {@code aws.accessKeyId} and {@code aws.secretAccessKey} system properties,
     * a profile, or the instance's role.
     */
    String uri() {
        String uri = "aws2-s3:" + bucket + "?multiPartUpload=true&partSize=8388608&useDefaultCredentialsProvider=true"
                     + "&region=" + region;
        if (endpoint != null && !endpoint.isBlank()) {
            uri += "&overrideEndpoint=true&uriEndpointOverride=" + endpoint + "&forcePathStyle=true";
        }
        return uri;
    }

    /** The route that stores a video. */
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).routeId("demo-s3")
                        .to(uri())
                        .log("Stored in s3://${header.CamelAwsS3ProducedBucketName}/${header.CamelAwsS3ProducedKey}");
            }
        };
    }
}
