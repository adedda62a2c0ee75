package io.github.camelvideo.core.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoDownloadException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.media.MediaType;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.spi.DownloadSource;

/**
 * Streams a result to a hidden temporary file beside its destination and renames it into place only when it is
 * complete and checked, so no partial or wrong file is ever visible under the final name. A connection lost
 * mid-body is resumed with a {@code Range} request. The body must be the expected kind of media, judged by the
 * response's content type and by the file's own bytes: an error document served as content is rejected, not saved
 * as a video. Memory use does not depend on the file size.
 */
public final class VideoDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(VideoDownloader.class);
    private static final int ERROR_SNIPPET = 300;
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpTransport http;
    private final int maxResumes;

    /**
     * @param http       the transport
     * @param maxResumes how many times a lost connection is resumed before the download fails
     */
    public VideoDownloader(HttpTransport http, int maxResumes) {
        this.http = http;
        this.maxResumes = maxResumes;
    }

    /**
     * Downloads into {@code directory}.
     *
     * @param fileName    the final file name, or {@code null} for {@code baseName} plus the extension of the
     *                    detected format
     * @param baseName    the name without extension used when {@code fileName} is {@code null}
     * @param expectVideo {@code true} for an MP4, {@code false} for an image
     * @param provider    for error messages
     * @param jobId       for error messages
     */
    public CompletionStage<DownloadedFile> download(DownloadSource source, Path directory, String fileName,
                                                    String baseName, boolean expectVideo, String provider,
                                                    String jobId) {
        Path temp = directory.resolve("." + baseName + "." + UUID.randomUUID() + ".part");
        Attempt attempt = new Attempt(source, temp, expectVideo, provider, jobId);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new VideoDownloadException(
                    "Cannot create output directory " + directory + ": " + e.getMessage(), provider, jobId, false,
                    e));
        }
        CompletionStage<MediaType> fetched = source.isLocalFile() ? attempt.moveLocal() : attempt.run(0);
        return fetched
                .thenApply(type -> finish(temp,
                        directory.resolve(fileName != null ? fileName : baseName + "." + type.extension()), type,
                        provider, jobId))
                .whenComplete((f, e) -> {
                    if (e != null) {
                        deleteQuietly(temp);
                    }
                });
    }

    private DownloadedFile finish(Path temp, Path target, MediaType type, String provider, String jobId) {
        try {
            Mp4Info info = type == MediaType.MP4 ? Mp4Probe.probe(temp) : null;
            long size = Files.size(temp);
            moveIntoPlace(temp, target);
            return new DownloadedFile(target, size, type, info);
        } catch (IOException e) {
            throw new VideoDownloadException("Downloaded result of job " + jobId + " is not usable: "
                                             + e.getMessage(), provider, jobId, false, e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete temporary file {}: {}", p, e.getMessage());
        }
    }

    /** One download, possibly over several HTTP requests. */
    private final class Attempt {
        final DownloadSource source;
        final Path temp;
        final boolean expectVideo;
        final String provider;
        final String jobId;
        int resumes;

        Attempt(DownloadSource source, Path temp, boolean expectVideo, String provider, String jobId) {
            this.source = source;
            this.temp = temp;
            this.expectVideo = expectVideo;
            this.provider = provider;
            this.jobId = jobId;
        }

        /** A result already on disk: moved beside its destination, then checked like a downloaded one. */
        CompletionStage<MediaType> moveLocal() {
            try {
                Files.move(Path.of(source.uri()), temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(new VideoDownloadException("Result of job " + jobId
                                                                                 + " cannot be moved into place: "
                                                                                 + e.getMessage(),
                        provider, jobId, false, e));
            }
            return checked(new Outcome(200, null, null));
        }

        CompletionStage<MediaType> run(long offset) {
            return fetch(source.uri(), source.headers(), offset, 0);
        }

        /**
         * One request. Redirects are followed here rather than by the HTTP client, so that credentials go only to
         * the origin they were given for: a redirect to another host (such as a storage URL that carries its own
         * signature) is requested without them.
         */
        private CompletionStage<MediaType> fetch(URI uri, Map<String, String> headers, long offset, int hops) {
            HttpRequest.Builder b = http.newRequest().uri(uri).GET();
            headers.forEach(b::header);
            if (offset > 0) {
                b.header("Range", "bytes=" + offset + "-");
            }
            return http.send(b.build(), this::handle)
                    .handle((response, error) -> {
                        if (error != null) {
                            return resumeOrFail(error);
                        }
                        Outcome outcome = response.body();
                        if (outcome.location() != null) {
                            return redirect(uri, headers, outcome.location(), offset, hops);
                        }
                        return checked(outcome);
                    })
                    .thenCompose(s -> s);
        }

        private CompletionStage<MediaType> redirect(URI from, Map<String, String> headers, String location,
                                                    long offset, int hops) {
            if (hops >= MAX_REDIRECTS) {
                return CompletableFuture.failedFuture(new VideoDownloadException("Download of job " + jobId
                                                                                 + " redirected more than "
                                                                                 + MAX_REDIRECTS + " times",
                        provider, jobId, false, null));
            }
            URI to = from.resolve(location);
            boolean sameOrigin = Objects.equals(from.getScheme(), to.getScheme())
                                 && Objects.equals(from.getHost(), to.getHost()) && from.getPort() == to.getPort();
            return fetch(to, sameOrigin ? headers : Map.of(), offset, hops + 1);
        }

        private CompletionStage<MediaType> resumeOrFail(Throwable error) {
            Throwable cause = Failures.unwrap(error);
            if (cause instanceof IOException && resumes < maxResumes) {
                resumes++;
                long have = sizeOf(temp);
                LOG.info("Download of video job {} interrupted after {} bytes ({}); resuming", jobId, have,
                        cause.getMessage());
                return run(have);
            }
            return CompletableFuture.failedFuture(cause instanceof VideoDownloadException ? cause
                    : new VideoDownloadException("Download of job " + jobId + " failed: " + cause, provider,
                            jobId, true, cause));
        }

        private CompletionStage<MediaType> checked(Outcome outcome) {
            if (outcome.error != null) {
                return CompletableFuture.failedFuture(new VideoDownloadException(outcome.error, provider, jobId,
                        outcome.status >= 500 || outcome.status == 429, null));
            }
            try {
                return CompletableFuture.completedFuture(sniff());
            } catch (VideoDownloadException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private MediaType sniff() {
            byte[] head = new byte[12];
            int n;
            try (InputStream in = Files.newInputStream(temp)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                throw new VideoDownloadException("Cannot read downloaded file: " + e.getMessage(), provider, jobId,
                        false, e);
            }
            MediaType type = n == head.length ? MediaType.detect(head).orElse(null) : null;
            if (type == null || (type == MediaType.MP4) != expectVideo) {
                throw new VideoDownloadException("Downloaded content of job " + jobId + " is not "
                                                 + (expectVideo ? "an MP4 video" : "an image") + " (detected: "
                                                 + (type == null ? "unknown" : type.contentType()) + ")",
                        provider, jobId, false, null);
            }
            return type;
        }

        /** Decides from status and headers whether the body goes to the file or is read as an error. */
        private HttpResponse.BodySubscriber<Outcome> handle(HttpResponse.ResponseInfo info) {
            int status = info.statusCode();
            Optional<String> location = info.headers().firstValue("location");
            if (REDIRECTS.contains(status) && source.followRedirects() && location.isPresent()) {
                return HttpResponse.BodySubscribers.replacing(new Outcome(status, null, location.get()));
            }
            String type = info.headers().firstValue("content-type").orElse("");
            if (status == 200 || status == 206) {
                if (!acceptableType(type)) {
                    return errorBody(status, "Expected " + (expectVideo ? "video" : "image")
                                             + " content for job " + jobId + " but the server sent '" + type + "'");
                }
                OpenOption[] options = status == 206 && startsAt(info.headers(), sizeOf(temp))
                        ? new OpenOption[] { StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND }
                        // a full body (200, or a range we did not ask for) replaces whatever was there
                        : new OpenOption[] { StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING };
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(temp, options),
                        p -> new Outcome(status, null, null));
            }
            return errorBody(status, "Download of job " + jobId + " failed with HTTP " + status);
        }

        private boolean acceptableType(String contentType) {
            String bare = contentType.split(";", 2)[0].trim().toLowerCase();
            if (bare.isEmpty() || bare.equals("application/octet-stream") || bare.equals("application/binary")) {
                return true; // generic binary: the file's own bytes decide
            }
            return expectVideo ? bare.startsWith("video/") : bare.startsWith("image/");
        }

        private HttpResponse.BodySubscriber<Outcome> errorBody(int status, String message) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                    bytes -> new Outcome(status, message + ": " + snippet(bytes), null));
        }
    }

    private static boolean startsAt(HttpHeaders headers, long offset) {
        // Content-Range: bytes <start>-<end>/<total>
        return headers.firstValue("content-range")
                .map(v -> v.replaceFirst("^bytes\\s+", ""))
                .map(v -> v.split("-", 2)[0].trim())
                .map(start -> start.equals(Long.toString(offset)))
                .orElse(false);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, ERROR_SNIPPET), StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? "(empty body)" : s;
    }

    /** What one response gave: a body in the file, an error, or where it redirects to. */
    private record Outcome(int status, String error, String location) {
    }
}
