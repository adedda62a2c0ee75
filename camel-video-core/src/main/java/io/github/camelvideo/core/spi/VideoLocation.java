package io.github.camelvideo.core.spi;

/**
 * A provider's representation of a job ({@link JobStatus#body()}) that says where the job's video is, so that every
 * component can report it in its output headers without knowing the protocol.
 */
public interface VideoLocation {

    /** The URL (or URI) of the job's video, or {@code null} while it has none. */
    String videoUrl();
}
