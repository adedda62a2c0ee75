package io.github.camelvideo.core.protocol.kie;

import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.BaseUrls;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.ImageInput;

/**
 * Kie's file upload API, for image inputs given as bytes: {@code POST {base}/api/file-base64-upload} with
 * {@code base64Data} as a data URI, {@code uploadPath} and {@code fileName}. The upload host sets the file's content
 * type from its name, so the name's extension is the one of the bytes' detected type, never the caller's. Files are
 * deleted by Kie after three days: an upload serves one task.
 */
public final class KieUploads {

    /** Kie's upload address. */
    public static final String DEFAULT_BASE_URL = "https://kieai.redpandaai.co";
    /** The folder uploads are put in. */
    public static final String UPLOAD_PATH = "camel-video";

    private final KieHttp http;
    private final String baseUrl;

    /** @param baseUrl the upload API's base, {@value #DEFAULT_BASE_URL} or an emulator's */
    public KieUploads(KieHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = BaseUrls.normalize(baseUrl, "uploadBaseUrl");
    }

    /** Uploads an image and completes with its download URL. */
    public CompletionStage<String> upload(ImageInput image) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("base64Data", "data:" + image.type().contentType() + ";base64,"
                               + Base64.getEncoder().encodeToString(image.bytes()));
        body.put("uploadPath", UPLOAD_PATH);
        body.put("fileName", UUID.randomUUID() + "." + image.type().extension());
        var request = http.authorized(URI.create(baseUrl + "/api/file-base64-upload"))
                .header("Content-Type", "application/json").POST(JsonApi.json(body)).build();
        return http.call(request, null).thenApply(KieUploads::url);
    }

    /** The two documented reply examples differ: {@code downloadUrl} first, then {@code fileUrl}. */
    private static String url(JsonNode data) {
        for (String field : new String[] {"downloadUrl", "fileUrl"}) {
            if (data.path(field).isTextual() && !data.path(field).asText().isBlank()) {
                return data.path(field).asText();
            }
        }
        throw new VideoServerException("Kie accepted the upload but its answer names no downloadUrl", null, null, null,
                200, null);
    }
}
