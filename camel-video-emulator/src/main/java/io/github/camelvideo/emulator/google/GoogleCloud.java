package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.camelvideo.emulator.core.FaultHooks;
import io.github.camelvideo.emulator.core.JobSummary;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.core.JsonFolder;
import io.github.camelvideo.emulator.core.MediaDownload;
import io.github.camelvideo.emulator.core.Surface;
import io.github.camelvideo.emulator.core.Toggle;
import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * The emulated Google side: Veo on the Gemini API and on Vertex AI, Cloud Storage and the OAuth
 * token endpoint, sharing one operation store, one object store and one set of issued tokens.
 */
public final class GoogleCloud {

    private final VeoOperations operations;
    private final CloudStorage storage = new CloudStorage();
    private final List<Surface> surfaces;

    /**
     * Creates the surfaces.
     *
     * @param settings auth, lifecycle and URL settings
     * @param media where rendered videos come from
     * @param faults the fault plan consulted for operation fates and downloads
     * @param extensions whether Veo requests may extend a video; when off, a request with
     *        {@code instances[0].video} is refused as by a model without extension
     */
    public GoogleCloud(GoogleSettings settings, MediaLibrary media, FaultHooks faults, Toggle extensions) {
        this.operations = new VeoOperations(settings, media, faults, storage, extensions);
        AccessTokens tokens = new AccessTokens(settings.accessToken());
        MediaDownload download = new MediaDownload(faults);
        this.surfaces = List.of(new GeminiApi(settings, operations, storage, media, download),
                new VertexApi(operations, storage, tokens, media),
                new StorageApi(operations, storage, tokens, download),
                new TokenEndpoint(tokens));
    }

    /** The surfaces, each serving its own paths: {@code /v1beta}, {@code /v1/projects}, {@code /storage/v1}, {@code /token}. */
    public List<Surface> surfaces() {
        return surfaces;
    }

    /** The number of Veo operations created on either surface. */
    public int operationCount() {
        return operations.count();
    }

    /**
     * Keeps every Veo operation in {@code folder} from now on and takes back those an earlier run
     * kept there.
     *
     * @return the number of operations taken back
     */
    public int persistTo(JsonFolder folder) {
        return operations.persistTo(folder);
    }

    /** The Veo operations of both surfaces, oldest first, with their current state. */
    public List<JobSummary> jobs() {
        List<JobSummary> summaries = new ArrayList<>();
        for (VeoOperation op : operations.all()) {
            JobTimeline.Point point = operations.progress(op);
            String model = op.modelResource().substring(op.modelResource().lastIndexOf('/') + 1);
            summaries.add(new JobSummary(op.name(), op.dialect().name().toLowerCase(Locale.ROOT),
                    point.phase().name().toLowerCase(Locale.ROOT), point.progress(), op.createdAtMillis(),
                    point.finishedAtMillis() < 0 ? null : point.finishedAtMillis(), model, op.rendition().seconds(),
                    op.requestDigest()));
        }
        summaries.sort(Comparator.comparingLong(JobSummary::createdAtMillis).thenComparing(JobSummary::id));
        return summaries;
    }

    /** A copy of a Cloud Storage object's bytes, writing finished Vertex outputs first. */
    public Optional<byte[]> storageObject(String bucket, String name) {
        try {
            operations.settle();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CloudStorage.StoredObject object = storage.get(bucket, name);
        return object == null ? Optional.empty() : Optional.of(object.bytes().clone());
    }

    /** Stores an object (replacing any of the same name); a null content type means application/octet-stream. */
    public void putStorageObject(String bucket, String name, byte[] bytes, String contentType) {
        storage.put(bucket, name, bytes, contentType);
    }
}
