package io.github.camelvideo.core.camel;

import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.media.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The downloaded file as a message: a File body and the headers file: and aws2-s3 store it with. */
class OutcomeWriterTest {

    private final OutcomeWriter writer = new OutcomeWriter(new HeaderNames("JobId", "Status", null, "Model",
            "Seconds", "Size", "ExpiresAt", "Cost", "Duration", "Key", "Scenes", "Mode"));

    @Test
    void setsTheS3KeyContentTypeAndLengthReplacingEarlierOnes() {
        Message message = new DefaultMessage(new DefaultCamelContext());
        // left by an aws2-s3 consumer that read the prompt
        message.setHeader("CamelAwsS3Key", "prompts/lighthouse.txt");
        message.setHeader("CamelAwsS3ContentType", "text/plain");

        writer.writeFile(message, new DownloadedFile(Path.of("/videos/video_1.mp4"), 1234, MediaType.MP4, null));

        assertThat(message.getBody()).isInstanceOf(java.io.File.class);
        assertThat(message.getHeaders())
                .containsEntry("CamelAwsS3Key", "video_1.mp4")
                .containsEntry("CamelAwsS3ContentType", "video/mp4")
                .containsEntry("CamelAwsS3ContentLength", 1234L)
                .containsEntry(Exchange.FILE_NAME, "video_1.mp4")
                .containsEntry(Exchange.CONTENT_TYPE, "video/mp4");
    }
}
