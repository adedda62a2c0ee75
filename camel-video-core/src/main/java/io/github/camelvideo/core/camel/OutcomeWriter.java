package io.github.camelvideo.core.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.job.JobOutcome;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.StoryboardOutcome;

/**
 * Writes a job's result into a message: status headers always; with a download, the {@link java.io.File} body plus
 * the file name, content type, length and probed figures that {@code file:} and {@code aws2-s3} use to store the
 * file without reading it into memory; without one, the provider's job object as body.
 */
public final class OutcomeWriter {

    /**
     * The headers {@code aws2-s3} reads for an upload, written as plain names so core needs no AWS dependency: the
     * object key (the file name), its content type and length. With them {@code to("aws2-s3:bucket")} stores the
     * file as it is, streamed from disk.
     */
    static final String S3_KEY = "CamelAwsS3Key";
    static final String S3_CONTENT_TYPE = "CamelAwsS3ContentType";
    static final String S3_CONTENT_LENGTH = "CamelAwsS3ContentLength";

    private final HeaderNames names;

    public OutcomeWriter(HeaderNames names) {
        this.names = names;
    }

    /** Sets the headers of a job status; absent values leave existing headers alone. */
    public void writeStatus(Message message, JobStatus status) {
        message.setHeader(names.jobId(), status.ref().id());
        setIfPresent(message, names.status(), status.status());
        setIfPresent(message, names.progress(), status.progress());
        setIfPresent(message, names.model(), status.model());
        setIfPresent(message, names.seconds(), status.seconds());
        setIfPresent(message, names.size(), status.size());
        setIfPresent(message, names.expiresAt(), status.expiresAt());
    }

    /** Writes a whole outcome. */
    public void write(Message message, JobOutcome outcome) {
        writeStatus(message, outcome.status());
        if (outcome.cost() != null) {
            message.setHeader(names.costUsd(), outcome.cost().usd());
        }
        if (outcome.file() != null) {
            writeFile(message, outcome.file());
        } else {
            message.setBody(outcome.status().body());
        }
    }

    /**
     * Writes a finished storyboard: the last scene's status, the total length, the summed cost, every scene's job id,
     * the mode used and the one video as body.
     */
    public void writeStoryboard(Message message, StoryboardOutcome outcome) {
        writeStatus(message, outcome.lastStatus());
        setIfPresent(message, names.seconds(), outcome.seconds());
        setIfPresent(message, names.costUsd(), outcome.costUsd());
        setIfPresent(message, names.sceneJobIds(), outcome.jobIds());
        setIfPresent(message, names.storyboardMode(), outcome.mode().name());
        writeFile(message, outcome.file());
    }

    /** Makes a downloaded file the body. */
    public void writeFile(Message message, DownloadedFile file) {
        message.setBody(new ResultFile(file.path()));
        message.setHeader(Exchange.FILE_NAME, file.path().getFileName().toString());
        message.setHeader(Exchange.CONTENT_TYPE, file.mediaType().contentType());
        message.setHeader(Exchange.FILE_LENGTH, file.size());
        message.setHeader(Exchange.CONTENT_LENGTH, file.size());
        writeStorageHeaders(message, file);
        if (file.mp4() != null) {
            message.setHeader(names.duration(), file.mp4().durationSeconds());
            message.setHeader(names.size(), file.mp4().size());
        }
    }

    /**
     * Sets what {@code aws2-s3} needs to store the file. They replace what an earlier step (an {@code aws2-s3}
     * consumer, say) left, as the file name does: they describe the body now in the message. A route that wants
     * another key sets {@code CamelAwsS3Key} after the video step.
     */
    private static void writeStorageHeaders(Message message, DownloadedFile file) {
        message.setHeader(S3_KEY, file.path().getFileName().toString());
        message.setHeader(S3_CONTENT_TYPE, file.mediaType().contentType());
        message.setHeader(S3_CONTENT_LENGTH, file.size());
    }

    private static void setIfPresent(Message message, String name, Object value) {
        if (name != null && value != null) {
            message.setHeader(name, value);
        }
    }
}
