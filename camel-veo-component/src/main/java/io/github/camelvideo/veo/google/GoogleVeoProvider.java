package io.github.camelvideo.veo.google;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * What the two Google Veo surfaces share: a create call answered with an operation name, operations read in one
 * streaming pass (inline videos decoded to temporary files), and results that came inline handed to the download
 * as local files. Subclasses add the addresses and the credentials.
 */
public abstract class GoogleVeoProvider implements VideoProvider<VeoRequest> {

    protected final JsonApi api;
    private final OperationReader reader;
    private final Path spoolDirectory;

    protected GoogleVeoProvider(HttpTransport http, String name, Path spoolDirectory) {
        this.api = new JsonApi(http, name);
        this.reader = new OperationReader(name, spoolDirectory);
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public boolean canCheckAccess() {
        return true;
    }

    /** Reads the model's description: a free call that needs valid credentials. */
    @Override
    public abstract CompletionStage<Void> checkAccess(String model);

    /** Sends the create request; the answer names the operation. */
    protected CompletionStage<JobStatus> submitted(CompletionStage<HttpRequest> request, VeoRequest veo) {
        Map<String, String> attributes = Map.of(OperationReader.MODEL, veo.model(), OperationReader.SECONDS,
                veo.seconds().toString());
        return request.thenCompose(r -> api.call(r, null)).thenApply(response -> {
            JsonNode op = api.read(response, JsonNode.class);
            return reader.toStatus(op, new JobRef(name(), op.path("name").asText(), attributes));
        });
    }

    /** Sends a poll request and reads the operation it returns. */
    protected CompletionStage<JobStatus> polled(CompletionStage<HttpRequest> request, JobRef ref) {
        return request.thenCompose(r -> api.callToFile(r, ref.id(), spoolDirectory))
                .thenApply(body -> reader.read(body, ref));
    }

    /** The download of a result that came inline, or {@code null} when it has an address. */
    protected static DownloadSource inlineSource(JobStatus status) {
        String file = status.ref().attributes().get(OperationReader.INLINE_FILE);
        return file == null ? null : DownloadSource.ofFile(Path.of(file));
    }

    /** The URI of the finished job's video. */
    protected static String videoUri(JobStatus status) {
        return status.body() instanceof VeoJob job ? job.videoUri() : null;
    }

    @Override
    public void release(JobStatus status) {
        String file = status.ref().attributes().get(OperationReader.INLINE_FILE);
        if (file != null) {
            try {
                Files.deleteIfExists(Path.of(file));
            } catch (IOException ignored) {
                // a temporary file in the spool directory
            }
        }
    }
}
