package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.Blob;
import io.github.camelvideo.emulator.core.MediaDownload;

/**
 * The Cloud Storage JSON API's object read (OAuth bearer):
 * {@code GET /storage/v1/b/{bucket}/o/{object}} gives the metadata, with {@code alt=media} the
 * bytes (ranges and download faults included).
 */
final class StorageApi extends GoogleSurface {

    /** The object name is the rest of the (decoded) path, so an encoded {@code %2F} reads as '/'. */
    private static final Pattern OBJECT = Pattern.compile("/storage/v1/b/([^/]+)/o/(.+)");

    private final VeoOperations operations;
    private final CloudStorage storage;
    private final AccessTokens tokens;
    private final MediaDownload download;

    StorageApi(VeoOperations operations, CloudStorage storage, AccessTokens tokens, MediaDownload download) {
        this.operations = operations;
        this.storage = storage;
        this.tokens = tokens;
        this.download = download;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith("/storage/v1/");
    }

    @Override
    void authorize(ApiRequest request) {
        tokens.require(request);
    }

    @Override
    ApiResponse route(ApiRequest request) {
        Matcher m = OBJECT.matcher(request.path());
        if (!m.matches() || !request.method().equals("GET")) {
            throw noSuchMethod(request);
        }
        try {
            operations.settle();
        } catch (IOException e) {
            throw GoogleError.internal();
        }
        CloudStorage.StoredObject object = storage.get(m.group(1), m.group(2));
        if (object == null) {
            throw GoogleError.noSuchObject(m.group(1), m.group(2));
        }
        if ("media".equals(request.queryParam("alt"))) {
            return download.serve(request, Blob.of(object.bytes()), object.contentType(), GoogleError.STYLE);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "storage#object");
        json.put("name", object.name());
        json.put("bucket", object.bucket());
        json.put("size", Integer.toString(object.bytes().length));
        json.put("contentType", object.contentType());
        return ApiResponse.json(200, json);
    }
}
