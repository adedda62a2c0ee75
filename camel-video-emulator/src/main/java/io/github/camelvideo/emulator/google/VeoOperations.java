package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelvideo.emulator.core.FaultHooks;
import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.core.JsonFolder;
import io.github.camelvideo.emulator.core.Toggle;
import io.github.camelvideo.emulator.media.Footage;
import io.github.camelvideo.emulator.media.MediaLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Veo operations of both surfaces, the Gemini files they produce and the Cloud Storage
 * outputs of Vertex operations. Thread-safe.
 */
final class VeoOperations {

    private static final Logger LOG = LoggerFactory.getLogger(VeoOperations.class);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** A Gemini file URI as this emulator returns it, or the short {@code files/ID} form. */
    private static final Pattern FILE_URI = Pattern.compile("(?:.*/v1beta/)?files/([a-z0-9]+)(?::download)?(?:\\?.*)?");

    private final GoogleSettings settings;
    private final MediaLibrary media;
    private final FaultHooks faults;
    private final CloudStorage storage;
    private final Toggle extensions;
    private final Map<String, VeoOperation> byName = new ConcurrentHashMap<>();
    private final Map<String, VeoOperation> byFile = new ConcurrentHashMap<>();
    /** Vertex operations with a storageUri whose output is not written yet; guarded by this. */
    private final List<VeoOperation> unsettled = new ArrayList<>();

    /** Where operations are kept across restarts; {@link JsonFolder#NONE} unless a state directory is set. */
    private volatile JsonFolder archive = JsonFolder.NONE;

    VeoOperations(GoogleSettings settings, MediaLibrary media, FaultHooks faults, CloudStorage storage,
            Toggle extensions) {
        this.settings = settings;
        this.media = media;
        this.faults = faults;
        this.storage = storage;
        this.extensions = extensions;
    }

    /** True when requests may extend a video ({@code instances[0].video}). */
    boolean extensionsEnabled() {
        return extensions.isOn();
    }

    /** The footage an extension continues; sent bytes are kept in the media library first. */
    Footage footage(SourceVideo source) throws IOException {
        return source.footage(media);
    }

    /** {@code n} random lower-case letters and digits, the shape of Gemini operation and file ids. */
    static String randomId(int n) {
        StringBuilder id = new StringBuilder(n);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /**
     * Starts an operation.
     *
     * @param modelResource the model's resource name, the operation name without {@code /operations/id}
     * @param id the operation id
     * @param requestDigest the digest of the create request, listed by the admin API
     */
    VeoOperation create(Dialect dialect, String modelResource, String id, VeoRequest request, String requestDigest) {
        JobFate fate = faults.nextJobFate();
        List<String> fileIds = new ArrayList<>();
        if (dialect == Dialect.GEMINI) {
            for (int i = 0; i < request.samples(); i++) {
                fileIds.add(randomId(12));
            }
        }
        VeoOperation op = new VeoOperation(modelResource + "/operations/" + id, id, dialect, now(), fate,
                request.rendition(), List.copyOf(fileIds), request.storageUri(), request.samples(), requestDigest);
        // Stored before the response leaves, so an operation a client was told about is never lost.
        archive.save(VeoOperationJson.fileName(op), VeoOperationJson.write(op));
        add(op);
        LOG.debug("Created {} ({}x{} {} s, fate {})", op.name(), op.rendition().width(), op.rendition().height(),
                op.rendition().seconds(), fate.kind());
        return op;
    }

    private void add(VeoOperation op) {
        byName.put(op.name(), op);
        op.fileIds().forEach(file -> byFile.put(file, op));
        if (op.storageUri() != null) {
            synchronized (this) {
                unsettled.add(op);
            }
        }
        if (op.fate().kind() == JobFate.Kind.COMPLETE) {
            // Start rendering now so the video is ready when the operation is done.
            op.rendition().prefetch(media);
        }
    }

    /**
     * Keeps every operation in {@code folder} from now on and takes back those an earlier run kept
     * there. Their Cloud Storage outputs are written again as they are read, since objects are not kept.
     *
     * @return the number of operations taken back
     */
    int persistTo(JsonFolder folder) {
        List<VeoOperation> restored = folder.load(VeoOperationJson::read);
        restored.forEach(this::add);
        this.archive = folder;
        return restored.size();
    }

    /** Every operation, in no particular order (a snapshot). */
    List<VeoOperation> all() {
        return List.copyOf(byName.values());
    }

    /** The operation with this full name, or null. */
    VeoOperation find(String name) {
        return byName.get(name);
    }

    /** The operation that produced the Gemini file with this id, or null. */
    VeoOperation byFileId(String fileId) {
        return byFile.get(fileId);
    }

    /** The id of a Gemini file URI this emulator returned ({@code .../v1beta/files/ID:download?alt=media}), or null. */
    static String fileIdOf(String uri) {
        Matcher m = FILE_URI.matcher(uri);
        return m.matches() ? m.group(1) : null;
    }

    /** The URI of a generated Gemini file, as the done operation lists it. */
    String fileUri(String fileId) {
        return settings.rootUrl() + "/v1beta/files/" + fileId + ":download?alt=media";
    }

    int count() {
        return byName.size();
    }

    /** Where the operation is now. */
    JobTimeline.Point progress(VeoOperation op) {
        return JobTimeline.at(op.createdAtMillis(), op.fate(), settings.jobDuration().toMillis(), now());
    }

    /** True when the operation succeeded and its outputs are past the retention period. */
    boolean expired(VeoOperation op, JobTimeline.Point point) {
        return point.phase() == JobTimeline.Phase.SUCCEEDED
                && now() >= point.finishedAtMillis() + settings.retention().toMillis();
    }

    /** The Cloud Storage object sample {@code index} of a Vertex operation with a storageUri is written to. */
    static CloudStorage.GcsUri outputObject(VeoOperation op, int index) {
        CloudStorage.GcsUri base = CloudStorage.GcsUri.parse(op.storageUri());
        String prefix = base.name();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return new CloudStorage.GcsUri(base.bucket(),
                (prefix.isEmpty() ? "" : prefix + "/") + op.id() + "/sample_" + index + ".mp4");
    }

    /**
     * Writes the videos of finished Vertex operations with a storageUri into Cloud Storage. Called
     * before anything reads operations or storage, so objects appear as their operation completes.
     *
     * @throws IOException if a video cannot be rendered (the operation stays unsettled)
     */
    synchronized void settle() throws IOException {
        for (Iterator<VeoOperation> it = unsettled.iterator(); it.hasNext();) {
            VeoOperation op = it.next();
            JobTimeline.Point point = progress(op);
            if (!point.phase().isDone()) {
                continue;
            }
            if (point.phase() == JobTimeline.Phase.SUCCEEDED) {
                byte[] video = Files.readAllBytes(op.rendition().render(media));
                for (int i = 0; i < op.samples(); i++) {
                    CloudStorage.GcsUri target = outputObject(op, i);
                    storage.put(target.bucket(), target.name(), video, "video/mp4");
                }
            }
            it.remove();
        }
    }

    long now() {
        return settings.clock().millis();
    }
}
