package io.github.camelvideo.examples;

import org.apache.camel.builder.RouteBuilder;

import io.github.camelvideo.core.error.VideoException;

/**
 * The demo's Java DSL routes. A prompt or images in, an MP4 file out: each {@code sora:}, {@code veo:} or {@code kling:} step submits a
 * job, waits for it without holding a thread and continues with the downloaded file.
 */
public class DemoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // every failure keeps the job id (when a job exists) in its header, so the summary can name it
        onException(VideoException.class)
                .handled(true)
                .log("Video job failed: ${exception.message}");

        from("direct:textToVideo").routeId("java-text-to-video")
                .to("sora:textToVideo")
                .log("Video ${header.CamelSoraVideoId} ready: ${header.CamelFileName}");

        from("direct:imageToVideo").routeId("java-image-to-video")
                .to("sora:imageToVideo")
                .log("Video ${header.CamelSoraVideoId} from an image ready: ${header.CamelFileName}");

        from("direct:remix").routeId("java-remix")
                .to("sora:remix")
                .log("Remix ${header.CamelSoraVideoId} ready: ${header.CamelFileName}");

        // body: a Storyboard; its scenes become one continuous video
        from("direct:soraStoryboard").routeId("java-sora-storyboard")
                .to("sora:storyboard?size=1280x720")
                .log("Storyboard ${header.CamelFileName} ready: ${header.CamelSoraDuration} s from scenes"
                     + " ${header.CamelSoraSceneVideoIds} (${header.CamelSoraStoryboardMode} mode)");

        // body: the prompt; Kling 3.0 through fal's queue
        from("direct:klingTextToVideo").routeId("java-kling-text-to-video")
                .to("kling:textToVideo")
                .log("Kling video ${header.CamelKlingRequestId} ready: ${header.CamelFileName}");

        // body: the prompt; Veo 3.1 Fast through Kie.ai's Veo API (8 s); the key comes from the demo's properties
        from("direct:veoKieTextToVideo").routeId("java-veo-kie-text-to-video")
                .to("veo:textToVideo?provider=kie&model=veo3_fast&baseUrl={{demo.kie.baseUrl}}"
                    + "&apiKey=RAW({{demo.kie.apiKey}})")
                .log("Veo video ${header.CamelVeoOperationName} through Kie ready: ${header.CamelFileName}");

        // body: the first frame; CamelVeoLastFrame: the last frame; CamelVeoPrompt: what happens in between
        from("direct:veoImageToVideo").routeId("java-veo-image-to-video")
                .to("veo:imageToVideo")
                .log("Veo video ${header.CamelVeoOperationName} from a first and a last frame ready:"
                     + " ${header.CamelFileName}");
    }
}
