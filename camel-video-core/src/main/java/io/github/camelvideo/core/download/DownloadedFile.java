package io.github.camelvideo.core.download;

import java.nio.file.Path;

import io.github.camelvideo.core.media.MediaType;
import io.github.camelvideo.core.media.Mp4Info;

/**
 * A completely downloaded result at its final place.
 *
 * @param path      the file
 * @param size      its length in bytes
 * @param mediaType its format, as recognised from its bytes
 * @param mp4       what the MP4 probe read, or {@code null} for images
 */
public record DownloadedFile(Path path, long size, MediaType mediaType, Mp4Info mp4) {
}
