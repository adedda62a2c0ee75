package io.github.camelvideo.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose Camel route generates one video with {@code sora:} and writes it with
 * {@code file:}. Everything is configured in {@code application.properties}; any property can be overridden on the
 * command line, e.g. {@code --camel.component.sora.base-url=http://localhost:8089/v1}.
 */
@SpringBootApplication
public class VideoApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideoApplication.class, args);
    }
}
