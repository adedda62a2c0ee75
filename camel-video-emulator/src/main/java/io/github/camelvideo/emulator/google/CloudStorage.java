package io.github.camelvideo.emulator.google;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The objects of the emulated Cloud Storage; buckets exist implicitly. Thread-safe. */
final class CloudStorage {

    /** One stored object; {@code bytes} is never modified after storing. */
    record StoredObject(String bucket, String name, byte[] bytes, String contentType) {
    }

    /**
     * A parsed {@code gs://bucket/object} URI.
     *
     * @param bucket bucket name
     * @param name object name, possibly empty (a bucket or prefix URI)
     */
    record GcsUri(String bucket, String name) {

        /** Parses a URI; null when it is not a {@code gs://} URI with a bucket. */
        static GcsUri parse(String uri) {
            if (uri == null || !uri.startsWith("gs://")) {
                return null;
            }
            String rest = uri.substring(5);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (bucket.isEmpty()) {
                return null;
            }
            return new GcsUri(bucket, slash < 0 ? "" : rest.substring(slash + 1));
        }

        @Override
        public String toString() {
            return "gs://" + bucket + "/" + name;
        }
    }

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

    void put(String bucket, String name, byte[] bytes, String contentType) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(name, "name");
        if (bucket.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("bucket and name must not be empty");
        }
        objects.put(key(bucket, name), new StoredObject(bucket, name, bytes.clone(),
                contentType == null ? "application/octet-stream" : contentType));
    }

    /** The object, or null when there is none. */
    StoredObject get(String bucket, String name) {
        return objects.get(key(bucket, name));
    }

    private static String key(String bucket, String name) {
        return bucket + "/" + name;
    }
}
