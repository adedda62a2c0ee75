package io.github.camelvideo.veo.google;

import java.util.List;

import io.github.camelvideo.core.spi.VideoLocation;

/**
 * A Veo long-running operation as the provider reported it: the message body of getOperation, and of the job steps
 * when nothing is downloaded.
 *
 * @param name                    the operation name, such as {@code models/veo-3.1-generate-preview/operations/abc}
 * @param done                    whether the operation finished
 * @param errorCode               the {@code google.rpc.Status} code of a failed operation, else {@code null}
 * @param errorMessage            its message, else {@code null}
 * @param videos                  the generated videos of a finished operation
 * @param raiMediaFilteredCount   how many videos safety filters removed
 * @param raiMediaFilteredReasons why they were removed
 */
public record VeoJob(String name, boolean done, Integer errorCode, String errorMessage, List<Video> videos,
                     int raiMediaFilteredCount, List<String> raiMediaFilteredReasons) implements VideoLocation {

    public VeoJob {
        videos = videos == null ? List.of() : List.copyOf(videos);
        raiMediaFilteredReasons = raiMediaFilteredReasons == null ? List.of() : List.copyOf(raiMediaFilteredReasons);
    }

    /**
     * One generated video.
     *
     * @param uri      where it can be fetched: a Gemini API file URI or a {@code gs://} URI, or {@code null} when the
     *                 video came inline
     * @param mimeType its media type, when reported
     * @param inline   whether the bytes came inside the response (they are then kept in a temporary file until the
     *                 download moves them into place)
     */
    public record Video(String uri, String mimeType, boolean inline) {
    }

    /** Whether the operation finished with an error. */
    public boolean failed() {
        return done && (errorCode != null || errorMessage != null);
    }

    /** Whether safety filters removed the result: done, no error, and no video or a filtered count. */
    public boolean filtered() {
        return done && !failed() && (videos.isEmpty() || raiMediaFilteredCount > 0
                                     || !raiMediaFilteredReasons.isEmpty());
    }

    /** The URI of the first video, if it has one. */
    public String videoUri() {
        return videos.isEmpty() ? null : videos.get(0).uri();
    }

    /** The URI of the first video, as every component reports a job's video. */
    @Override
    public String videoUrl() {
        return videoUri();
    }
}
