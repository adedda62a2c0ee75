package io.github.camelvideo.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Generates one video when the application starts and writes it to {@code video.output-directory}. The sora:
 * component's connection (base URL, API key, where downloads go) comes from the {@code camel.component.sora.*}
 * properties through the starter.
 */
@Component
public class GenerateVideoRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:generate?repeatCount=1").routeId("generate-video")
                .setBody(constant("{{video.prompt}}"))
                .log("Generating a {{video.seconds}} s video: ${body}")
                .to("sora:textToVideo?seconds={{video.seconds}}&size={{video.size}}")
                // the body is the MP4 file: log its name, not the body
                .to("file:{{video.output-directory}}")
                .log("Wrote {{video.output-directory}}/${header.CamelFileName}");
    }
}
